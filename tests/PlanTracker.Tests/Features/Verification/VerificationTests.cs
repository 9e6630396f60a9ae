using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Plans;
using PlanTracker.Core.Progress;
using PlanTracker.Core.Reminders;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Verification;

/// <summary>
/// Plan 163 switched to verify completions; Sở Tư pháp (STP) reports its one-off deliverables done, Sở Nội vụ accepts
/// or returns them on /verification. Today is frozen at 01/10/2019. Each test works on its own deliverables.
/// </summary>
public class VerificationTests(VerificationTests.Host host) : IClassFixture<VerificationTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";

        private int? planId;

        /// <summary>The seeded plan, made to verify completions.</summary>
        public async Task<int> VerifyingPlanAsync()
        {
            if (planId is { } known) return known;
            await using var db = NewDbContext();
            var plan = await db.Plans.OrderBy(p => p.Id).FirstAsync();
            plan.VerifiesCompletions = true;
            await db.SaveChangesAsync();
            return (planId = plan.Id).Value;
        }

        /// <summary>STP's n-th one-off deliverable of the seeded plan (led by STP itself, not through a group).</summary>
        public async Task<(int TaskId, int DeliverableId)> StpDeliverableAsync(int n)
        {
            var plan = await VerifyingPlanAsync();
            var stp = await UnitIdAsync("STP");
            await using var db = NewDbContext();
            var led = db.TaskAssignments.Where(a => a.UnitId == stp && a.Role == AssignmentRole.Lead && !a.IsRetired).Select(a => a.TaskId);
            var ds = await db.Deliverables.Where(d => d.Task!.Section!.PlanId == plan && led.Contains(d.TaskId) && !d.IsRetired && !d.Task.IsRetired
                    && (d.DeadlineKind == Core.Deadlines.DeadlineKind.Quarter || d.DeadlineKind == Core.Deadlines.DeadlineKind.Year
                        || d.DeadlineKind == Core.Deadlines.DeadlineKind.Month))
                .OrderBy(d => d.Id).Select(d => new { d.TaskId, d.Id }).ToListAsync();
            return (ds[n].TaskId, ds[n].Id);
        }
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>STP reports the deliverable done on the given day, through the progress form.</summary>
    private async Task<HttpResponseMessage> ClaimAsync(HttpClient unit, int deliverableId, DateOnly on, string result = "Đã ban hành")
    {
        var stp = await host.UnitIdAsync("STP");
        var url = $"/deliverables/{deliverableId}/progress?unit={stp}&period=";
        var page = await unit.GetStringAsync(url);
        return await unit.PostAsync(url, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", FormPosting.AntiforgeryToken(page)), new("Unit", stp.ToString(CultureInfo.InvariantCulture)),
            new("Period", ""), new("Input.Version", PageText.InputValue(page, "Input.Version")), new("Input.Status", "Done"),
            new("Input.CompletedOn", Iso(on)), new("Input.ResultText", result), new("Input.EvidenceNumber", "45/BC-STP"),
        ]));
    }

    private async Task<DeliverableProgress> RecordAsync(int deliverableId)
    {
        var stp = await host.UnitIdAsync("STP");
        await using var db = host.NewDbContext();
        return await db.Progress.AsNoTracking().SingleAsync(p => p.DeliverableId == deliverableId && p.UnitId == stp);
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient admin, string handler, params (string Key, string Value)[] fields) =>
        admin.PostFormAsync("/verification", fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), $"/verification?handler={handler}");

    private static (string, string)[] Item(DeliverableProgress p) =>
        [("id", p.Id.ToString(CultureInfo.InvariantCulture)), ("version", p.Version.ToString(CultureInfo.InvariantCulture))];

    [Fact]
    public async Task A_units_done_on_a_verifying_plan_awaits_Sở_Nội_vụ_and_is_not_done()
    {
        var (taskId, deliverableId) = await host.StpDeliverableAsync(0);
        var unit = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        Assert.Equal(HttpStatusCode.Redirect, (await ClaimAsync(unit, deliverableId, new DateOnly(2019, 9, 20))).StatusCode);

        var record = await RecordAsync(deliverableId);
        Assert.Equal((ProgressStatus.AwaitingVerification, new DateOnly(2019, 9, 20)), (record.Status, record.CompletedOn));
        var task = PageText.Text(await unit.GetStringAsync($"/tasks/{taskId}"));
        Assert.Contains("Chờ xác nhận", task);
        await using var db = host.NewDbContext();
        Assert.True(await db.ChangeRecords.AnyAsync(c => c.EntityId == deliverableId && c.Action == "CompletionClaimed"));
        var queue = await (await host.AdminAsync()).GetDocumentAsync("/verification");
        var row = queue.Find($"tr[data-progress=\"{record.Id}\"]");
        Assert.Contains("45/BC-STP", row.TextContent);
        Assert.Contains("20/09/2019", row.TextContent);
    }

    [Fact]
    public async Task Accepting_makes_it_done_as_of_the_units_date()
    {
        var (_, deliverableId) = await host.StpDeliverableAsync(1);
        await ClaimAsync(await host.SignedInClientAsync(Roles.UnitEditor, "STP"), deliverableId, new DateOnly(2019, 8, 5));
        var claim = await RecordAsync(deliverableId);

        var response = await DecideAsync(await host.AdminAsync(), "Accept", Item(claim));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var done = await RecordAsync(deliverableId);
        Assert.Equal((ProgressStatus.Done, new DateOnly(2019, 8, 5)), (done.Status, done.CompletedOn));
        Assert.NotNull(done.VerifiedAtUtc);
        Assert.False(string.IsNullOrEmpty(done.VerifiedByName));
        await using var db = host.NewDbContext();
        Assert.True(await db.ChangeRecords.AnyAsync(c => c.EntityId == deliverableId && c.Action == "CompletionAccepted"));
    }

    [Fact]
    public async Task Returning_needs_a_reason_queues_a_mail_shows_on_my_tasks_and_a_new_claim_clears_it()
    {
        var (_, deliverableId) = await host.StpDeliverableAsync(2);
        var stp = await host.UnitIdAsync("STP");
        var unit = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        await ClaimAsync(unit, deliverableId, new DateOnly(2019, 9, 2));
        var claim = await RecordAsync(deliverableId);
        var admin = await host.AdminAsync();

        await DecideAsync(admin, "Return", [.. Item(claim), ("reason", "  ")]);
        Assert.Equal(ProgressStatus.AwaitingVerification, (await RecordAsync(deliverableId)).Status);

        await DecideAsync(admin, "Return", [.. Item(claim), ("reason", "Thiếu văn bản ban hành kèm theo")]);

        var returned = await RecordAsync(deliverableId);
        Assert.Equal((ProgressStatus.InProgress, "Thiếu văn bản ban hành kèm theo"), (returned.Status, returned.ReturnReason));
        Assert.NotNull(returned.ReturnedAtUtc);
        await using (var db = host.NewDbContext())
        {
            var mail = await db.OutboxMessages().SingleAsync(m => m.UnitId == stp && m.Subject.Contains("trả lại"));
            Assert.Equal(OutboxState.Pending, mail.State);
            Assert.Contains("Thiếu văn bản ban hành kèm theo", mail.TextBody);
            Assert.True(await db.ChangeRecords.AnyAsync(c => c.EntityId == deliverableId && c.Action == "CompletionReturned"));
        }
        var my = await unit.GetDocumentAsync("/my");
        var row = my.Find($"tr.returned[data-deliverable=\"{deliverableId}\"]");
        Assert.Contains("Thiếu văn bản ban hành kèm theo", row.TextContent);

        await ClaimAsync(unit, deliverableId, new DateOnly(2019, 9, 25), "Đã bổ sung văn bản");

        var again = await RecordAsync(deliverableId);
        Assert.Equal((ProgressStatus.AwaitingVerification, null, new DateOnly(2019, 9, 25)), (again.Status, again.ReturnReason, again.CompletedOn));
        Assert.Empty((await unit.GetDocumentAsync("/my")).QuerySelectorAll($"tr.returned[data-deliverable=\"{deliverableId}\"]"));
    }

    [Fact]
    public async Task Bulk_accept_accepts_the_fresh_claims_and_reports_the_stale_one()
    {
        var unit = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var ids = new List<int>();
        for (var n = 3; n <= 5; n++)
        {
            var (_, deliverableId) = await host.StpDeliverableAsync(n);
            await ClaimAsync(unit, deliverableId, new DateOnly(2019, 9, 10));
            ids.Add(deliverableId);
        }
        var shown = new List<DeliverableProgress>();
        foreach (var id in ids) shown.Add(await RecordAsync(id));
        await ClaimAsync(unit, ids[2], new DateOnly(2019, 9, 12), "Sửa lại kết quả"); // the page's version of the third is now stale

        var admin = await host.AdminAsync();
        var response = await DecideAsync(admin, "Bulk", [.. shown.Select(p => ("items", $"{p.Id}:{p.Version}"))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ProgressStatus.Done, (await RecordAsync(ids[0])).Status);
        Assert.Equal(ProgressStatus.Done, (await RecordAsync(ids[1])).Status);
        var stale = await RecordAsync(ids[2]);
        Assert.Equal((ProgressStatus.AwaitingVerification, new DateOnly(2019, 9, 12)), (stale.Status, stale.CompletedOn));
        var page = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("1 mục vừa thay đổi", page.Find("#problem").TextContent);
        Assert.Contains("Đã xác nhận hoàn thành 2 mục", page.Find("#notice").TextContent);
    }

    [Fact]
    public async Task A_unit_editor_cannot_open_the_queue_or_accept()
    {
        var (_, deliverableId) = await host.StpDeliverableAsync(6);
        var unit = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        await ClaimAsync(unit, deliverableId, new DateOnly(2019, 9, 3));
        var claim = await RecordAsync(deliverableId);

        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/verification")).StatusCode);
        var token = FormPosting.AntiforgeryToken(await unit.GetStringAsync("/my"));
        var response = await unit.PostAsync("/verification?handler=Accept", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), .. Item(claim).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ProgressStatus.AwaitingVerification, (await RecordAsync(deliverableId)).Status);
    }

    [Fact]
    public async Task A_plan_made_in_the_app_verifies_completions_and_the_editor_turns_it_off()
    {
        var admin = await host.AdminAsync();

        var created = await admin.PostFormAsync("/admin/plans", [new("NewPlan.Number", "900/KH-UBND"), new("NewPlan.Title", "Kế hoạch thử"),
            new("NewPlan.Year", "2020"), new("copy", "Nothing")], "/admin/plans?handler=Create");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        int planId;
        await using (var db = host.NewDbContext())
        {
            var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Number == "900/KH-UBND");
            Assert.True(plan.VerifiesCompletions);
            planId = plan.Id;
        }
        var editor = await admin.GetDocumentAsync($"/admin/plans/{planId}");
        Assert.NotNull(editor.QuerySelector("input[type=checkbox][name='Header.VerifiesCompletions'][checked]"));

        var saved = await admin.PostFormAsync($"/admin/plans/{planId}", [new("Header.Number", "900/KH-UBND"), new("Header.Title", "Kế hoạch thử"),
            new("Header.Year", "2020"), new("Header.VerifiesCompletions", "false"), new("Header.Version", PageText.InputValue(editor.DocumentElement.OuterHtml, "Header.Version"))],
            $"/admin/plans/{planId}?handler=Header");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var after = host.NewDbContext();
        Assert.False((await after.Plans.AsNoTracking().SingleAsync(p => p.Id == planId)).VerifiesCompletions);
    }

    [Fact]
    public async Task The_dashboard_counts_claims_awaiting_apart()
    {
        var planId = await host.VerifyingPlanAsync();
        var (_, deliverableId) = await host.StpDeliverableAsync(0);
        await ClaimAsync(await host.SignedInClientAsync(Roles.UnitEditor, "STP"), deliverableId, new DateOnly(2019, 9, 4));
        await using var db = host.NewDbContext();
        var awaiting = await db.Progress.CountAsync(p => p.Status == ProgressStatus.AwaitingVerification
            && p.Deliverable!.Task!.Section!.PlanId == planId);

        var dashboard = await (await host.AdminAsync()).GetDocumentAsync($"/dashboard?Plan={planId}&AsOf=2019-10-01");

        var card = dashboard.Find("a.card[data-figure=\"AwaitingVerification\"] .figure");
        Assert.Equal(awaiting.ToString(CultureInfo.InvariantCulture), card.TextContent.Trim());
        Assert.True(awaiting >= 1);
        Assert.Contains("Chờ xác nhận", dashboard.Find("#section-table thead").TextContent);
    }
}
