using System.Globalization;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.States;

namespace PlanTracker.Tests.Monitoring;

public class ReportingPeriodTests
{
    private static readonly ReportSchedule Schedule = new(new ReportOptions(), WorkingCalendar.WeekendsOnly);

    [Theory]
    [InlineData("2019-Q1", "2019-03-14", "quý I năm 2019")]
    [InlineData("2019-H1", "2019-06-14", "6 tháng đầu năm 2019")]
    [InlineData("2019-Q3", "2019-09-14", "quý III năm 2019")]
    [InlineData("2019-Y", "2019-12-14", "năm 2019")]
    public void Each_period_cuts_its_data_off_on_the_14th_of_its_last_month(string key, string cutOff, string title)
    {
        var period = Schedule.Find(key);

        Assert.NotNull(period);
        Assert.True(period.IsPeriodic);

        Assert.Equal(DateOnly.Parse(cutOff, CultureInfo.InvariantCulture), period.CutOff);
        Assert.Equal(new DateOnly(2019, 1, 1), period.Start);
        Assert.Equal(title, period.Title);
        Assert.Equal(key, period.Key);
    }

    [Theory]
    [InlineData("2019-Q2")]
    [InlineData("Q1")]
    [InlineData("19-Q1")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_period_keys_are_refused(string? key) => Assert.Null(Schedule.Find(key));

    [Theory]
    [InlineData("2019-03-13", "Q1")] // before the first cut-off: the first period
    [InlineData("2019-03-14", "Q1")]
    [InlineData("2019-06-14", "H1")]
    [InlineData("2019-10-01", "Q3")]
    [InlineData("2020-02-01", "Y")]
    public void Latest_period_is_the_last_whose_cut_off_has_come(string today, string code) =>
        Assert.Equal(code, Schedule.Latest(2019, DateOnly.Parse(today, CultureInfo.InvariantCulture)).Code);

    [Fact]
    public void Working_days_skip_weekends()
    {
        // 14/09/2019 is a Saturday: five working days later is Friday 20/09, two working days later Tuesday 17/09.
        Assert.Equal(new DateOnly(2019, 9, 20), WorkingCalendar.WeekendsOnly.AddWorkingDays(new DateOnly(2019, 9, 14), 5));
        Assert.Equal(new DateOnly(2019, 9, 17), Schedule.Find("2019-Q3")!.Due);
    }

    [Fact]
    public void On_time_rate_counts_only_items_that_were_due()
    {
        var counts = StateCounts.Of([DeliverableState.DoneOnTime, DeliverableState.DoneLate, DeliverableState.Overdue,
            DeliverableState.Overdue, DeliverableState.InProgress, DeliverableState.Ongoing, DeliverableState.NeedsDate]);

        Assert.Equal(7, counts.Total);
        Assert.Equal(4, counts.Due);
        Assert.Equal(0.25m, counts.OnTimeRate);
        Assert.Null(StateCounts.Of([DeliverableState.InProgress]).OnTimeRate);
    }

    [Fact]
    public void Report_submissions_are_classified_against_the_due_date()
    {
        var due = new DateOnly(2019, 9, 20);
        var later = new DateOnly(2019, 10, 1);
        Assert.Equal(ReportState.OnTime, ReportStatus.Classify(due, due, later));
        Assert.Equal(ReportState.Late, ReportStatus.Classify(due, due.AddDays(1), later));
        Assert.Equal(ReportState.Missing, ReportStatus.Classify(due, null, later));
    }
}
