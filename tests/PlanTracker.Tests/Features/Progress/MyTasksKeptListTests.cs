using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Plans;
using PlanTracker.Core.Progress;
using PlanTracker.Tests.Features.Admin.Plans;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Progress;

/// <summary>
/// "Nhiệm vụ của tôi" keeps each unit's list between views (MyTasksCache); every change made in the app shows on the
/// next view all the same. Today is frozen at 01/10/2019; each test makes its own active plan with one task, so the
/// page is viewed (and its list kept) before the change and again after it.
/// </summary>
public class MyTasksKeptListTests(MyTasksKeptListTests.Host host) : IClassFixture<MyTasksKeptListTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A new active 2019 plan whose one task the unit leads, with one deliverable of the given deadline.</summary>
    private Task<PlanMaking.MadePlan> PlanAsync(string deadline = "Quý II", string leadUnit = "STP") =>
        host.AddPlanAsync($"K{Guid.NewGuid():N}"[..12], 2019, PlanStatus.Active, leadUnit: leadUnit, deadline: deadline);

    private static async Task<IDocument> MyAsync(HttpClient client, string query = "") => PageText.Parse(await client.GetStringAsync("/my" + query));

    private static IElement? Row(IDocument page, int deliverableId) => page.QuerySelector($"tr[data-deliverable=\"{Id(deliverableId)}\"]");

    private static string? State(IDocument page, int deliverableId) => Row(page, deliverableId)?.Closest("section.state-group")?.GetAttribute("data-state");

    private async Task<HttpResponseMessage> UpdateAsync(HttpClient client, int deliverableId, string unitCode, params (string Key, string Value)[] input)
    {
        var unit = Id(await host.UnitIdAsync(unitCode));
        var url = $"/deliverables/{deliverableId}/progress?unit={unit}&period=";
        var form = await client.GetStringAsync(url);
        return await client.PostAsync(url, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", FormPosting.AntiforgeryToken(form)), new("Unit", unit), new("Period", ""),
            new("Input.Version", PageText.InputValue(form, "Input.Version")),
            .. input.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)),
        ]));
    }

    [Fact]
    public async Task A_status_update_shows_at_once()
    {
        var plan = await PlanAsync("Quý IV");
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        Assert.Equal("InProgress", State(await MyAsync(editor), plan.DeliverableId));

        Assert.Equal(HttpStatusCode.Redirect, (await UpdateAsync(editor, plan.DeliverableId, "STP",
            ("Input.Status", "InProgress"), ("Input.ProgressPercent", "40"), ("Input.ResultText", "Đang dự thảo"))).StatusCode);
        Assert.Contains("40%", Row(await MyAsync(editor), plan.DeliverableId)!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await UpdateAsync(editor, plan.DeliverableId, "STP",
            ("Input.Status", "Done"), ("Input.ProgressPercent", "100"), ("Input.CompletedOn", "2019-09-30"), ("Input.ResultText", "Đã ban hành"))).StatusCode);
        var done = await MyAsync(editor);
        Assert.Equal("DoneOnTime", State(done, plan.DeliverableId));
        Assert.Contains("xong 30/09/2019", Row(done, plan.DeliverableId)!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_kept_list_is_classified_for_the_day_asked()
    {
        var plan = await PlanAsync("Quý II"); // due 30/06/2019
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        Assert.Equal("Overdue", State(await MyAsync(editor), plan.DeliverableId));
        Assert.Equal("InProgress", State(await MyAsync(editor, "?AsOf=2019-05-01"), plan.DeliverableId));
        Assert.Equal("Overdue", State(await MyAsync(editor), plan.DeliverableId));
    }

    [Fact]
    public async Task An_approved_deadline_extension_shows_at_once()
    {
        var plan = await PlanAsync("Quý II");
        var stp = Id(await host.UnitIdAsync("STP"));
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        Assert.Equal("Overdue", State(await MyAsync(editor), plan.DeliverableId));

        await editor.PostFormAsync($"/deliverables/{plan.DeliverableId}/extension?unit={stp}&period=",
            [new("Unit", stp), new("Period", ""), new("RequestedDue", "31/12/2019"), new("Reason", "Chờ kinh phí được bố trí")]);
        Assert.Contains("Đang xin gia hạn đến 31/12/2019", Row(await MyAsync(editor), plan.DeliverableId)!.TextContent, StringComparison.Ordinal);
        await using (var db = host.NewDbContext())
        {
            var asked = await db.DeadlineExtensions.AsNoTracking().SingleAsync(e => e.DeliverableId == plan.DeliverableId);
            Assert.Equal(HttpStatusCode.Redirect, (await (await host.AdminAsync()).PostFormAsync("/extensions",
                [new("id", Id(asked.Id)), new("version", Id(asked.Version)), new("note", "")], "/extensions?handler=Approve")).StatusCode);
        }

        var after = await MyAsync(editor);
        Assert.Equal("InProgress", State(after, plan.DeliverableId));
        Assert.Contains("Hạn gốc 30/06/2019 · Gia hạn đến 31/12/2019", Row(after, plan.DeliverableId)!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_and_its_verification_show_at_once()
    {
        var plan = await PlanAsync("Quý IV");
        await using (var db = host.NewDbContext())
        {
            (await db.Plans.SingleAsync(p => p.Id == plan.PlanId)).VerifiesCompletions = true;
            await db.SaveChangesAsync();
        }
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        Assert.Equal("InProgress", State(await MyAsync(editor), plan.DeliverableId));

        await UpdateAsync(editor, plan.DeliverableId, "STP", ("Input.Status", "Done"), ("Input.CompletedOn", "2019-09-20"), ("Input.ResultText", "Đã ban hành"));
        Assert.Equal("AwaitingVerification", State(await MyAsync(editor), plan.DeliverableId));
        var claim = await host.NewDbContext().Progress.AsNoTracking().SingleAsync(p => p.DeliverableId == plan.DeliverableId);
        await (await host.AdminAsync()).PostFormAsync("/verification", [new("id", Id(claim.Id)), new("version", Id(claim.Version))],
            "/verification?handler=Accept");

        Assert.Equal(ProgressStatus.Done, (await host.NewDbContext().Progress.AsNoTracking().SingleAsync(p => p.Id == claim.Id)).Status);
        Assert.Equal("DoneOnTime", State(await MyAsync(editor), plan.DeliverableId));
    }

    [Fact]
    public async Task A_new_deliverable_and_a_retired_task_show_at_once()
    {
        var plan = await PlanAsync("Quý IV");
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var admin = await host.AdminAsync();
        Assert.NotNull(Row(await MyAsync(editor), plan.DeliverableId));

        await admin.SubmitAsync($"/admin/plans/tasks/{plan.TaskId}", "AddDeliverable",
            ("NewDeliverable.Product", "Báo cáo bổ sung"), ("NewDeliverable.DeadlineText", "Quý I"));
        var added = await host.NewDbContext().Deliverables.Where(d => d.TaskId == plan.TaskId && d.Id != plan.DeliverableId).Select(d => d.Id).SingleAsync();
        var withNew = await MyAsync(editor);
        Assert.Equal("Overdue", State(withNew, added));
        Assert.Contains("Báo cáo bổ sung", Row(withNew, added)!.TextContent, StringComparison.Ordinal);

        var sectionId = await host.NewDbContext().Tasks.Where(t => t.Id == plan.TaskId).Select(t => t.SectionId).SingleAsync();
        await admin.SubmitAsync($"/admin/plans/sections/{sectionId}", "RetireTask", ("taskId", Id(plan.TaskId)));
        var retired = await MyAsync(editor);
        Assert.Null(Row(retired, plan.DeliverableId));
        Assert.Null(Row(retired, added));
    }

    [Fact]
    public async Task A_change_of_lead_unit_shows_at_once_for_both_units()
    {
        var plan = await PlanAsync("Quý IV");
        var stp = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var stttt = await host.SignedInClientAsync(Roles.UnitEditor, "STTTT");
        Assert.NotNull(Row(await MyAsync(stp), plan.DeliverableId));
        Assert.Null(Row(await MyAsync(stttt), plan.DeliverableId));

        var admin = await host.AdminAsync();
        var task = $"/admin/plans/tasks/{plan.TaskId}";
        await admin.SubmitAsync(task, "AddAssignment", ("role", "Lead"), ("target", $"u:{Id(await host.UnitIdAsync("STTTT"))}"));
        var stpId = await host.UnitIdAsync("STP");
        var stpAssignment = await host.NewDbContext().TaskAssignments.Where(a => a.TaskId == plan.TaskId && a.UnitId == stpId).Select(a => a.Id).SingleAsync();
        await admin.SubmitAsync(task, "RetireAssignment", ("assignmentId", Id(stpAssignment)));

        Assert.Null(Row(await MyAsync(stp), plan.DeliverableId));
        Assert.NotNull(Row(await MyAsync(stttt), plan.DeliverableId));
    }

    [Fact]
    public async Task Two_units_never_see_each_others_kept_list()
    {
        var ofStp = await PlanAsync("Quý IV", "STP");
        var ofStttt = await PlanAsync("Quý IV", "STTTT");
        var stp = await host.UnitIdAsync("STP");
        var stttt = await host.UnitIdAsync("STTTT");
        var viewer = await host.AdminAsync();

        // The same plans shown for both units, one after the other, twice (the second time from the kept lists).
        for (var round = 0; round < 2; round++)
            foreach (var (unit, own, other) in new[] { (stp, ofStp, ofStttt), (stttt, ofStttt, ofStp) })
            {
                var page = await MyAsync(viewer, $"?Unit={Id(unit)}");
                Assert.NotNull(Row(page, own.DeliverableId));
                Assert.Null(Row(page, other.DeliverableId));
                Assert.All(page.QuerySelectorAll("tr[data-deliverable] a[href*='/progress?']"),
                    a => Assert.Contains($"unit={Id(unit)}&", a.GetAttribute("href"), StringComparison.Ordinal));
            }
    }
}
