namespace PlanTracker.Core.Reports;

/// <summary>The five things each unit sends Sở Nội vụ in a plan year, in the order they fall due.</summary>
public enum ReportKind { AnnualPlan, Q1, H1, Q3, Year }

/// <summary>One periodic report of one plan year, e.g. "2019-Q1", due two working days after 14/03/2019.</summary>
public sealed record PeriodicReport(string Key, ReportKind Kind, int Year, DateOnly? CutOff, DateOnly Due)
{
    public string Label => Kind switch
    {
        ReportKind.AnnualPlan => $"Kế hoạch CCHC năm {Year}",
        ReportKind.Q1 => $"Báo cáo CCHC quý I năm {Year}",
        ReportKind.H1 => $"Báo cáo CCHC 6 tháng đầu năm {Year}",
        ReportKind.Q3 => $"Báo cáo CCHC quý III năm {Year}",
        _ => $"Báo cáo CCHC năm {Year}",
    };

    public string ShortLabel => Kind switch
    {
        ReportKind.AnnualPlan => "Kế hoạch năm",
        ReportKind.Q1 => "Quý I",
        ReportKind.H1 => "6 tháng",
        ReportKind.Q3 => "Quý III",
        _ => "Năm",
    };
}

public static class PeriodicReports
{
    private static readonly (ReportKind Kind, string Suffix, int CutOffMonth)[] Periods =
        [(ReportKind.Q1, "Q1", 3), (ReportKind.H1, "H1", 6), (ReportKind.Q3, "Q3", 9), (ReportKind.Year, "Y", 12)];

    /// <summary>The reports of a plan year with their due dates.</summary>
    public static IReadOnlyList<PeriodicReport> For(int year, ReportRules rules)
    {
        var calendar = rules.Calendar();
        var reports = new List<PeriodicReport>
        {
            new($"{year}-PLAN", ReportKind.AnnualPlan, year, null, new DateOnly(year, 1, Math.Clamp(rules.AnnualPlanDueDay, 1, 31))),
        };
        foreach (var (kind, suffix, month) in Periods)
        {
            var cutOff = new DateOnly(year, month, Math.Clamp(rules.CutOffDay, 1, DateTime.DaysInMonth(year, month)));
            reports.Add(new($"{year}-{suffix}", kind, year, cutOff, calendar.AddWorkingDays(cutOff, rules.WorkingDaysAfterCutOff)));
        }
        return reports;
    }

    public static PeriodicReport? Find(int year, string key, ReportRules rules) => For(year, rules).FirstOrDefault(r => r.Key == key);
}
