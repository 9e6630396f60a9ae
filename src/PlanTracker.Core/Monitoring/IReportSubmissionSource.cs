namespace PlanTracker.Core.Monitoring;

/// <summary>A unit's periodic CCHC report as received by Sở Nội vụ. No entry for a unit means "chưa nộp".</summary>
public sealed record ReportSubmissionEntry(int UnitId, DateOnly? SubmittedOn, string? DocumentNumber = null, DateOnly? DocumentDate = null);

/// <summary>
/// Where the periodic report learns which units sent their own report for a period (PAR criterion 1.2).
/// The report-submission feature plugs its store in here; until then <see cref="NoReportSubmissions"/> says nobody has.
/// </summary>
public interface IReportSubmissionSource
{
    /// <summary>The submissions for one plan and period (period.Key is "2019-Q1", "2019-H1", "2019-Q3" or "2019-Y").</summary>
    Task<IReadOnlyList<ReportSubmissionEntry>> ForPeriodAsync(int planId, ReportingPeriod period, CancellationToken ct = default);

    /// <summary>The last day a unit's report for the period counts as on time.</summary>
    DateOnly DueDate(ReportingPeriod period);

    /// <summary>The units that owe the report; unless a source knows better, those named on the plan's periodic-report duty.</summary>
    Task<HashSet<int>> OwingUnitsAsync(Data.PlanTrackerDbContext db, int planId, ReportingPeriod period, CancellationToken ct = default) =>
        SubmissionGrid.ExpectedUnitsAsync(db, planId, period, ct);
}

/// <summary>The stand-in until report submissions are recorded: no unit has submitted; due 5 working days after the cut-off.</summary>
public sealed class NoReportSubmissions : IReportSubmissionSource
{
    public const int WorkingDaysAfterCutOff = 5;

    public Task<IReadOnlyList<ReportSubmissionEntry>> ForPeriodAsync(int planId, ReportingPeriod period, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ReportSubmissionEntry>>([]);

    public DateOnly DueDate(ReportingPeriod period) => ReportingPeriods.AddWorkingDays(period.CutOff, WorkingDaysAfterCutOff);
}
