using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Reminders;
using PlanTracker.Tests.Features.Reminders.Support;
using PlanTracker.Web.Features.Reminders;

namespace PlanTracker.Tests.Features.Reminders;

/// <summary>Exactly once: reruns, a mail server that is down or refuses, downtime, the time zone.</summary>
public class DeliveryTests
{
    private static readonly DateOnly Monday = new(2019, 4, 1);

    [Fact]
    public async Task Two_runs_on_the_same_day_send_nothing_new()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();

        var first = await host.RunMorningAsync(Monday);
        host.Time.Advance(TimeSpan.FromHours(3));
        var second = await host.Runner.RunAsync(RunTrigger.Manual);

        Assert.True(first.Messages > 0);
        Assert.True(second.Plan.AlreadyCovered);
        Assert.Equal(0, second.Messages);
        Assert.Equal(first.Messages, host.Smtp.Received().Count);
        await using var db = host.NewDbContext();
        Assert.Equal(1, await db.ReminderRuns().CountAsync());
    }

    [Fact]
    public async Task Smtp_down_then_up_delivers_everything_once()
    {
        using var host = new ReminderHost();

        var down = await host.RunMorningAsync(Monday); // nothing listens on the port yet
        var pending = await host.OutboxAsync();
        Assert.True(down.Messages > 0);
        Assert.Equal(down.Messages, down.Dispatch!.Failed);
        Assert.All(pending, m => Assert.Equal((OutboxState.Pending, 1), (m.State, m.Attempts)));
        Assert.All(pending, m => Assert.Contains("Không kết nối được máy chủ thư", m.LastError));

        host.Smtp.Start();
        var tooEarly = await host.Dispatcher.DispatchAsync(); // the back-off has not run out
        host.Time.Advance(TimeSpan.FromMinutes(2));
        var retried = await host.Dispatcher.DispatchAsync();
        var again = await host.Dispatcher.DispatchAsync();

        Assert.Equal(0, tooEarly.Sent);
        Assert.Equal(down.Messages, retried.Sent);
        Assert.Equal(0, again.Sent);
        var received = host.Smtp.Received();
        Assert.Equal(down.Messages, received.Count);
        Assert.Equal(pending.Select(m => m.MessageId).Order(), received.Select(r => r.Message.MessageId).Order());
        Assert.All(await host.OutboxAsync(), m => Assert.Equal(OutboxState.Sent, m.State));
    }

    [Fact]
    public async Task Messages_the_server_refuses_are_retried_after_a_back_off_and_sent_once()
    {
        using var host = new ReminderHost();
        host.Smtp.Start(refuseFirst: 2);

        var run = await host.RunMorningAsync(Monday);
        Assert.Equal((run.Messages - 2, 2), (run.Dispatch!.Sent, run.Dispatch.Failed));
        var refused = (await host.OutboxAsync()).Where(m => m.State == OutboxState.Pending).ToList();
        Assert.Equal(2, refused.Count);
        Assert.All(refused, m => Assert.Contains("451", m.LastError));

        host.Time.Advance(TimeSpan.FromMinutes(2));
        var retry = await host.Dispatcher.DispatchAsync();

        Assert.Equal(2, retry.Sent);
        var received = host.Smtp.Received();
        Assert.Equal(run.Messages, received.Count);
        Assert.Equal(run.Messages, received.Select(r => r.Message.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_marked_dead_and_can_be_sent_again()
    {
        using var host = new ReminderHost();
        host.Settings["Mail:MaxAttempts"] = "2";

        var run = await host.RunMorningAsync(Monday);
        host.Time.Advance(TimeSpan.FromMinutes(2));
        var second = await host.Dispatcher.DispatchAsync();

        Assert.Equal(run.Messages, second.Dead);
        Assert.All(await host.OutboxAsync(), m => Assert.Equal((OutboxState.Dead, 2), (m.State, m.Attempts)));
        host.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await host.Dispatcher.DispatchAsync()).Sent); // dead stays dead

        host.Smtp.Start();
        await using (var db = host.NewDbContext())
            Assert.Equal(run.Messages, await host.Dispatcher.ResendAsync(db, id: null));
        var resent = await host.Dispatcher.DispatchAsync();

        Assert.Equal(run.Messages, resent.Sent);
        Assert.Equal(run.Messages, host.Smtp.Received().Count);
    }

    [Fact]
    public async Task A_day_of_downtime_is_caught_up_once_in_one_digest_per_unit()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();
        await host.RunMorningAsync(new DateOnly(2019, 3, 29)); // Friday
        var before = host.Smtp.Received().Count;

        // The tracker was off on Monday 01/04; Tuesday's run covers Saturday to Tuesday.
        var tuesday = await host.RunMorningAsync(new DateOnly(2019, 4, 2));

        var received = host.Smtp.Received().Skip(before).ToList();
        Assert.Equal(tuesday.Messages, received.Count);
        Assert.Equal(received.Count, received.Select(r => string.Join(",", r.EnvelopeTo.Order())).Distinct().Count());
        var stp = Assert.Single(received, r => r.EnvelopeTo.Contains("stp@cantho.example"));
        Assert.Contains("Nhiệm vụ 2.m.1", stp.Text); // overdue reminder of Monday 01/04
        Assert.Contains("Báo cáo CCHC quý I năm 2019", stp.Text); // report reminder of Tuesday 02/04
        var snv = Assert.Single(received, r => r.EnvelopeTo.Contains("snv@cantho.example"));
        Assert.Contains("tổng hợp tuần", snv.Message.Subject); // Monday's summary, one day late

        var stpId = await host.UnitIdAsync("STP");
        var items = (await host.OutboxAsync()).Single(m => m.PlannedFor == new DateOnly(2019, 4, 2) && m.UnitId == stpId).Items;
        Assert.Contains(items, i => i.Rule == ReminderRule.Overdue && i.OccurredOn == new DateOnly(2019, 4, 1));
        Assert.Contains(items, i => i.Rule == ReminderRule.ReportOverdue && i.OccurredOn == new DateOnly(2019, 4, 2));

        // Wednesday has nothing left over from the missed day.
        var wednesday = await host.RunMorningAsync(new DateOnly(2019, 4, 3));
        Assert.DoesNotContain(await host.OutboxAsync(), m => m.PlannedFor == new DateOnly(2019, 4, 3)
            && m.Items.Any(i => i.OccurredOn < new DateOnly(2019, 4, 3)));
        Assert.Equal(tuesday.Messages + before + wednesday.Messages, host.Smtp.Received().Count);
    }

    [Fact]
    public async Task Scheduled_run_on_a_holiday_does_nothing_and_the_next_working_day_catches_up()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();
        await host.RunMorningAsync(new DateOnly(2019, 4, 12)); // Friday

        var holiday = await host.RunMorningAsync(new DateOnly(2019, 4, 15)); // Giỗ Tổ Hùng Vương, configured holiday
        var tuesday = await host.RunMorningAsync(new DateOnly(2019, 4, 16));

        Assert.True(holiday.Skipped);
        Assert.Equal(new DateOnly(2019, 4, 13), tuesday.Plan.CoveredFrom);
        var snv = Assert.Single(host.Smtp.Received(), r => r.EnvelopeTo.Contains("snv@cantho.example") && r.Message.Subject!.Contains("16/04/2019"));
        Assert.Contains("tổng hợp tuần", snv.Message.Subject);
    }

    [Fact]
    public async Task Seven_in_the_morning_in_Vietnam_is_midnight_UTC_and_the_run_plans_for_the_Vietnamese_date()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();

        // 23:59:59 UTC on Sunday 31/03 is 06:59:59 on Monday 01/04 in Hồ Chí Minh City.
        host.Time.SetUtcNow(new DateTimeOffset(2019, 3, 31, 23, 59, 59, TimeSpan.Zero));
        var run = await host.Runner.RunAsync(RunTrigger.Schedule);

        Assert.False(run.Skipped); // a UTC date would say Sunday and skip
        Assert.Equal(Monday, run.Plan.Today);
        Assert.Contains(run.Plan.Digests, d => d.Week is not null); // Monday's weekly summary

        // The daily job itself fires at 07:00 Vietnam time, which is 00:00 UTC, Monday to Friday.
        _ = host.Server;
        var storage = host.Services.GetRequiredService<JobStorage>();
        using var connection = storage.GetConnection();
        var daily = Assert.Single(connection.GetRecurringJobs(), j => j.Id == ReminderJobs.DailyJobId);
        Assert.Equal("0 7 * * 1-5", daily.Cron);
        Assert.Equal("Asia/Ho_Chi_Minh", daily.TimeZoneId);
        var next = daily.NextExecution!.Value;
        Assert.Equal((0, 0), (next.Hour, next.Minute));
        Assert.Equal(DateTimeKind.Utc, next.Kind);
        Assert.InRange((int)next.DayOfWeek, (int)DayOfWeek.Monday, (int)DayOfWeek.Friday);
    }

    [Fact]
    public async Task The_database_refuses_a_second_reminder_with_the_same_key()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();
        await host.RunMorningAsync(Monday);
        var existing = (await host.OutboxAsync()).First().Items.First();

        await using var db = host.NewDbContext();
        db.Add(new ReminderItem
        {
            UnitId = existing.UnitId, Rule = existing.Rule, ItemKey = existing.ItemKey, OccurredOn = existing.OccurredOn,
            PlannedFor = existing.PlannedFor, OutboxMessageId = existing.OutboxMessageId,
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Pickup_mode_writes_one_eml_file_per_message_under_the_configured_folder()
    {
        using var host = new ReminderHost(pickup: true);
        var folder = host.Folder.File("mail");

        var run = await host.RunMorningAsync(Monday);

        var files = Directory.GetFiles(folder, "*.eml");
        Assert.Equal(run.Messages, files.Length);
        var outbox = await host.OutboxAsync();
        Assert.All(outbox, m => Assert.Equal(OutboxState.Sent, m.State));
        var message = MimeKit.MimeMessage.Load(files.Single(f => Path.GetFileName(f).StartsWith(outbox[0].MessageId, StringComparison.Ordinal)));
        Assert.Equal(outbox[0].Subject, message.Subject);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
    }
}
