using System.Globalization;
using PlanTracker.Core.Reminders;
using PlanTracker.Core.PeriodicReports;

namespace PlanTracker.Tests.Features.Reports;

public class ReportScheduleTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static ReportSchedule Schedule(ReportOptions? options = null, params DateOnly[] holidays) =>
        new(options ?? new ReportOptions(), new WorkingCalendar(holidays));

    [Fact]
    public void Reports_are_due_two_working_days_after_the_cut_off_on_the_14th()
    {
        var reports = Schedule().Of(2019);

        Assert.Equal(["2019-PLAN", "2019-Q1", "2019-H1", "2019-Q3", "2019-Y"], reports.Select(r => r.Key));
        Assert.Equal([D(2019, 1, 31), D(2019, 3, 18), D(2019, 6, 18), D(2019, 9, 17), D(2019, 12, 17)], reports.Select(r => r.Due));
        Assert.Equal([null, D(2019, 3, 14), D(2019, 6, 14), D(2019, 9, 14), D(2019, 12, 14)], reports.Select(r => r.CutOff));
        Assert.Equal("Báo cáo CCHC 6 tháng đầu năm 2019", reports[2].Name);
        Assert.Equal("Kế hoạch CCHC năm 2019", reports[0].Name);
    }

    [Fact]
    public void Configured_holidays_and_working_days_move_the_due_date()
    {
        // 14/03/2019 is a Thursday: Friday 15/03 and Monday 18/03 are the two working days after it.
        var holiday = Schedule(null, D(2019, 3, 15));
        var three = Schedule(new ReportOptions { WorkingDaysAfterCutOff = 3 });

        Assert.Equal(D(2019, 3, 19), holiday.Find("2019-Q1")!.Due);
        Assert.Equal(D(2019, 3, 19), three.Find("2019-Q1")!.Due);
        Assert.Null(holiday.Find("2019-Q2"));
    }

    [Fact]
    public void The_cut_off_day_is_configurable()
    {
        var tenth = Schedule(new ReportOptions { CutOffDay = 10 });

        // Sunday 10/03/2019: Monday 11/03 and Tuesday 12/03 are the two working days after it.
        Assert.Equal(D(2019, 3, 10), tenth.Find("2019-Q1")!.CutOff);
        Assert.Equal(D(2019, 3, 12), tenth.Find("2019-Q1")!.Due);
    }

    [Fact]
    public void An_ad_hoc_report_is_keyed_by_its_due_date_and_has_no_cut_off()
    {
        var adHoc = ReportSchedule.AdHoc(D(2019, 5, 15));

        Assert.Equal("2019-ADHOC-0515", adHoc.Key);
        Assert.Null(adHoc.CutOff);
        Assert.Equal(adHoc, Schedule().Find("2019-ADHOC-0515"));
        Assert.Null(Schedule().Find("2019-ADHOC-0230"));
    }

    [Theory]
    [InlineData("2019-03-18", "2019-03-18", ReportState.OnTime)]
    [InlineData("2019-03-19", "2019-03-19", ReportState.Late)]
    [InlineData(null, "2019-03-18", ReportState.NotYetDue)]
    [InlineData(null, "2019-03-19", ReportState.Missing)]
    [InlineData("2019-03-20", "2019-03-19", ReportState.Missing)] // sent after the as-of date: not yet
    public void A_report_is_on_time_late_missing_or_not_yet_due(string? submitted, string asOf, ReportState expected)
    {
        var state = ReportStatus.Classify(D(2019, 3, 18), submitted is null ? null : DateOnly.Parse(submitted, CultureInfo.InvariantCulture), DateOnly.Parse(asOf, CultureInfo.InvariantCulture));

        Assert.Equal(expected, state);
    }

    [Theory]
    // due 31/03 (a Sunday): 7 and 1 days before, then the day after, then weekly
    [InlineData("2019-03-23", "2019-03-24", false, "2019-03-24")]
    [InlineData("2019-03-24", "2019-03-29", null, null)]
    [InlineData("2019-03-29", "2019-03-30", false, "2019-03-30")]
    [InlineData("2019-03-29", "2019-04-01", true, "2019-04-01")] // a weekend missed: the overdue one overtakes the day-before one
    [InlineData("2019-04-01", "2019-04-07", null, null)]
    [InlineData("2019-04-01", "2019-04-08", true, "2019-04-08")]
    [InlineData("2019-04-01", "2019-04-30", true, "2019-04-29")] // a month down: one reminder, the latest
    public void Rules_fire_once_per_window_at_their_latest_occurrence(string after, string upTo, bool? overdue, string? on)
    {
        var hit = ReminderSchedule.Latest(D(2019, 3, 31), [7, 1], 7, DateOnly.Parse(after, CultureInfo.InvariantCulture), DateOnly.Parse(upTo, CultureInfo.InvariantCulture));

        Assert.Equal(overdue, hit?.Overdue);
        Assert.Equal(on is null ? null : DateOnly.Parse(on, CultureInfo.InvariantCulture), hit?.On);
    }

    [Fact]
    public void Working_days_skip_weekends_and_holidays()
    {
        var calendar = new WorkingCalendar([D(2019, 4, 15)]);

        Assert.False(calendar.IsWorkingDay(D(2019, 4, 13)));
        Assert.False(calendar.IsWorkingDay(D(2019, 4, 15)));
        Assert.Equal(D(2019, 4, 17), calendar.AddWorkingDays(D(2019, 4, 12), 2));
    }
}
