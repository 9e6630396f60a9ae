namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>The programme items an annual plan's task may cite: those of every programme whose period overlaps the plan's.</summary>
public static class ProgrammeItems
{
    public record Item(int Id, string Code, string Activity, int PlanId, string PlanNumber, int Year, int EndYear);

    public static async Task<List<Item>> OfPeriodAsync(PlanTrackerDbContext db, Plan plan)
    {
        if (plan.Kind == PlanKind.Programme) return [];
        var items = await db.Tasks.AsNoTracking()
            .Where(t => !t.IsRetired && !t.Section!.IsRetired && t.Section.Plan!.Kind == PlanKind.Programme
                && t.Section.Plan.Year <= plan.EndYear && t.Section.Plan.EndYear >= plan.Year)
            .Select(t => new Item(t.Id, t.Code, t.Activity, t.Section!.PlanId, t.Section.Plan!.Number, t.Section.Plan.Year, t.Section.Plan.EndYear))
            .ToListAsync();
        var rank = TaskCodeOrder.Ranks(items.Select(i => i.Code));
        return [.. items.OrderBy(i => i.Year).ThenBy(i => i.PlanId).ThenBy(i => rank(i.Code))];
    }
}
