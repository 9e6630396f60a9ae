namespace PlanTracker.Web.Features.Plans;

/// <summary>The whole plan on one page: header, objectives, every section's tasks, and section III's duties.</summary>
public class DetailsModel(PlanTrackerDbContext db) : PageModel
{
    public Plan Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var plan = await db.Plans.AsNoTracking().Live().AsSplitQuery()
            .Include(p => p.Objectives.OrderBy(o => o.SortOrder)).ThenInclude(o => o.Indicators.OrderBy(i => i.SortOrder))
            .Include(p => p.Sections.Where(s => !s.IsRetired).OrderBy(s => s.SortOrder))
                .ThenInclude(s => s.Tasks.Where(t => !t.IsRetired).OrderBy(t => t.SortOrder))
                .ThenInclude(t => t.Deliverables.Where(d => !d.IsRetired).OrderBy(d => d.SortOrder))
            .Include(p => p.Sections.Where(s => !s.IsRetired).OrderBy(s => s.SortOrder))
                .ThenInclude(s => s.Tasks.Where(t => !t.IsRetired).OrderBy(t => t.SortOrder))
                .ThenInclude(t => t.Assignments.Where(a => !a.IsRetired).OrderBy(a => a.SortOrder))
            .Include(p => p.Duties.OrderBy(d => d.SortOrder))
            .FirstOrDefaultAsync(p => p.Id == id);
        if (plan is null || !PlanLifecycle.Sees(User, plan.Status)) return NotFound();
        Plan = plan;
        return Page();
    }

    public static int LetteredTasks(Section s) => s.Tasks.Count(t => t.ParentTaskId is null);
    public static int SubItems(Section s) => s.Tasks.Count(t => t.ParentTaskId is not null);
    public static int Deliverables(Section s) => s.Tasks.Sum(t => t.Deliverables.Count);
}
