namespace PlanTracker.Core.PeriodicReports;

/// <summary>What a unit sends Sở Nội vụ: its annual CCHC plan (by 31/01), the four periodic reports, or an ad hoc report.</summary>
public enum ReportKind { AnnualPlan, Q1, H1, Q3, Year, AdHoc }

/// <summary>
/// One report of a plan year with its data cut-off and due date, as <see cref="ReportSchedule"/> works them out.
/// Q1, H1 (6 tháng), Q3 and Y (năm) all count from 1 January; the annual unit plan and ad hoc reports have no cut-off.
/// </summary>
public sealed record ReportingPeriod(int Year, ReportKind Kind, DateOnly? CutOff, DateOnly Due)
{
    /// <summary>"Q1", "H1", "Q3", "Y", "PLAN", or "ADHOC-0515" for an ad hoc report due on 15/05.</summary>
    public string Code => Kind switch
    {
        ReportKind.AnnualPlan => "PLAN",
        ReportKind.Q1 => "Q1",
        ReportKind.H1 => "H1",
        ReportKind.Q3 => "Q3",
        ReportKind.Year => "Y",
        _ => $"ADHOC-{Due.Month:00}{Due.Day:00}",
    };

    /// <summary>"2019-Q1", "2019-H1", "2019-Q3", "2019-Y", "2019-PLAN": the key report submissions and indicator values store.</summary>
    public string Key => $"{Year}-{Code}";

    /// <summary>Q1, H1, Q3 or Y: a report on the plan's results, with indicator values.</summary>
    public bool IsPeriodic => Kind is ReportKind.Q1 or ReportKind.H1 or ReportKind.Q3 or ReportKind.Year;

    public DateOnly Start => new(Year, 1, 1);

    /// <summary>As the report's title says it: "quý I năm 2019", "6 tháng đầu năm 2019", "năm 2019".</summary>
    public string Title => Kind switch
    {
        ReportKind.AnnualPlan => $"kế hoạch CCHC năm {Year}",
        ReportKind.Q1 => $"quý I năm {Year}",
        ReportKind.H1 => $"6 tháng đầu năm {Year}",
        ReportKind.Q3 => $"quý III năm {Year}",
        ReportKind.Year => $"năm {Year}",
        _ => $"đột xuất (hạn {Due:dd/MM/yyyy})",
    };

    /// <summary>What the unit sends: "Báo cáo CCHC quý I năm 2019", "Kế hoạch CCHC năm 2019".</summary>
    public string Name => Kind == ReportKind.AnnualPlan ? $"Kế hoạch CCHC năm {Year}" : $"Báo cáo CCHC {Title}";

    /// <summary>Short label for tables and pickers: "Quý I/2019", "6 tháng/2019", "Quý III/2019", "Năm 2019".</summary>
    public string Label => Kind switch
    {
        ReportKind.Year => $"Năm {Year}",
        _ => $"{ShortLabel}/{Year}",
    };

    /// <summary>Column header within one year: "Kế hoạch năm", "Quý I", "6 tháng", "Quý III", "Năm".</summary>
    public string ShortLabel => Kind switch
    {
        ReportKind.AnnualPlan => "Kế hoạch năm",
        ReportKind.Q1 => "Quý I",
        ReportKind.H1 => "6 tháng",
        ReportKind.Q3 => "Quý III",
        ReportKind.Year => "Năm",
        _ => "Đột xuất",
    };
}
