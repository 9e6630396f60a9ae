using System.Net;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Admin.Plans;

public class PlanEditorAccessTests(PlanEditorAccessTests.Host host) : IClassFixture<PlanEditorAccessTests.Host>
{
    public sealed class Host : PlanTrackerFactory;

    private async Task<List<EditorRequest>> RequestsAsync()
    {
        var a = await host.ArrangeTaskAsync();
        var (p, s, t, d, u) = (a.PlanId, a.SectionId, a.TaskId, a.DeliverableId, await host.UnitIdAsync("SNV"));
        var (o, i, duty) = await host.ArrangeStatementsAsync(a.PlanId);
        return
        [
            new("/admin/plans"),
            new("/admin/plans", "Create", ("NewPlan.Number", "999/KH-UBND"), ("NewPlan.Title", "Kế hoạch thử"), ("NewPlan.Year", "2030"), ("copyFrom", $"{p}"), ("copy", "Everything")),
            new($"/admin/plans/{p}"),
            new($"/admin/plans/{p}", "Header", ("Header.Number", "163/KH-UBND"), ("Header.Title", "Đã sửa"), ("Header.Year", "2019"), ("Header.Version", "0")),
            new($"/admin/plans/{p}", "AddSection", ("NewSection.Number", "60"), ("NewSection.Title", "Lĩnh vực mới")),
            new($"/admin/plans/{p}", "MoveSection", ("sectionId", $"{s}"), ("up", "true")),
            new($"/admin/plans/{p}", "RetireSection", ("sectionId", $"{s}")),
            new($"/admin/plans/{p}", "RestoreSection", ("sectionId", $"{s}")),
            new($"/admin/plans/sections/{s}"),
            new($"/admin/plans/sections/{s}", "Header", ("Header.Number", "61"), ("Header.Title", "Đã sửa"), ("Header.Version", "0")),
            new($"/admin/plans/sections/{s}", "AddTask", ("NewTask.Code", "x.1"), ("NewTask.Activity", "Mới")),
            new($"/admin/plans/sections/{s}", "MoveTask", ("taskId", $"{t}"), ("up", "false")),
            new($"/admin/plans/sections/{s}", "RetireTask", ("taskId", $"{t}")),
            new($"/admin/plans/sections/{s}", "RestoreTask", ("taskId", $"{t}")),
            new($"/admin/plans/tasks/{t}"),
            new($"/admin/plans/tasks/{t}", "Header", ("Header.Code", "z.z"), ("Header.Activity", "Đã sửa"), ("Header.Version", "0")),
            new($"/admin/plans/tasks/{t}", "AddDeliverable", ("NewDeliverable.Product", "Mới"), ("NewDeliverable.DeadlineText", "Quý I")),
            new($"/admin/plans/tasks/{t}", "MoveDeliverable", ("deliverableId", $"{d}"), ("up", "true")),
            new($"/admin/plans/tasks/{t}", "RetireDeliverable", ("deliverableId", $"{d}")),
            new($"/admin/plans/tasks/{t}", "RestoreDeliverable", ("deliverableId", $"{d}")),
            new($"/admin/plans/tasks/{t}", "AddAssignment", ("role", "Lead"), ("target", $"u:{u}")),
            new($"/admin/plans/tasks/{t}", "RetireAssignment", ("assignmentId", $"{a.AssignmentId}")),
            new($"/admin/plans/tasks/{t}", "RestoreAssignment", ("assignmentId", $"{a.AssignmentId}")),
            new($"/admin/plans/tasks/{t}", "Citations", ("version", "0"), ("cited", $"{t}")),
            new($"/admin/plans/deliverables/{d}"),
            new($"/admin/plans/deliverables/{d}", null, ("Input.Product", "Đã sửa"), ("Input.DeadlineText", "Quý II"), ("Input.Version", "0")),
            new($"/admin/plans/{p}/objectives/new"),
            new($"/admin/plans/{p}/objectives/new", null, ("Input.Code", "Z9"), ("Input.Kind", "Objective"), ("Input.Text", "Mới")),
            new($"/admin/plans/objectives/{o}"),
            new($"/admin/plans/objectives/{o}", null, ("Input.Code", "Z8"), ("Input.Kind", "Solution"), ("Input.Text", "Đã sửa"), ("Input.Order", "1"), ("Input.Version", "0")),
            new($"/admin/plans/objectives/{o}", "AddIndicator", ("NewIndicator.Text", "Mới"), ("NewIndicator.Target", "10")),
            new($"/admin/plans/objectives/{o}", "Remove", ("version", "0")),
            new($"/admin/plans/indicators/{i}"),
            new($"/admin/plans/indicators/{i}", null, ("Input.Text", "Đã sửa"), ("Input.Steps[0].Year", "2019"), ("Input.Steps[0].Target", "5"), ("Input.Version", "0")),
            new($"/admin/plans/indicators/{i}", "Remove", ("version", "0")),
            new($"/admin/plans/{p}/duties/new"),
            new($"/admin/plans/{p}/duties/new", null, ("Input.Code", "Z9"), ("Input.Text", "Mới"), ("Input.DeadlineText", "Quý I")),
            new($"/admin/plans/duties/{duty}"),
            new($"/admin/plans/duties/{duty}", null, ("Input.Code", "Z8"), ("Input.Text", "Đã sửa"), ("Input.DeadlineText", "Quý II"), ("Input.Version", "0")),
            new($"/admin/plans/duties/{duty}", "Remove", ("version", "0")),
        ];
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.UnitEditor)]
    public async Task Every_plan_editor_page_and_action_is_refused_to_non_admins_and_changes_nothing(string role)
    {
        var requests = await RequestsAsync();
        var client = await host.SignedInClientAsync(role, role == Roles.UnitEditor ? "STP" : null);

        await EditorAccessChecks.AssertAllRefusedAsync(host, client, signedIn: true, requests);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_plan_editor_page_and_action()
    {
        var requests = await RequestsAsync();

        await EditorAccessChecks.AssertAllRefusedAsync(host, host.NewClient(), signedIn: false, requests);
    }

    [Fact]
    public async Task Admin_opens_every_plan_editor_page()
    {
        var requests = await RequestsAsync();

        await EditorAccessChecks.AssertAllOpenAsync(await host.AdminAsync(), requests);
    }

    [Fact]
    public async Task Deadline_preview_script_is_served_locally_and_used_by_the_deliverable_forms()
    {
        var a = await host.ArrangeTaskAsync();
        var admin = await host.AdminAsync();

        var script = await host.NewClient().GetAsync("/js/deadline-preview.js");
        var page = await admin.GetStringAsync($"/admin/plans/tasks/{a.TaskId}");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("/api/deadlines/parse", await script.Content.ReadAsStringAsync());
        var document = PageText.Parse(page);
        Assert.NotNull(document.QuerySelector("script[src=\"/js/deadline-preview.js\"]"));
        Assert.NotNull(document.QuerySelector("[data-year=\"2019\"]"));
    }
}
