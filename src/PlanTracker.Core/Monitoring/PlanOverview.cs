using PlanTracker.Core.States;

namespace PlanTracker.Core.Monitoring;

public sealed record SectionCounts(int Number, string Title, StateCounts Counts);
public sealed record UnitCounts(int UnitId, string Name, StateCounts Counts);
public sealed record DatedCounts(string Label, DateOnly Day, StateCounts Counts);

/// <summary>
/// Where a plan stands on a day: its work items (one per deliverable, period and lead unit, as
/// <see cref="CountedWorkItems"/> reads them) counted by state in total, per section, per lead unit and at each
/// quarter's end.
/// </summary>
public sealed class PlanOverview
{
    public required Plan Plan { get; init; }
    public required DateOnly AsOf { get; init; }
    public required StateCounts Totals { get; init; }
    /// <summary>The totals against the plan's own deadlines, extensions ignored ("theo hạn gốc").</summary>
    public required StateCounts OriginalTotals { get; init; }
    /// <summary>As PAR criterion 1.6 counts: tasks assigned by a higher level against their original dates, the rest against the deadline in force.</summary>
    public required StateCounts ParTotals { get; init; }
    public required List<SectionCounts> Sections { get; init; }
    public required List<UnitCounts> Units { get; init; }
    public required List<DatedCounts> Quarters { get; init; }

    public static async Task<PlanOverview> BuildAsync(PlanTrackerDbContext db, Plan plan, DateOnly asOf, CancellationToken ct = default) =>
        await BuildAsync(db, plan, asOf, await CountedWorkItems.LoadAsync(db, plan.Id, ct: ct), ct);

    /// <summary>The overview from items already read (kept between requests by the dashboard).</summary>
    public static async Task<PlanOverview> BuildAsync(PlanTrackerDbContext db, Plan plan, DateOnly asOf, IReadOnlyList<CountedWorkItem> items,
        CancellationToken ct = default)
    {
        var sections = await db.Sections.AsNoTracking()
            .Where(s => s.PlanId == plan.Id && !s.IsRetired).OrderBy(s => s.SortOrder)
            .Select(s => new { s.Number, s.Title }).ToListAsync(ct);
        var unitIds = items.Select(i => i.UnitId).Distinct().ToArray();
        var unitNames = await db.Units.AsNoTracking().Where(u => EF.Parameter(unitIds).Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

        var states = items.Select(i => (Item: i, State: i.StateOn(asOf))).ToList();
        var bySection = states.ToLookup(i => i.Item.SectionNumber, i => i.State);
        return new PlanOverview
        {
            Plan = plan,
            AsOf = asOf,
            Totals = StateCounts.Of(states.Select(i => i.State)),
            OriginalTotals = StateCounts.Of(items.Select(i => i.OriginalStateOn(asOf))),
            ParTotals = StateCounts.Of(items.Select(i => i.ParStateOn(asOf))),
            Sections = sections.Select(s => new SectionCounts(s.Number, s.Title, StateCounts.Of(bySection[s.Number]))).ToList(),
            Units = states.GroupBy(i => i.Item.UnitId, i => i.State)
                .Select(g => new UnitCounts(g.Key, unitNames.GetValueOrDefault(g.Key, "?"), StateCounts.Of(g)))
                .OrderBy(u => u.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
                .ToList(),
            Quarters = QuarterEnds(plan.Year, asOf)
                .Select(q => new DatedCounts(q.Label, q.Day, StateCounts.Of(items.Select(i => i.StateOn(q.Day)))))
                .ToList(),
        };
    }

    /// <summary>Each quarter end of the plan year up to the as-of date, and the as-of date itself inside the year.</summary>
    public static IEnumerable<(string Label, DateOnly Day)> QuarterEnds(int year, DateOnly asOf)
    {
        string[] names = ["I", "II", "III", "IV"];
        for (var q = 1; q <= 4; q++)
        {
            var end = new DateOnly(year, q * 3, 1).AddMonths(1).AddDays(-1);
            var start = new DateOnly(year, q * 3 - 2, 1);
            if (start > asOf) yield break;
            yield return end <= asOf ? ($"Quý {names[q - 1]}", end) : ($"Quý {names[q - 1]} (đến {asOf.ToString("dd/MM", System.Globalization.CultureInfo.InvariantCulture)})", asOf);
        }
    }
}
