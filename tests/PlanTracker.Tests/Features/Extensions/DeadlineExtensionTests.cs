using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.History;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Progress;
using PlanTracker.Core.Reminders;
using PlanTracker.Core.States;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Extensions;

/// <summary>
/// Today is frozen at 01/10/2019. Sở Thông tin và Truyền thông (STTTT) leads 6.đ (due 31/03/2019), 6.e and 6.g (30/06/2019)
/// and 6.h (30/09/2019), all overdue today; each test asks on its own item, so their order does not matter.
/// </summary>
public class DeadlineExtensionTests(DeadlineExtensionTests.Host host) : IClassFixture<DeadlineExtensionTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    private static readonly DateOnly Today = new(2019, 10, 1);

    private static string Url(int deliverableId, int unitId) => $"/deliverables/{deliverableId}/extension?unit={unitId}&period=";

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, int deliverableId, int unitId, string date, string reason) =>
        client.PostFormAsync(Url(deliverableId, unitId), [new("Unit", unitId.ToString(CultureInfo.InvariantCulture)), new("Period", ""),
            new("RequestedDue", date), new("Reason", reason)]);

    private async Task<DeadlineExtension> PendingAsync(int deliverableId) =>
        await host.NewDbContext().DeadlineExtensions.AsNoTracking().SingleAsync(e => e.DeliverableId == deliverableId && e.Status == ExtensionStatus.Pending);

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, DeadlineExtension extension, string handler, string note) =>
        client.PostFormAsync("/tasks", [new("id", extension.Id.ToString(CultureInfo.InvariantCulture)),
            new("version", extension.Version.ToString(CultureInfo.InvariantCulture)), new("note", note)], $"/extensions?handler={handler}");

    private async Task<WorkItem> ItemAsync(int deliverableId, int unitId, DateOnly asOf)
    {
        await using var db = host.NewDbContext();
        return (await WorkItems.LoadAsync(db, asOf, [deliverableId])).Single(i => i.UnitId == unitId);
    }

    [Fact]
    public async Task A_request_needs_a_reason_and_a_date_written_dd_MM_yyyy_after_today()
    {
        var (_, deliverableId) = await host.DeliverableAsync("6.đ");
        var unit = await host.UnitIdAsync("STTTT");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STTTT");

        var noReason = await AskAsync(client, deliverableId, unit, "30/02/2019", " ");
        var past = await AskAsync(client, deliverableId, unit, "01/09/2019", "Chờ văn bản hướng dẫn của Bộ");
        var iso = await AskAsync(client, deliverableId, unit, "2019-12-31", "Chờ văn bản hướng dẫn của Bộ");

        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var errors = PageText.Text(await noReason.Content.ReadAsStringAsync());
        Assert.Contains("Nhập lý do xin gia hạn.", errors, StringComparison.Ordinal);
        Assert.Contains("không đúng dạng ngày/tháng/năm (dd/MM/yyyy)", errors, StringComparison.Ordinal);
        Assert.Contains("Ngày xin gia hạn phải sau hôm nay (01/10/2019).", PageText.Text(await past.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("không đúng dạng", PageText.Text(await iso.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = host.NewDbContext();
        Assert.False(await db.DeadlineExtensions.AnyAsync(e => e.DeliverableId == deliverableId));
    }

    [Fact]
    public async Task An_item_has_one_pending_request_at_a_time_and_shows_it_on_the_task_page_and_my_tasks()
    {
        var (taskId, deliverableId) = await host.DeliverableAsync("6.e");
        var unit = await host.UnitIdAsync("STTTT");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STTTT");

        var first = await AskAsync(client, deliverableId, unit, "30/11/2019", "Chờ kinh phí được bố trí");
        var second = await AskAsync(client, deliverableId, unit, "31/12/2019", "Xin thêm một tháng");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await using var db = host.NewDbContext();
        var stored = await db.DeadlineExtensions.SingleAsync(e => e.DeliverableId == deliverableId);
        Assert.Equal((new DateOnly(2019, 11, 30), new DateOnly(2019, 6, 30), ExtensionStatus.Pending), (stored.RequestedDue, stored.CurrentDue, stored.Status));
        Assert.True(await db.ChangeRecords.AnyAsync(r => r.EntityId == deliverableId && r.Action == ChangeKind.ExtensionRequested.Action));
        var task = PageText.Text(await client.GetStringAsync($"/tasks/{taskId}"));
        Assert.Contains("Đang xin gia hạn đến 30/11/2019", task, StringComparison.Ordinal);
        Assert.Contains("Đang xin gia hạn đến 30/11/2019", PageText.Text(await client.GetStringAsync($"/deliverables/{deliverableId}/progress?unit={unit}&period=")),
            StringComparison.Ordinal);
        var my = await client.GetDocumentAsync("/my");
        Assert.Equal("Đang xin gia hạn đến 30/11/2019", my.Find($"tr[data-deliverable=\"{deliverableId}\"] .pending-extension").TextContent.Trim());
    }

    [Fact]
    public async Task Approval_sets_the_adjusted_due_lifts_the_item_out_of_overdue_and_queues_a_mail()
    {
        var (taskId, deliverableId) = await host.DeliverableAsync("6.g"); // due 30/06/2019
        var unit = await host.UnitIdAsync("STTTT");
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STTTT");
        Assert.Equal(DeliverableState.Overdue, (await ItemAsync(deliverableId, unit, Today)).State);
        await AskAsync(editor, deliverableId, unit, "31/12/2019", "Chờ Bộ Thông tin và Truyền thông hướng dẫn");
        var admin = await host.AdminAsync();
        Assert.Contains("Chờ Bộ Thông tin và Truyền thông hướng dẫn", PageText.Text(await admin.GetStringAsync("/extensions")), StringComparison.Ordinal);

        var response = await DecideAsync(admin, await PendingAsync(deliverableId), "Approve", "");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.NewDbContext();
        var progress = await db.Progress.SingleAsync(p => p.DeliverableId == deliverableId && p.UnitId == unit);
        Assert.Equal(new DateOnly(2019, 12, 31), progress.AdjustedDue);
        Assert.Equal(new DateOnly(2019, 6, 30), (await db.Deliverables.SingleAsync(d => d.Id == deliverableId)).DeadlineDue);
        var item = await ItemAsync(deliverableId, unit, Today);
        Assert.Equal((DeliverableState.InProgress, DeliverableState.Overdue), (item.State, item.OriginalState));
        Assert.Equal((new DateOnly(2019, 12, 31), new DateOnly(2019, 6, 30)), (item.Due!.Value, item.OriginalDue!.Value));
        Assert.Equal(DeliverableState.Overdue, (await ItemAsync(deliverableId, unit, new DateOnly(2020, 1, 2))).State);
        var mail = await db.Set<OutboxMessage>().SingleAsync(m => m.UnitId == unit && m.Subject.Contains("chấp thuận gia hạn 6.g"));
        Assert.Equal((OutboxState.Pending, "stttt@cantho.example"), (mail.State, mail.Recipients));
        Assert.True(await db.ChangeRecords.AnyAsync(r => r.EntityId == deliverableId && r.Action == ChangeKind.ExtensionApproved.Action));
        Assert.Contains("Hạn gốc 30/06/2019 · Gia hạn đến 31/12/2019", PageText.Text(await editor.GetStringAsync($"/tasks/{taskId}")), StringComparison.Ordinal);
        Assert.Contains("Hạn gốc 30/06/2019 · Gia hạn đến 31/12/2019", PageText.Text(await editor.GetStringAsync("/my")), StringComparison.Ordinal);

        // The reminder planner follows the adjusted date: no overdue line for 6.g over the days before today; the
        // unit's digest tells it of the decision instead.
        var planner = new ReminderPlanner(db, host.Services.GetRequiredService<IOptions<ReminderRules>>().Value,
            host.Services.GetRequiredService<ReportSchedule>(), "http://localhost");
        var lines = (await planner.PlanAsync(Today, Today.AddDays(-14))).Digests.SelectMany(d => d.Lines).ToList();
        var about = lines.Where(l => l.Work?.DeliverableId == deliverableId && l.Work.UnitId == unit).ToList();
        Assert.Equal([ReminderRule.ExtensionDecided], about.Select(l => l.Rule));
        Assert.Contains(lines, l => l.Rule == ReminderRule.Overdue && l.Work?.UnitId == unit); // its other overdue items still are
    }

    [Fact]
    public async Task Refusal_needs_a_note_and_leaves_the_deadline_as_it_was()
    {
        var (_, deliverableId) = await host.DeliverableAsync("6.h"); // due 30/09/2019
        var unit = await host.UnitIdAsync("STTTT");
        await AskAsync(await host.SignedInClientAsync(Roles.UnitEditor, "STTTT"), deliverableId, unit, "15/10/2019", "Đang thẩm định");
        var admin = await host.AdminAsync();

        await DecideAsync(admin, await PendingAsync(deliverableId), "Refuse", "");
        var pending = await PendingAsync(deliverableId); // still waiting: a refusal says why
        await DecideAsync(admin, pending, "Refuse", "Đã đủ thời gian thực hiện");

        await using var db = host.NewDbContext();
        var decided = await db.DeadlineExtensions.SingleAsync(e => e.Id == pending.Id);
        Assert.Equal((ExtensionStatus.Refused, "Đã đủ thời gian thực hiện"), (decided.Status, decided.DecisionNote));
        Assert.False(await db.Progress.AnyAsync(p => p.DeliverableId == deliverableId && p.AdjustedDue != null));
        Assert.Equal(DeliverableState.Overdue, (await ItemAsync(deliverableId, unit, Today)).State);
        Assert.True(await db.Set<OutboxMessage>().AnyAsync(m => m.UnitId == unit && m.Subject.Contains("không chấp thuận gia hạn 6.h")));
        Assert.True(await db.ChangeRecords.AnyAsync(r => r.EntityId == deliverableId && r.Action == ChangeKind.ExtensionRefused.Action));
    }

    [Fact]
    public async Task A_unit_editor_of_another_unit_cannot_ask_for_an_extension()
    {
        var (_, deliverableId) = await host.DeliverableAsync("6.đ");
        var unit = await host.UnitIdAsync("STTTT");
        var other = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Url(deliverableId, unit))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/deliverables/{deliverableId}/extension")).StatusCode); // its own unit leads nothing there
        var token = FormPosting.AntiforgeryToken(await other.GetStringAsync("/tasks"));
        var post = await other.PostAsync(Url(deliverableId, unit), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Unit", unit.ToString(CultureInfo.InvariantCulture)), new("RequestedDue", "31/12/2019"), new("Reason", "thử")]));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await using var db = host.NewDbContext();
        Assert.False(await db.DeadlineExtensions.AnyAsync(e => e.Reason == "thử"));
    }

    [Fact]
    public async Task A_unit_editor_cannot_decide()
    {
        var (_, deliverableId) = await host.DeliverableAsync("1.a"); // Sở Tư pháp's plan, due 31/12/2018
        var stp = await host.UnitIdAsync("STP");
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        await AskAsync(editor, deliverableId, stp, "31/12/2019", "Chờ ý kiến các sở");
        var pending = await PendingAsync(deliverableId);

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/extensions")).StatusCode);
        var token = FormPosting.AntiforgeryToken(await editor.GetStringAsync("/tasks"));
        var post = await editor.PostAsync("/extensions?handler=Approve", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("id", pending.Id.ToString(CultureInfo.InvariantCulture)), new("version", pending.Version.ToString(CultureInfo.InvariantCulture))]));

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(ExtensionStatus.Pending, (await PendingAsync(deliverableId)).Status);
    }

    [Fact]
    public async Task On_time_figures_are_given_against_both_deadlines_and_PAR_1_6_counts_a_higher_level_task_against_its_original()
    {
        // 2.o (Sở Giáo dục và Đào tạo, due 30/06/2019): done 15/08/2019 after an extension to 31/08/2019.
        var (taskId, deliverableId) = await host.DeliverableAsync("2.o");
        var unit = await host.UnitIdAsync("SGDDT");
        await using (var db = host.NewDbContext())
        {
            db.Progress.Add(new DeliverableProgress
            {
                DeliverableId = deliverableId, UnitId = unit, Period = "", Status = ProgressStatus.Done, ProgressPercent = 100,
                CompletedOn = new DateOnly(2019, 8, 15), AdjustedDue = new DateOnly(2019, 8, 31), Version = 1, UpdatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        await using var read = host.NewDbContext();
        var plan = await read.Plans.SingleAsync(p => p.Sections.Any(s => s.Tasks.Any(t => t.Id == taskId)));

        var before = await PlanOverview.BuildAsync(read, plan, Today);
        Assert.Equal(before.OriginalTotals.DoneOnTime + 1, before.Totals.DoneOnTime);
        Assert.Equal(before.OriginalTotals.DoneLate - 1, before.Totals.DoneLate);
        Assert.Equal(before.Totals.DoneOnTime, before.ParTotals.DoneOnTime);

        await using (var db = host.NewDbContext())
        {
            (await db.Tasks.SingleAsync(t => t.Id == taskId)).AssignedByHigherLevel = true;
            await db.SaveChangesAsync();
        }
        var after = await PlanOverview.BuildAsync(read, plan, Today);
        Assert.Equal(after.Totals.DoneOnTime - 1, after.ParTotals.DoneOnTime);
        Assert.Equal(after.Totals.DoneLate + 1, after.ParTotals.DoneLate);

        var admin = await host.AdminAsync();
        var dashboard = PageText.Parse(await admin.GetStringAsync($"/dashboard?Plan={plan.Id}&AsOf=2019-10-01"));
        Assert.Contains("theo hạn gốc:", dashboard.Find("[data-figure=original-rate]").TextContent, StringComparison.Ordinal);
        Assert.Contains("tiêu chí 1.6:", dashboard.Find("[data-figure=par-rate]").TextContent, StringComparison.Ordinal);
        var report = PageText.Parse(await admin.GetStringAsync($"/reports/periodic?plan={plan.Id}&period=2019-Q3"));
        Assert.Matches(@"Đúng hạn: .+ \(theo hạn gốc: .+\)\.", report.Find("#on-time-both").TextContent);
    }
}
