using System.Globalization;
using System.Text.Json;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Unit.Calendar;

/// <summary>
/// The shipped Calendar:Holidays (appsettings.json) against the holidays in law, each year 2019–2026: the day
/// itself when it is a weekday, else a compensating weekday within the next three days. Lunar dates come from
/// .NET's Chinese lunisolar calendar, which agrees with the Vietnamese one in these years.
/// </summary>
public class HolidayListTests
{
    private static readonly DateOnly[] Holidays = Load();
    private static readonly WorkingCalendar Calendar = new(Holidays);

    public static TheoryData<int> Years => [.. Enumerable.Range(2019, 8)];

    [Theory, MemberData(nameof(Years))]
    public void New_year_30_April_1_May_and_2_September_are_days_off(int year)
    {
        Assert.True(Observed(new DateOnly(year, 1, 1)), $"1/1/{year}");
        Assert.True(Observed(new DateOnly(year, 4, 30)), $"30/4/{year}");
        Assert.True(Observed(new DateOnly(year, 5, 1)), $"1/5/{year}");
        Assert.True(Observed(new DateOnly(year, 9, 2)), $"2/9/{year}");
        // From 2021 (Labour Code 2019) Quốc khánh is two days: 2/9 and the day before or after.
        var national = Listed(new DateOnly(year, 8, 31), new DateOnly(year, 9, 4));
        Assert.Equal(year >= 2021 ? 2 : 1, national.Count);
    }

    [Theory, MemberData(nameof(Years))]
    public void Tet_is_five_working_days_off_around_the_lunar_new_year(int year)
    {
        var newYear = Lunar(year, 1, 1);
        Assert.True(Observed(newYear), $"mùng 1 Tết {newYear}");
        Assert.Equal(5, Listed(newYear.AddDays(-3), newYear.AddDays(7)).Count);
    }

    [Theory, MemberData(nameof(Years))]
    public void Hung_Kings_day_is_the_tenth_of_the_third_lunar_month(int year) =>
        Assert.True(Observed(Lunar(year, 3, 10)), $"10/3 âm lịch {Lunar(year, 3, 10)}");

    [Fact]
    public void Only_weekdays_are_listed_once_each_and_every_year_2019_to_2026_is_there()
    {
        Assert.All(Holidays, d => Assert.InRange((int)d.DayOfWeek, 1, 5));
        Assert.Equal(Holidays.Length, Holidays.Distinct().Count());
        Assert.All(Enumerable.Range(2019, 8), year => Assert.True(Calendar.ListsHolidaysOf(year)));
        Assert.False(Calendar.ListsHolidaysOf(2027));
    }

    [Fact]
    public void The_2019_list_the_tests_rely_on_is_unchanged()
    {
        DateOnly[] expected = [new(2019, 1, 1), new(2019, 2, 4), new(2019, 2, 5), new(2019, 2, 6), new(2019, 2, 7), new(2019, 2, 8),
            new(2019, 4, 15), new(2019, 4, 29), new(2019, 4, 30), new(2019, 5, 1), new(2019, 9, 2)];
        Assert.Equal(expected, Holidays.Where(d => d.Year == 2019).Order());
    }

    /// <summary>Off on the day, or (on a weekend) on a listed weekday in the next three days.</summary>
    private static bool Observed(DateOnly day) =>
        day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? Listed(day.AddDays(1), day.AddDays(3)).Count > 0
            : Holidays.Contains(day);

    private static List<DateOnly> Listed(DateOnly from, DateOnly to) => Holidays.Where(d => d >= from && d <= to).ToList();

    private static DateOnly Lunar(int year, int month, int day)
    {
        var lunar = new ChineseLunisolarCalendar();
        var leap = lunar.GetLeapMonth(year); // the leap month's position in the year, 0 when none
        var position = leap != 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(lunar.ToDateTime(year, position, day, 0, 0, 0, 0));
    }

    private static DateOnly[] Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "appsettings.json")));
        return [.. json.RootElement.GetProperty("Calendar").GetProperty("Holidays").EnumerateArray()
            .Select(d => DateOnly.ParseExact(d.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture))];
    }
}
