using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Core.Import;
using PlanTracker.Core.States;

namespace PlanTracker.Core.Monitoring;

public enum SubmissionStatus
{
    OnTime,
    Late,
    Missing,
}

public sealed record SubmissionRow(int UnitId, string UnitName, SubmissionStatus Status, DateOnly? SubmittedOn,
    string? DocumentNumber, DateOnly? DocumentDate);

/// <summary>Which units owe a periodic report, and whether each sent it on time, late or not at all (PAR criterion 1.2).</summary>
public static class SubmissionGrid
{
    public static string Label(this SubmissionStatus status) => status switch
    {
        SubmissionStatus.OnTime => "Đúng hạn",
        SubmissionStatus.Late => "Trễ hạn",
        _ => "Chưa nộp",
    };

    public static SubmissionStatus Classify(DateOnly? submittedOn, DateOnly due) =>
        submittedOn is not { } on ? SubmissionStatus.Missing : on <= due ? SubmissionStatus.OnTime : SubmissionStatus.Late;

    /// <summary>One row per unit that owes the report, sorted by name.</summary>
    public static async Task<List<SubmissionRow>> LoadAsync(PlanTrackerDbContext db, IReportSubmissionSource source,
        int planId, ReportingPeriod period, CancellationToken ct = default)
    {
        var expected = await source.OwingUnitsAsync(db, planId, period, ct);
        var due = source.DueDate(period);
        var received = (await source.ForPeriodAsync(planId, period, ct))
            .GroupBy(s => s.UnitId)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.SubmittedOn ?? DateOnly.MaxValue).First());
        var names = await db.Units.AsNoTracking().Where(u => expected.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return expected.Where(names.ContainsKey)
            .Select(id =>
            {
                var s = received.GetValueOrDefault(id);
                return new SubmissionRow(id, names[id], Classify(s?.SubmittedOn, due), s?.SubmittedOn, s?.DocumentNumber, s?.DocumentDate);
            })
            .OrderBy(r => r.UnitName, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
            .ToList();
    }

    /// <summary>
    /// The units named on the plan's periodic-report duty for this period (Plan 163, III.1.c: "Sở, ban, ngành thành phố",
    /// "UBND quận, huyện"), groups expanded; a plan without such a duty falls back to its lead units.
    /// </summary>
    public static async Task<HashSet<int>> ExpectedUnitsAsync(PlanTrackerDbContext db, int planId, ReportingPeriod period, CancellationToken ct = default)
    {
        var duties = await db.PlanDuties.AsNoTracking()
            .Where(d => d.PlanId == planId && d.Periods != null)
            .Select(d => new { d.Periods, d.PrintedUnits }).ToListAsync(ct);
        var printed = duties.Where(d => d.Periods!.Split(',', StringSplitOptions.TrimEntries).Contains(period.Code))
            .SelectMany(d => d.PrintedUnits.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();

        var units = new HashSet<int>();
        if (printed.Count > 0)
        {
            var directory = await UnitDirectory.LoadAsync(db, ct);
            var groups = new List<int>();
            foreach (var name in printed)
            {
                if (!directory.TryFind(name, out var unitId, out var groupId)) continue;
                if (unitId is { } u) units.Add(u);
                if (groupId is { } g) groups.Add(g);
            }
            units.UnionWith(await db.UnitGroupMembers.Where(m => groups.Contains(m.UnitGroupId)).Select(m => m.UnitId).ToListAsync(ct));
        }
        if (units.Count == 0)
        {
            var taskIds = await db.Tasks.Where(t => t.Section!.PlanId == planId).Select(t => t.Id).ToArrayAsync(ct);
            foreach (var leads in (await WorkItems.LeadUnitsByTaskAsync(db, taskIds, ct)).Values) units.UnionWith(leads);
        }
        return units;
    }
}
