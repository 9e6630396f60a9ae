using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Import;

namespace PlanTracker.Core.Plans;

public static class PlanQueries
{
    /// <summary>
    /// Newest plan first: the order of every plan picker, and (its first) the plan a page opens when none is asked for.
    /// A plan file still being imported is not a plan yet: its row is staged until the import's last chunk.
    /// A unit's own plan is opened from /unit-plans (its draft by that unit only), never by a city-wide picker or default.
    /// </summary>
    public static IOrderedQueryable<Plan> NewestFirst(this IQueryable<Plan> plans) =>
        plans.Where(p => !p.Number.StartsWith(PlanImporter.StagingPrefix) && p.Kind != PlanKind.UnitAnnual)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id);

    /// <summary>The plan a page was asked for, or the newest when it was asked for none.</summary>
    public static Task<Plan?> AskedOrNewestAsync(this IQueryable<Plan> plans, int? planId, CancellationToken ct = default) =>
        planId is { } id ? plans.FirstOrDefaultAsync(p => p.Id == id, ct) : plans.NewestFirst().FirstOrDefaultAsync(ct);
}
