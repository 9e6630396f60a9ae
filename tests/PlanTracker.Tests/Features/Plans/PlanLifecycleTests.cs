using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Features.Reminders;

namespace PlanTracker.Tests.Features.Plans;

/// <summary>
/// Draft → active → closed. Each test makes its own small plan led by Sở Tư pháp beside the seeded Plan 163; today is 01/10/2019.
/// </summary>
public class PlanLifecycleTests(PlanLifecycleTests.Host host) : IClassFixture<PlanLifecycleTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    private const string ClosedMessage = "Kế hoạch đã kết thúc, không thể chỉnh sửa.";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<int> VersionAsync(int planId)
    {
        await using var db = host.NewDbContext();
        return await db.Plans.Where(p => p.Id == planId).Select(p => p.Version).SingleAsync();
    }

    [Fact]
    public async Task An_admin_activates_a_draft_then_closes_it_each_a_recorded_step()
    {
        var plan = await host.AddPlanAsync("L1/KH-UBND", 2020, PlanStatus.Draft);
        var admin = await host.AdminAsync();
        var page = $"/admin/plans/{plan.PlanId}";
        Assert.Contains("Kích hoạt", PageText.Text(await admin.GetStringAsync(page)));

        var activated = await admin.PostFormAsync(page, [new("version", Text(await VersionAsync(plan.PlanId)))], page + "?handler=Activate");
        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        Assert.Contains("Kết thúc", PageText.Text(await admin.GetStringAsync(page)));
        var closed = await admin.PostFormAsync(page, [new("version", Text(await VersionAsync(plan.PlanId)))], page + "?handler=Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        await using var db = host.NewDbContext();
        Assert.Equal(PlanStatus.Closed, (await db.Plans.SingleAsync(p => p.Id == plan.PlanId)).Status);
        var steps = await db.ChangeRecords.Where(c => c.EntityType == "Plan" && c.EntityId == plan.PlanId).OrderBy(c => c.Id)
            .Select(c => c.Action).ToListAsync();
        Assert.Equal(["PlanActivated", "PlanClosed"], steps);
        // Closed is the end: the page offers no step and refuses one posted anyway.
        Assert.DoesNotContain("Kích hoạt", PageText.Text(await admin.GetStringAsync(page)));
        var again = await admin.PostFormAsync(page, [new("version", Text(await VersionAsync(plan.PlanId)))], page + "?handler=Activate");
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
    }

    [Fact]
    public async Task A_step_posted_from_an_outdated_page_is_refused()
    {
        var plan = await host.AddPlanAsync("L2/KH-UBND", 2020, PlanStatus.Draft);
        var admin = await host.AdminAsync();
        var page = $"/admin/plans/{plan.PlanId}";
        var stale = await VersionAsync(plan.PlanId);
        await using (var db = host.NewDbContext()) // an edit elsewhere: the version moves on
        {
            var p = await db.Plans.SingleAsync(x => x.Id == plan.PlanId);
            p.Title += " (sửa)";
            await db.SaveChangesAsync();
        }

        var response = await admin.PostFormAsync(page, [new("version", Text(stale))], page + "?handler=Activate");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("vừa được sửa", await response.Content.ReadAsStringAsync());
        await using var check = host.NewDbContext();
        Assert.Equal(PlanStatus.Draft, (await check.Plans.SingleAsync(p => p.Id == plan.PlanId)).Status);
    }

    [Fact]
    public async Task A_closed_plan_is_never_reminded_and_every_reminder_line_names_its_plan()
    {
        var plan = await host.AddPlanAsync("L3/KH-UBND", 2019, PlanStatus.Active, deadline: "Tháng 9 năm 2019"); // overdue since 01/10
        var runner = host.Services.GetRequiredService<ReminderRunner>();

        var whileActive = await runner.PreviewAsync();
        Assert.Contains(whileActive.Digests.SelectMany(d => d.Lines), l => l.Work?.PlanId == plan.PlanId);
        Assert.Contains(whileActive.Digests, d => d.Text.Contains("– Kế hoạch 163/KH-UBND năm 2019:", StringComparison.Ordinal));

        await host.SetStatusAsync(plan.PlanId, PlanStatus.Closed);
        var afterClosing = await runner.PreviewAsync();
        Assert.DoesNotContain(afterClosing.Digests.SelectMany(d => d.Lines), l => l.Work?.PlanId == plan.PlanId);
        Assert.DoesNotContain(afterClosing.Digests, d => d.Text.Contains("L3/KH-UBND", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_closed_plan_refuses_progress_comments_and_edits_with_a_message()
    {
        var plan = await host.AddPlanAsync("L4/KH-UBND", 2019, PlanStatus.Closed);
        var stp = await host.UnitIdAsync("STP");
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        var progressUrl = $"/deliverables/{plan.DeliverableId}/progress?unit={stp}&period=";
        var progressPage = await editor.GetAsync(progressUrl);
        Assert.Equal(HttpStatusCode.Forbidden, progressPage.StatusCode);
        Assert.Contains(ClosedMessage, await progressPage.Content.ReadAsStringAsync());

        // A token from an open plan's page: the closed plan's own forms are refused before they show.
        int openTask;
        await using (var seed = host.NewDbContext())
            openTask = await seed.Tasks.Where(t => t.Code == "1.a" && t.Section!.Plan!.Number == "163/KH-UBND").Select(t => t.Id).SingleAsync();
        var token = FormPosting.AntiforgeryToken(await editor.GetStringAsync($"/tasks/{openTask}"));
        var progress = await editor.PostAsync(progressUrl, new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Input.Status", "Done"), new("Input.ProgressPercent", "100")]));
        Assert.Equal(HttpStatusCode.Forbidden, progress.StatusCode);
        var comment = await editor.PostAsync($"/tasks/{plan.TaskId}?handler=Comment", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("CommentText", "Ý kiến sau khi kết thúc")]));
        Assert.Equal(HttpStatusCode.Forbidden, comment.StatusCode);
        Assert.Contains(ClosedMessage, await comment.Content.ReadAsStringAsync());

        var admin = await host.AdminAsync();
        var edit = await admin.PostFormAsync($"/admin/plans/tasks/{plan.TaskId}",
            [new("Header.Code", "1.b"), new("Header.Activity", "Đổi sau khi kết thúc")], $"/admin/plans/tasks/{plan.TaskId}?handler=Header");
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Contains(ClosedMessage, await edit.Content.ReadAsStringAsync());

        await using var db = host.NewDbContext();
        Assert.False(await db.Progress.AnyAsync(p => p.DeliverableId == plan.DeliverableId));
        Assert.False(await db.Comments.AnyAsync(c => c.TaskId == plan.TaskId));
        Assert.Equal("1.a", (await db.Tasks.SingleAsync(t => t.Id == plan.TaskId)).Code);
    }

    [Fact]
    public async Task A_draft_is_invisible_to_a_unit_editor_and_visible_to_the_admin()
    {
        var plan = await host.AddPlanAsync("L5/KH-UBND", 2019, PlanStatus.Draft);
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/tasks/{plan.TaskId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/plans/{plan.PlanId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/tasks?Plan={plan.PlanId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/tasks/export.xlsx?Plan={plan.PlanId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/deliverables/{plan.DeliverableId}/progress?unit={await host.UnitIdAsync("STP")}&period=")).StatusCode);
        foreach (var list in new[] { "/plans", "/my", "/tasks", "/scorecard", "/my?Closed=true" })
            Assert.DoesNotContain("L5/KH-UBND", await editor.GetStringAsync(list));

        var admin = await host.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/tasks/{plan.TaskId}")).StatusCode);
        Assert.Contains("L5/KH-UBND (2019) – dự thảo", await admin.GetStringAsync("/tasks"));
    }
}
