namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>
/// The plan editor's list of part I statements with their indicators and of section III duties, each linking to
/// its editor. A block of its own, so that the plan page only places it.
/// </summary>
public class PlanStatementsViewComponent(PlanTrackerDbContext db) : ViewComponent
{
    public sealed record Model(Plan Plan, List<Objective> Objectives, List<PlanDuty> Duties);

    public async Task<IViewComponentResult> InvokeAsync(Plan plan)
    {
        var objectives = await db.Objectives.AsNoTracking().AsSplitQuery().Where(o => o.PlanId == plan.Id)
            .Include(o => o.Indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Id)).ThenInclude(i => i.Steps)
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Id).ToListAsync();
        var duties = await db.PlanDuties.AsNoTracking().Where(d => d.PlanId == plan.Id)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Id).ToListAsync();
        return View("/Features/Admin/Plans/_PlanStatements.cshtml", new Model(plan, objectives, duties));
    }
}
