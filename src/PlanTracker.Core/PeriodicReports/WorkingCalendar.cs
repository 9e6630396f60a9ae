namespace PlanTracker.Core.PeriodicReports;

/// <summary>Working days: Monday to Friday, less the public holidays in <see cref="CalendarOptions"/>.</summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> holidays = [.. holidays];

    public static readonly WorkingCalendar WeekendsOnly = new([]);

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>
    /// Whether the holidays of a year are listed at all: a year without any entry counts Tết as working days
    /// (with only 2019 listed, 01/01/2020 got 51 digests).
    /// </summary>
    public bool ListsHolidaysOf(int year) => holidays.Any(d => d.Year == year);

    /// <summary>The n-th working day after a day (the day itself does not count).</summary>
    public DateOnly AddWorkingDays(DateOnly day, int n)
    {
        var result = day;
        for (var counted = 0; counted < n;)
        {
            result = result.AddDays(1);
            if (IsWorkingDay(result)) counted++;
        }
        return result;
    }
}
