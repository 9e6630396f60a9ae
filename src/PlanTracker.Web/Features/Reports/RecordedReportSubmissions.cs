using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanTracker.Core.Data;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.Reminders;
using PlanTracker.Core.Reports;

namespace PlanTracker.Web.Features.Reports;

/// <summary>
/// The periodic report's view of what units recorded at /reports/record, with the due date the
/// reminders use (cut-off plus the configured working days, holidays skipped), so that the report,
/// the scorecard and the reminders agree on who owes a report and who was late.
/// </summary>
public sealed class RecordedReportSubmissions(PlanTrackerDbContext db, IOptions<ReminderRules> rules) : IReportSubmissionSource
{
    public async Task<IReadOnlyList<ReportSubmissionEntry>> ForPeriodAsync(int planId, ReportingPeriod period, CancellationToken ct = default)
    {
        var recorded = await db.ReportSubmissions().AsNoTracking()
            .Where(s => s.PlanId == planId && s.PeriodKey == period.Key && !s.IsRemoved)
            .Select(s => new { s.Id, s.UnitId, s.SubmittedOn, s.DocumentNumber, s.DocumentDate })
            .ToListAsync(ct);
        // A unit that recorded twice (a correction) counts once, by its latest record.
        return recorded.GroupBy(s => s.UnitId).Select(g => g.MaxBy(s => s.Id)!)
            .Select(s => new ReportSubmissionEntry(s.UnitId, s.SubmittedOn, s.DocumentNumber, s.DocumentDate))
            .ToList();
    }

    /// <summary>The same units the reminders chase: Reminders:Reports:OwedByGroup, less Sở Nội vụ itself.</summary>
    public async Task<HashSet<int>> OwingUnitsAsync(PlanTrackerDbContext context, int planId, ReportingPeriod period, CancellationToken ct = default) =>
        [.. await ReportObligations.OwingUnitIdsAsync(context, rules.Value.Reports, ct)];

    public DateOnly DueDate(ReportingPeriod period) =>
        PeriodicReports.Find(period.Year, period.Key, rules.Value.Reports)?.Due
        ?? throw new ArgumentException($"'{period.Key}' is not a periodic report of {period.Year}.", nameof(period));
}
