using PlanTracker.Core.Import;

namespace PlanTracker.Core.Plans;

public static class PlanQueries
{
    /// <summary>
    /// The plans users know: a plan file still being imported is not a plan yet. Its row is staged, numbered
    /// <see cref="PlanImporter.StagingPrefix"/>… (and Active when the `import` command writes it), until the import's
    /// last step; every reader of plans that is not the importer starts here.
    /// </summary>
    public static IQueryable<Plan> Live(this IQueryable<Plan> plans) =>
        plans.Where(p => !p.Number.StartsWith(PlanImporter.StagingPrefix));

    /// <summary>
    /// Newest plan first: the order of every plan picker; only <see cref="Live"/> plans.
    /// A unit's own plan is opened from /unit-plans (its draft by that unit only), never by a city-wide picker or default.
    /// </summary>
    public static IOrderedQueryable<Plan> NewestFirst(this IQueryable<Plan> plans) =>
        plans.Live().Where(p => p.Kind != PlanKind.UnitAnnual)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id);

    /// <summary>
    /// The <see cref="Live"/> plans a unit's editor may see: every plan but the drafts (<paramref name="withDrafts"/>
    /// for Sở Nội vụ and the leadership).
    /// </summary>
    public static IQueryable<Plan> Visible(this IQueryable<Plan> plans, bool withDrafts) =>
        withDrafts ? plans.Live() : plans.Live().Where(p => p.Status != PlanStatus.Draft);

    /// <summary>
    /// The plan a page opens when none is asked for: the active city annual plan whose period contains today;
    /// else the nearest earlier active annual plan (a new year's plan not yet activated on 02/01); else the newest.
    /// One query: the three choices are sort keys, so a programme or a unit plan is never picked while an annual one fits.
    /// </summary>
    public static Task<Plan?> CurrentAsync(this IQueryable<Plan> plans, DateOnly today, CancellationToken ct = default)
    {
        var year = today.Year;
        return plans.Live().Where(p => p.Kind != PlanKind.UnitAnnual)
            .OrderByDescending(p => p.Kind == PlanKind.CityAnnual && p.Status == PlanStatus.Active && p.Year <= year && p.EndYear >= year ? 1 : 0)
            .ThenByDescending(p => p.Kind == PlanKind.CityAnnual && p.Status == PlanStatus.Active && p.Year <= year ? 1 : 0)
            .ThenByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The plan a page was asked for, or the current one (<see cref="CurrentAsync"/>) when it was asked for none.</summary>
    public static Task<Plan?> AskedOrCurrentAsync(this IQueryable<Plan> plans, int? planId, DateOnly today, CancellationToken ct = default) =>
        planId is { } id ? plans.FirstOrDefaultAsync(p => p.Id == id, ct) : plans.CurrentAsync(today, ct);
}
