using PlanTracker.Core.Reminders;

namespace PlanTracker.Tests.Unit.Calendar;

public class ScheduleWarningsTests
{
    private static readonly DateOnly Today = new(2027, 1, 4);

    [Fact]
    public void Nothing_to_say_when_the_year_is_listed_and_the_last_run_is_not_ahead()
    {
        var warnings = new ScheduleWarnings(Today, HolidaysListed: true, LatestRun: Today);
        Assert.Null(warnings.RunAhead);
        Assert.Empty(warnings.Vietnamese());
        Assert.Empty(warnings.English());
    }

    [Fact]
    public void A_year_missing_from_the_holiday_list_is_named()
    {
        var warnings = new ScheduleWarnings(Today, HolidaysListed: false, LatestRun: null);
        Assert.StartsWith("Danh sách ngày nghỉ lễ chưa có năm 2027:", Assert.Single(warnings.Vietnamese()));
        Assert.StartsWith("The holiday list (Calendar:Holidays) has no entry for 2027:", Assert.Single(warnings.English()));
    }

    [Fact]
    public void A_run_dated_after_today_is_named_with_its_date()
    {
        var warnings = new ScheduleWarnings(Today, HolidaysListed: true, LatestRun: Today.AddDays(1));
        Assert.Equal(new DateOnly(2027, 1, 5), warnings.RunAhead);
        Assert.Contains("05/01/2027, sau hôm nay (04/01/2027)", Assert.Single(warnings.Vietnamese()));
        Assert.Contains("dated 2027-01-05, after today (2027-01-04)", Assert.Single(warnings.English()));
    }
}
