using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Plans;
using PlanTracker.Core.Reminders;
using PlanTracker.Tests.Features.Reminders.Support;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Features.Reminders;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Features.Reminders;

/// <summary>
/// Issue 14's mail faults, made for real against loopback SMTP servers: a slow server with two dispatchers,
/// a dispatch stopped mid-batch, a server refusing for good (550), a 10 MB limit (552) with a huge catch-up.
/// </summary>
public class MailFaultTests(ITestOutputHelper output)
{
    private static readonly DateOnly Monday = new(2019, 4, 1);

    [Fact]
    public async Task Two_dispatchers_against_a_slow_server_send_each_message_once()
    {
        using var host = new ReminderHost();
        // One batch for everything, so that its claim runs out long before the last message is sent, as 200
        // messages at 4 s each did in the field: the per-message claim is what must keep the second dispatcher out.
        host.Settings["Mail:BatchSize"] = "1000";
        host.Smtp.Start(delaySeconds: 0.2); // slow enough for the second dispatcher to look in between, however loaded the machine
        host.Time.SetMorning(Monday);
        var plan = await host.Runner.PlanAndWriteAsync(Monday, RunTrigger.Manual, null);
        var claimFor = host.Services.GetRequiredService<IOptions<MailSettings>>().Value.ClaimFor;
        Assert.True(plan.Digests.Count >= 9, $"{plan.Digests.Count} messages are too few for the claim to run out midway");
        var perMessage = claimFor / (plan.Digests.Count / 3); // the server's pace on the app's clock: a claim covers a third

        var second = ActivatorUtilities.CreateInstance<OutboxDispatcher>(host.Services);
        var first = host.Dispatcher.DispatchAsync();
        var seconds = new List<DispatchResult>();
        var seen = 0;
        while (!first.IsCompleted)
        {
            // Each time the server has taken more, its pace moves the clock; then the second dispatcher tries its luck.
            await Task.WhenAny(first, host.Smtp.WaitForCountAsync(seen + 1));
            if (host.Smtp.Count > seen)
            {
                seen = host.Smtp.Count;
                host.Time.Advance(perMessage);
            }
            seconds.Add(await second.DispatchAsync());
        }
        var a = await first;

        var received = host.Smtp.Received();
        output.WriteLine($"{received.Count} mails received for {plan.Digests.Count} messages; first sent {a.Sent}, skipped {a.ClaimsLost}; " +
            $"second sent {seconds.Sum(s => s.Sent)}");
        Assert.True(a.ClaimsLost > 0, "the second dispatcher never took a claim over: the test did not make the race");
        Assert.True(seconds.Sum(s => s.Sent) > 0);
        Assert.Equal(plan.Digests.Count, received.Count);
        Assert.Equal(plan.Digests.Count, received.Select(r => r.Message.MessageId).Distinct().Count());
        Assert.Equal(plan.Digests.Count, a.Sent + seconds.Sum(s => s.Sent));
        Assert.All(await host.OutboxAsync(), m => Assert.Equal(OutboxState.Sent, m.State));
    }

    [Fact]
    public async Task A_dispatch_cancelled_mid_batch_gives_its_claims_back_and_the_next_one_sends_the_rest()
    {
        using var host = new ReminderHost();
        host.Smtp.Start(stallAfter: 3); // takes three messages, then never answers
        host.Time.SetMorning(Monday);
        var plan = await host.Runner.PlanAndWriteAsync(Monday, RunTrigger.Manual, null);

        using var stop = new CancellationTokenSource();
        var dispatch = host.Dispatcher.DispatchAsync(stop.Token);
        await host.Smtp.WaitForCountAsync(3);
        // The server has the third message before the dispatcher reads its reply and marks it sent; cancelling in
        // between would leave it pending (the README's one duplicate per crash), so wait for the mark.
        await WaitUntilAsync(async () => (await host.OutboxAsync()).Count(m => m.State == OutboxState.Sent) == 3);
        await stop.CancelAsync(); // the fourth message is in flight: the server stalls on it
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatch);

        var counts = await host.Dispatcher.CountAsync();
        output.WriteLine($"after the cancel: {counts}");
        Assert.Equal((plan.Digests.Count - 3, 0, 0), (counts.Pending, counts.Claimed, counts.Dead));
        Assert.DoesNotContain(await host.OutboxAsync(), m => m.State == OutboxState.Sending || m.ClaimToken != null);

        host.Smtp.Stop();
        host.Smtp.Start();
        var next = await host.Dispatcher.DispatchAsync(); // same clock: nothing waits for a claim to expire

        Assert.Equal(plan.Digests.Count - 3, next.Sent);
        Assert.Equal((0, 0, 0), (next.Outbox!.Pending, next.Outbox.Claimed, next.Outbox.Dead));
        var received = host.Smtp.Received();
        Assert.Equal(plan.Digests.Count, received.Count);
        Assert.Equal(plan.Digests.Count, received.Select(r => r.Message.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task A_permanent_refusal_leaves_the_message_dead_at_once_shown_to_the_admin_who_can_resend_it()
    {
        using var host = new ReminderHost();
        host.Settings["Mail:MaxAttempts"] = "8";
        host.Smtp.Start(rejectFirst: 1);

        var run = await host.RunMorningAsync(Monday);

        Assert.Equal((run.Messages - 1, 1, 1), (run.Dispatch!.Sent, run.Dispatch.Failed, run.Dispatch.Dead));
        Assert.True(run.Dispatch.AnyFailed);
        var dead = Assert.Single(await host.OutboxAsync(), m => m.State == OutboxState.Dead);
        Assert.Equal(1, dead.Attempts); // not retried eight times as if temporary
        Assert.StartsWith("550", dead.LastError);
        Assert.Contains("Message refused by policy", dead.LastError);

        var admin = await host.AdminAsync();
        var page = await admin.GetStringAsync("/admin/reminders?State=Dead");
        Assert.Contains("Message refused by policy", page);
        Assert.Contains("<strong>1</strong> thư lỗi, ngừng gửi", page);
        var resend = await admin.PostFormAsync("/admin/reminders", [], $"/admin/reminders?id={dead.Id}&handler=Resend");
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        Assert.Equal(OutboxState.Sent, (await host.OutboxAsync()).Single(m => m.Id == dead.Id).State);
        Assert.Equal(run.Messages, host.Smtp.Received().Select(r => r.Message.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Run_now_answers_with_a_message_instead_of_500_when_the_database_fails()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();
        host.Time.SetMorning(Monday);
        var admin = await host.AdminAsync();
        await using (var db = host.NewDbContext())
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "OutboxMessages" RENAME TO "OutboxMessagesGone" """);

        // The form's token comes from a page that does not read the outbox.
        var run = await admin.PostFormAsync("/units", [], "/admin/reminders?handler=Run");

        await using (var db = host.NewDbContext())
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "OutboxMessagesGone" RENAME TO "OutboxMessages" """);
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        var page = await admin.GetStringAsync("/admin/reminders");
        Assert.Contains("Chạy ngay không thực hiện được", page);
        Assert.Contains("<strong>0</strong> thư chờ gửi", page);
        await using (var db = host.NewDbContext())
            Assert.Equal(0, await db.ReminderRuns().CountAsync()); // the plan was one transaction: nothing half-written
        Assert.Empty(host.Smtp.Received());
    }

    [Fact]
    public async Task Reminders_run_exits_1_when_a_message_is_refused_and_prints_the_outbox()
    {
        using var sink = new SmtpSink();
        sink.Start(rejectFirst: 1);
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__PlanTracker"] = $"Data Source={folder.File("plantracker.db")}",
            ["Clock__Today"] = "2019-04-01",
            ["Mail__Mode"] = "Smtp",
            ["Mail__Smtp__Host"] = "127.0.0.1",
            ["Mail__Smtp__Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail__Smtp__Security"] = "None",
            ["Serilog__WriteTo__1__Args__path"] = folder.File("logs/plantracker-.log"),
        };

        var run = await AppProcess.RunAsync(environment, null, "reminders", "run");
        var preview = await AppProcess.RunAsync(environment, null, "reminders", "preview");

        output.WriteLine(run.Output + run.Error);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("1 failed, 1 now dead", run.Output);
        Assert.Contains("Outbox: 0 pending, 0 claimed by a dispatcher, 1 dead.", run.Output);
        Assert.Contains("Mail failed", run.Error);
        Assert.Equal(0, preview.ExitCode);
        Assert.Contains("Outbox: 0 pending, 0 claimed by a dispatcher, 1 dead.", preview.Output);
    }

    [Fact]
    public async Task A_huge_catch_up_digest_reaches_a_server_with_a_10_MB_limit_capped_with_counts_and_a_link()
    {
        const long serverLimit = 10 * 1024 * 1024;
        const int added = 6000;
        using var host = new ReminderHost();
        host.Smtp.Start(sizeLimit: serverLimit);
        await host.RunMorningAsync(new DateOnly(2019, 1, 2)); // the first run ever; then the tracker is off until April
        await AddOverdueDeliverablesAsync(host, "6.đ", added); // led by Sở Thông tin và Truyền thông alone
        host.Smtp.Stop();
        foreach (var file in Directory.GetFiles(host.Smtp.Folder)) File.Delete(file);
        host.Smtp.Start(sizeLimit: serverLimit);

        host.Time.SetMorning(Monday);
        var uncapped = await UncappedSizesAsync(host, Monday);
        var run = await host.Runner.RunAsync(RunTrigger.Manual);

        var received = host.Smtp.Received();
        var stttt = Assert.Single(received, r => r.EnvelopeTo.Contains("stttt@cantho.example"));
        var snv = Assert.Single(received, r => r.EnvelopeTo.Contains("snv@cantho.example"));
        var unitId = await host.UnitIdAsync("STTTT");
        var agencyId = await host.UnitIdAsync("SNV");
        output.WriteLine($"uncapped: Sở TT&TT {uncapped[unitId]:N0} B, Sở Nội vụ {uncapped[agencyId]:N0} B; " +
            $"sent: Sở TT&TT {Size(stttt):N0} B, Sở Nội vụ {Size(snv):N0} B; largest {received.Max(Size):N0} B");
        Assert.True(uncapped[unitId] > serverLimit, "the digest would not have been refused: the test proves nothing");
        Assert.Equal((run.Messages, 0), (run.Dispatch!.Sent, run.Dispatch.Failed));
        Assert.Equal(run.Messages, received.Count);
        Assert.All(received, r => Assert.True(Size(r) < 5_000_000));
        // Every item is counted, the first ones listed, the rest one link away.
        Assert.Matches(@"ĐÃ QUÁ HẠN \(\d{4,}\)", stttt.Text);
        Assert.Contains("việc khác không liệt kê trong thư này", stttt.Text);
        Assert.Contains($"{ReminderHost.BaseUrl}/tasks?Unit={unitId}&amp;Role=Lead&amp;State=Overdue,InProgress", stttt.Html);
        Assert.Contains($"{ReminderHost.BaseUrl}/tasks?State=Overdue", snv.Text);
        Assert.True(stttt.Text.Split("Xem nhiệm vụ:").Length - 1 <= 200);
        var items = (await host.OutboxAsync()).Single(m => m.UnitId == unitId && m.PlannedFor == Monday).Items;
        Assert.True(items.Count >= added); // every reminder is recorded, listed or not, so none is planned again

        static long Size(ReceivedMail mail) => MessageBytes(mail);
    }

    private static long MessageBytes(ReceivedMail mail)
    {
        using var measure = new MimeKit.IO.MeasuringStream();
        mail.Message.WriteTo(measure);
        return measure.Length;
    }

    /// <summary>What each digest would weigh as sent without any cap: the same planner, limits off, through the same MIME.</summary>
    private static async Task<Dictionary<int, long>> UncappedSizesAsync(ReminderHost host, DateOnly today)
    {
        await using var db = host.NewDbContext();
        var rules = host.Services.GetRequiredService<IOptions<ReminderRules>>().Value;
        var last = await db.ReminderRuns().MaxAsync(r => (DateOnly?)r.RunDate);
        var plan = await new ReminderPlanner(db, rules, host.Services.GetRequiredService<PlanTracker.Core.PeriodicReports.ReportSchedule>(), ReminderHost.BaseUrl, new DigestLimits(int.MaxValue, long.MaxValue)).PlanAsync(today, last);
        return plan.Digests.ToDictionary(d => d.UnitId, d =>
        {
            var mime = host.Dispatcher.ToMime(new OutboxMessage
            {
                MessageId = "uncapped@test", Recipients = string.Join("; ", d.Recipients), Subject = d.Subject, HtmlBody = d.Html, TextBody = d.Text,
            });
            using var measure = new MimeKit.IO.MeasuringStream();
            mime.WriteTo(measure);
            return measure.Length;
        });
    }

    /// <summary>Adds that many deliverables to a task, all due 31/01/2019 and not done: overdue by April.</summary>
    private static async Task AddOverdueDeliverablesAsync(ReminderHost host, string taskCode, int count)
    {
        var taskId = await host.TaskIdAsync(taskCode);
        await using var db = host.NewDbContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var parsed = DeadlineParser.Parse("Tháng 1 năm 2019", 2019);
        for (var i = 0; i < count; i++)
        {
            var deliverable = new Deliverable
            {
                TaskId = taskId, SortOrder = 1000 + i,
                Product = $"Báo cáo kết quả triển khai dịch vụ công trực tuyến mức độ 3, 4 của các cơ quan, đơn vị trên địa bàn thành phố, đợt {i + 1}; " +
                    "kèm danh mục thủ tục hành chính được cắt giảm thời gian giải quyết và đề xuất, kiến nghị.",
            };
            deliverable.ApplyDeadline(parsed);
            db.Deliverables.Add(deliverable);
        }
        await db.SaveChangesAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("the condition did not hold within 2 minutes");
            await Task.Delay(50);
        }
    }
}
