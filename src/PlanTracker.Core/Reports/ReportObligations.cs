using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Core.Reminders;

namespace PlanTracker.Core.Reports;

/// <summary>One report one unit owes for one plan, with its submission (if any) and state as of a date.</summary>
public sealed record ReportObligation(int PlanId, PeriodicReport Report, int UnitId, ReportSubmission? Submission, ReportState State);

/// <summary>Who owes which periodic report and where each stands; shared by the reports page, reminders and dashboards.</summary>
public static class ReportObligations
{
    /// <summary>The members of the configured group (every unit if it is empty or unknown), less the recipient.</summary>
    public static async Task<List<int>> OwingUnitIdsAsync(PlanTrackerDbContext db, ReportRules rules, CancellationToken ct = default)
    {
        var group = rules.OwedByGroup.Trim();
        var groupId = group.Length == 0 ? null
            : await db.UnitGroups.Where(g => g.Code == group).Select(g => (int?)g.Id).FirstOrDefaultAsync(ct);
        var units = groupId is { } id
            ? db.UnitGroupMembers.Where(m => m.UnitGroupId == id).Select(m => m.Unit!)
            : db.Units;
        return await units.Where(u => u.Code != rules.RecipientUnitCode).OrderBy(u => u.Name).Select(u => u.Id).ToListAsync(ct);
    }

    public static async Task<List<ReportObligation>> LoadAsync(PlanTrackerDbContext db, DateOnly asOf, ReportRules rules,
        int? planId = null, int? unitId = null, CancellationToken ct = default)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => planId == null || p.Id == planId)
            .OrderBy(p => p.Year).Select(p => new { p.Id, p.Year }).ToListAsync(ct);
        var units = await OwingUnitIdsAsync(db, rules, ct);
        if (unitId is { } only) units = units.Where(u => u == only).ToList();

        var submissions = (await db.ReportSubmissions().AsNoTracking()
                .Where(s => !s.IsRemoved && (planId == null || s.PlanId == planId) && (unitId == null || s.UnitId == unitId))
                .ToListAsync(ct))
            .GroupBy(s => (s.PlanId, s.PeriodKey, s.UnitId))
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.SubmittedOn).First());

        var obligations = new List<ReportObligation>();
        foreach (var plan in plans)
            foreach (var report in PeriodicReports.For(plan.Year, rules))
                foreach (var unit in units)
                {
                    var submission = submissions.GetValueOrDefault((plan.Id, report.Key, unit));
                    obligations.Add(new(plan.Id, report, unit, submission, ReportStatus.Classify(report.Due, submission?.SubmittedOn, asOf)));
                }
        return obligations;
    }
}
