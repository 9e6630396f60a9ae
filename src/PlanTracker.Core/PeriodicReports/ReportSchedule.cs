using System.Globalization;

namespace PlanTracker.Core.PeriodicReports;

/// <summary>
/// The one due-date rule: the annual unit plan is due on <see cref="ReportOptions.AnnualPlanDueDay"/> January; Q1, H1, Q3
/// and Y cut their data off on <see cref="ReportOptions.CutOffDay"/> (14) of the period's last month and are due
/// <see cref="ReportOptions.WorkingDaysAfterCutOff"/> working days later, holidays skipped (18/03, 18/06, 17/09, 17/12 in 2019).
/// Reminders, the /reports page, the periodic report and the scorecard all ask here.
/// </summary>
public sealed class ReportSchedule(ReportOptions options, WorkingCalendar calendar)
{
    private static readonly (ReportKind Kind, int Month)[] Periodic =
        [(ReportKind.Q1, 3), (ReportKind.H1, 6), (ReportKind.Q3, 9), (ReportKind.Year, 12)];

    public ReportOptions Options => options;
    public WorkingCalendar Calendar => calendar;

    /// <summary>The five reports of a plan year in the order they fall due: the annual unit plan, Q1, H1, Q3, Y.</summary>
    public IReadOnlyList<ReportingPeriod> Of(int year) =>
        [new(year, ReportKind.AnnualPlan, null, new DateOnly(year, 1, Math.Clamp(options.AnnualPlanDueDay, 1, 31))), .. PeriodicOf(year)];

    /// <summary>Q1, H1, Q3 and Y of a year: the reports on the plan's results.</summary>
    public IReadOnlyList<ReportingPeriod> PeriodicOf(int year) => Periodic.Select(p =>
    {
        var cutOff = new DateOnly(year, p.Month, Math.Clamp(options.CutOffDay, 1, DateTime.DaysInMonth(year, p.Month)));
        return new ReportingPeriod(year, p.Kind, cutOff, calendar.AddWorkingDays(cutOff, options.WorkingDaysAfterCutOff));
    }).ToList();

    /// <summary>An ad hoc report asked for by a date; it has no cut-off and is not part of the year's schedule.</summary>
    public static ReportingPeriod AdHoc(DateOnly due) => new(due.Year, ReportKind.AdHoc, null, due);

    /// <summary>The report with this key ("2019-Q1", "2019-PLAN", "2019-ADHOC-0515"), or null for anything else.</summary>
    public ReportingPeriod? Find(string? key)
    {
        var parts = key?.Trim().Split('-', 2);
        if (parts is not [var y, var code] || !int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < 1900 or > 2200)
            return null;
        if (code.StartsWith("ADHOC-", StringComparison.Ordinal))
            return DateOnly.TryParseExact($"{year}{code[6..]}", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
                ? AdHoc(due) : null;
        return Of(year).FirstOrDefault(p => p.Code == code);
    }

    /// <summary>The latest of Q1, H1, Q3, Y whose cut-off has come by the given day; Q1 before the first cut-off.</summary>
    public ReportingPeriod Latest(int year, DateOnly today)
    {
        var periods = PeriodicOf(year);
        return periods.LastOrDefault(p => p.CutOff <= today) ?? periods[0];
    }
}
