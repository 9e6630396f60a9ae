using System.Globalization;

namespace PlanTracker.Core.Monitoring;

/// <summary>
/// One periodic report of a plan year: Q1, H1 (6 tháng), Q3 or Y (năm). Every report counts from 1 January
/// and its data stops at the cut-off, the 14th of the period's last month (14/3, 14/6, 14/9, 14/12).
/// </summary>
public sealed record ReportingPeriod(int Year, string Code)
{
    /// <summary>"2019-Q1", "2019-H1", "2019-Q3", "2019-Y": the key report submissions and indicator values use.</summary>
    public string Key => $"{Year}-{Code}";
    public DateOnly Start => new(Year, 1, 1);
    public DateOnly CutOff => new(Year, LastMonth, 14);

    public int LastMonth => Code switch { "Q1" => 3, "H1" => 6, "Q3" => 9, _ => 12 };

    /// <summary>As the report's title says it: "quý I năm 2019", "6 tháng đầu năm 2019", "năm 2019".</summary>
    public string Title => Code switch
    {
        "Q1" => $"quý I năm {Year}",
        "H1" => $"6 tháng đầu năm {Year}",
        "Q3" => $"quý III năm {Year}",
        _ => $"năm {Year}",
    };

    /// <summary>Short label for tables and pickers: "Quý I/2019", "6 tháng/2019", "Quý III/2019", "Năm 2019".</summary>
    public string Label => Code switch
    {
        "Q1" => $"Quý I/{Year}",
        "H1" => $"6 tháng/{Year}",
        "Q3" => $"Quý III/{Year}",
        _ => $"Năm {Year}",
    };
}

public static class ReportingPeriods
{
    public static readonly string[] Codes = ["Q1", "H1", "Q3", "Y"];

    public static IReadOnlyList<ReportingPeriod> Of(int year) => Codes.Select(c => new ReportingPeriod(year, c)).ToList();

    public static bool TryParse(string? key, out ReportingPeriod period)
    {
        period = null!;
        var parts = key?.Trim().Split('-');
        if (parts is not [var y, var code] || !Codes.Contains(code)
            || !int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2200)
            return false;
        period = new ReportingPeriod(year, code);
        return true;
    }

    /// <summary>The latest period of the year whose cut-off has come by the given day; Q1 before 14/3.</summary>
    public static ReportingPeriod Latest(int year, DateOnly today) =>
        Of(year).LastOrDefault(p => p.CutOff <= today) ?? new ReportingPeriod(year, "Q1");

    /// <summary>The day that is the given number of working days (Monday to Friday) after a day.</summary>
    public static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var day = from;
        for (var added = 0; added < days;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) added++;
        }
        return day;
    }
}
