using PlanTracker.Core.Reminders;
using PlanTracker.Tests.Features.Reminders.Support;

namespace PlanTracker.Tests.Features.Reminders;

/// <summary>
/// 2019 day by day on a fake clock, the daily job at 07:00 each morning (weekends and the configured
/// holidays skipped), checking the whole sequence of reminders for a few chosen tasks and reports.
/// </summary>
public class YearWalkTests
{
    private static DateOnly D(int month, int day) => new(2019, month, day);

    private static (DateOnly PlannedFor, ReminderRule Rule, DateOnly OccurredOn) R(int pm, int pd, ReminderRule rule, int om, int od) =>
        (D(pm, pd), rule, D(om, od));

    [Fact]
    public async Task Walk_through_2019_sends_the_expected_sequence_for_chosen_tasks_and_reports()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();
        var stttt = await host.UnitIdAsync("STTTT");
        var vpubnd = await host.UnitIdAsync("VPUBND");
        var stp = await host.UnitIdAsync("STP");
        var snv = await host.UnitIdAsync("SNV");
        var plan = await host.PlanIdAsync();
        var task6d = await host.DeliverableIdAsync("6.đ"); // "Quý I năm 2019", due Sunday 31/03, led by Sở TT&TT
        var task2m = await host.DeliverableIdAsync("2.m"); // "Hàng quý", led by the Văn phòng UBND
        // What the units record during the year; a completion dated later does not count before its date.
        await host.MarkDoneAsync(task6d, "STTTT", D(4, 25));
        await host.MarkDoneAsync(task2m, "VPUBND", D(3, 20), "Q1");
        await host.MarkDoneAsync(task2m, "VPUBND", D(7, 3), "Q2");
        await host.RecordReportAsync("STP", "2019-PLAN", D(1, 30));
        await host.RecordReportAsync("STP", "2019-Q1", D(4, 3));
        await host.RecordReportAsync("STP", "2019-H1", D(6, 18));

        for (var day = D(1, 2); day <= D(12, 31); day = day.AddDays(1))
            await host.RunMorningAsync(day);

        // 6.đ: 7 days before (a Sunday, so Monday), the day-before reminder falls on Saturday and is overtaken
        // by Monday's overdue one, weekly after that (15/04 is a holiday: sent 16/04), until done on 25/04.
        // Sở Nội vụ gets copies from 14 days overdue.
        var key6d = $"d{task6d}::u{stttt}";
        Assert.Equal([
            R(3, 25, ReminderRule.DueSoon, 3, 24), R(4, 1, ReminderRule.Overdue, 4, 1), R(4, 8, ReminderRule.Overdue, 4, 8),
            R(4, 16, ReminderRule.Overdue, 4, 15), R(4, 22, ReminderRule.Overdue, 4, 22),
        ], await SequenceAsync(host, key6d, stttt));
        Assert.Equal([R(4, 16, ReminderRule.OverdueCopy, 4, 15), R(4, 22, ReminderRule.OverdueCopy, 4, 22)],
            await SequenceAsync(host, key6d, snv));

        // 2.m: Q1 done before any reminder fell due; Q2 (due Sunday 30/06) reminded, overdue once, done 03/07.
        Assert.Empty(await SequenceAsync(host, $"d{task2m}:Q1:u{vpubnd}", vpubnd));
        Assert.Equal([R(6, 24, ReminderRule.DueSoon, 6, 23), R(7, 1, ReminderRule.Overdue, 7, 1)],
            await SequenceAsync(host, $"d{task2m}:Q2:u{vpubnd}", vpubnd));

        // Sở Tư pháp's reports: the plan (due 31/01) on time; Q1 (cut-off 14/03, due 18/03) late on 03/04; H1 on time.
        Assert.Equal([R(1, 24, ReminderRule.ReportDueSoon, 1, 24), R(1, 29, ReminderRule.ReportDueSoon, 1, 29)],
            await SequenceAsync(host, $"r{plan}:2019-PLAN", stp));
        Assert.Equal([
            R(3, 11, ReminderRule.ReportDueSoon, 3, 11), R(3, 18, ReminderRule.ReportDueSoon, 3, 16),
            R(3, 19, ReminderRule.ReportOverdue, 3, 19), R(3, 26, ReminderRule.ReportOverdue, 3, 26), R(4, 2, ReminderRule.ReportOverdue, 4, 2),
        ], await SequenceAsync(host, $"r{plan}:2019-Q1", stp));
        Assert.Equal([R(6, 11, ReminderRule.ReportDueSoon, 6, 11), R(6, 17, ReminderRule.ReportDueSoon, 6, 16)],
            await SequenceAsync(host, $"r{plan}:2019-H1", stp));
        // Q3 never recorded: due 17/09, then weekly to the end of the year.
        var q3 = await SequenceAsync(host, $"r{plan}:2019-Q3", stp);
        Assert.Equal([R(9, 10, ReminderRule.ReportDueSoon, 9, 10), R(9, 16, ReminderRule.ReportDueSoon, 9, 15), R(9, 18, ReminderRule.ReportOverdue, 9, 18)], q3[..3]);
        Assert.All(q3.Skip(2), r => Assert.Equal(DayOfWeek.Wednesday, r.OccurredOn.DayOfWeek));

        // The Monday summary: 52 Mondays, Tết's (04/02) absorbed into 11/02's; holiday Mondays sent the next working day.
        var weekly = await SequenceAsync(host, "weekly", snv);
        Assert.Equal(51, weekly.Count);
        Assert.DoesNotContain(weekly, w => w.OccurredOn == D(2, 4));
        Assert.Contains(R(2, 11, ReminderRule.WeeklySummary, 2, 11), weekly);
        Assert.Contains(R(4, 16, ReminderRule.WeeklySummary, 4, 15), weekly);
        Assert.Contains(R(5, 2, ReminderRule.WeeklySummary, 4, 29), weekly);
        Assert.Contains(R(9, 3, ReminderRule.WeeklySummary, 9, 2), weekly);

        // Every planned message arrived once, at most one per unit per day, never empty.
        var outbox = await host.OutboxAsync();
        var received = host.Smtp.Received();
        Assert.All(outbox, m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.Equal(outbox.Count, received.Count);
        Assert.Equal(outbox.Select(m => m.MessageId).Order(), received.Select(r => r.Message.MessageId).Order());
        Assert.Equal(outbox.Count, outbox.Select(m => (m.UnitId, m.PlannedFor)).Distinct().Count());
        Assert.All(outbox, m => Assert.NotEmpty(m.Items));
        Assert.DoesNotContain(outbox, m => !new Core.PeriodicReports.WorkingCalendar(Holidays2019).IsWorkingDay(m.PlannedFor));

        var april16 = Assert.Single(received, r => r.EnvelopeTo.Contains("stttt@cantho.example") && r.Message.Subject!.Contains("16/04/2019"));
        Assert.Contains("[Quá hạn 16 ngày] Nhiệm vụ 6.đ", april16.Text);
    }

    private static readonly DateOnly[] Holidays2019 =
        [D(1, 1), D(2, 4), D(2, 5), D(2, 6), D(2, 7), D(2, 8), D(4, 15), D(4, 29), D(4, 30), D(5, 1), D(9, 2)];

    private static async Task<List<(DateOnly PlannedFor, ReminderRule Rule, DateOnly OccurredOn)>> SequenceAsync(ReminderHost host, string key, int unitId) =>
        (await host.ItemsAsync(key, unitId)).Select(i => (i.PlannedFor, i.Rule, i.OccurredOn)).ToList();
}
