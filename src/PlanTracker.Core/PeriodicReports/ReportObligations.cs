using PlanTracker.Core.Import;
using PlanTracker.Core.States;

namespace PlanTracker.Core.PeriodicReports;

/// <summary>One report one unit owes for one plan, with its submission (if any) and state as of a date.</summary>
public sealed record ReportObligation(int PlanId, ReportingPeriod Period, int UnitId, ReportSubmission? Submission, ReportState State);

/// <summary>Who owes which periodic report and where each stands; shared by the reports pages, reminders and dashboards.</summary>
public static class ReportObligations
{
    /// <summary>
    /// The units that owe each report of a plan: those named on the plan's periodic-report duty for the period
    /// (Plan 163, III.1.c: "Sở, ban, ngành thành phố", "UBND quận, huyện"), groups expanded; the annual unit plan and
    /// ad hoc reports are owed by every unit on such a duty. Without a duty for a period, the plan's lead units owe it.
    /// The recipient (<see cref="ReportOptions.RecipientUnitCode"/>) never owes a report to itself.
    /// </summary>
    public static async Task<Func<ReportingPeriod, IReadOnlySet<int>>> OwedByAsync(PlanTrackerDbContext db, int planId, ReportOptions options,
        CancellationToken ct = default)
    {
        var duties = await db.PlanDuties.AsNoTracking()
            .Where(d => d.PlanId == planId && d.Periods != null && d.Periods != "")
            .Select(d => new { d.Periods, d.PrintedUnits }).ToListAsync(ct);
        var recipient = await db.Units.Where(u => u.Code == options.RecipientUnitCode).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);

        var byCode = new Dictionary<string, HashSet<int>>();
        if (duties.Count > 0)
        {
            var directory = await UnitDirectory.LoadAsync(db, ct);
            var members = (await db.UnitGroupMembers.AsNoTracking().Select(m => new { m.UnitGroupId, m.UnitId }).ToListAsync(ct))
                .ToLookup(m => m.UnitGroupId, m => m.UnitId);
            foreach (var duty in duties)
            {
                var units = new HashSet<int>();
                foreach (var name in duty.PrintedUnits.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!directory.TryFind(name, out var unitId, out var groupId)) continue;
                    if (unitId is { } u) units.Add(u);
                    if (groupId is { } g) units.UnionWith(members[g]);
                }
                foreach (var code in duty.Periods!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    (byCode.TryGetValue(code, out var set) ? set : byCode[code] = []).UnionWith(units);
            }
        }
        var named = PeriodicCodes.ToDictionary(c => c, c => byCode.GetValueOrDefault(c) ?? []);
        var onAnyDuty = byCode.Values.SelectMany(u => u).ToHashSet();
        var leads = onAnyDuty.Count == 0 || named.Values.Any(u => u.Count == 0) ? await LeadUnitsAsync(db, planId, ct) : [];

        IReadOnlySet<int> Owing(HashSet<int> units) => (units.Count > 0 ? units : leads).Where(u => u != recipient).ToHashSet();
        var owing = named.ToDictionary(n => n.Key, n => Owing(n.Value));
        var others = Owing(onAnyDuty);
        return period => period.IsPeriodic ? owing[period.Code] : others;
    }

    private static readonly string[] PeriodicCodes = ["Q1", "H1", "Q3", "Y"];

    /// <summary>
    /// The lead units of the plan's live tasks, groups expanded: who owes a report when no duty says. A retired task or
    /// section owes nothing (a staged import's sections are retired until its last step).
    /// </summary>
    private static async Task<HashSet<int>> LeadUnitsAsync(PlanTrackerDbContext db, int planId, CancellationToken ct)
    {
        // The distinct leads in SQL: reading every task's leads (83,000 tasks at the 100k province) to union them
        // took 0.15–0.8 s, paid by every unit's calendar feed and report list.
        var leads = await db.TaskAssignments.AsNoTracking()
            .Where(a => !a.IsRetired && a.Role == AssignmentRole.Lead && a.Task!.Section!.PlanId == planId
                && !a.Task.IsRetired && !a.Task.Section.IsRetired)
            .Select(a => new { a.UnitId, a.UnitGroupId }).Distinct().ToListAsync(ct);
        var groupIds = leads.Where(a => a.UnitGroupId != null).Select(a => a.UnitGroupId!.Value).Distinct().ToArray();
        var members = await db.UnitGroupMembers.AsNoTracking().Where(m => EF.Parameter(groupIds).Contains(m.UnitGroupId))
            .Select(m => m.UnitId).ToListAsync(ct);
        return [.. leads.Where(a => a.UnitId != null).Select(a => a.UnitId!.Value), .. members];
    }

    /// <summary>
    /// Every report every owing unit has for the plans (or one plan, or one unit), each with its earliest submission
    /// that is not removed and its state as of the given day. Units come in name order within a report.
    /// </summary>
    public static Task<List<ReportObligation>> LoadAsync(PlanTrackerDbContext db, ReportSchedule schedule, DateOnly asOf,
        int? planId = null, int? unitId = null, CancellationToken ct = default) =>
        LoadAsync(db, schedule.Options, year => schedule.Of(year), asOf, planId, unitId, ct);

    /// <summary>One report of one plan: every owing unit with its submission and state.</summary>
    public static Task<List<ReportObligation>> ForPeriodAsync(PlanTrackerDbContext db, ReportOptions options, int planId,
        ReportingPeriod period, DateOnly asOf, CancellationToken ct = default) =>
        LoadAsync(db, options, _ => [period], asOf, planId, null, ct);

    private static async Task<List<ReportObligation>> LoadAsync(PlanTrackerDbContext db, ReportOptions options,
        Func<int, IEnumerable<ReportingPeriod>> periodsOf, DateOnly asOf, int? planId, int? unitId, CancellationToken ct)
    {
        // A unit's own plan owes no reports: its "kế hoạch CCHC năm" is recorded against the city plan it implements,
        // and without a duty its lead (the unit itself) would be chased for reports on its own plan.
        var plans = await db.Plans.AsNoTracking().Live().Where(p => p.Kind != PlanKind.UnitAnnual && (planId == null || p.Id == planId))
            .OrderBy(p => p.Year).Select(p => new { p.Id, p.Year }).ToListAsync(ct);
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);

        var submissions = (await db.ReportSubmissions().AsNoTracking()
                .Where(s => !s.IsRemoved && (planId == null || s.PlanId == planId) && (unitId == null || s.UnitId == unitId))
                .ToListAsync(ct))
            .GroupBy(s => (s.PlanId, s.PeriodKey, s.UnitId))
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.SubmittedOn).ThenBy(s => s.Id).First());

        var obligations = new List<ReportObligation>();
        foreach (var plan in plans)
        {
            var owedBy = await OwedByAsync(db, plan.Id, options, ct);
            foreach (var period in periodsOf(plan.Year))
                foreach (var unit in owedBy(period).Where(u => unitId == null || u == unitId).OrderBy(u => names.GetValueOrDefault(u), StringComparer.Ordinal))
                {
                    var submission = submissions.GetValueOrDefault((plan.Id, period.Key, unit));
                    obligations.Add(new(plan.Id, period, unit, submission, ReportStatus.Classify(period.Due, submission?.SubmittedOn, asOf)));
                }
        }
        return obligations;
    }
}
