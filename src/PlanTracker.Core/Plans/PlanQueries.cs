namespace PlanTracker.Core.Plans;

public static class PlanQueries
{
    /// <summary>
    /// Newest plan first: the order of every plan picker, and (its first) the plan a page opens when none is asked for.
    /// </summary>
    public static IOrderedQueryable<Plan> NewestFirst(this IQueryable<Plan> plans) =>
        plans.OrderByDescending(p => p.Year).ThenByDescending(p => p.Id);
}
