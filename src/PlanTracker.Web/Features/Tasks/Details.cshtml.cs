using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Plans;
using PlanTracker.Core.Units;

namespace PlanTracker.Web.Features.Tasks;

public class DetailsModel(PlanTrackerDbContext db) : PageModel
{
    public PlanTask Task { get; private set; } = null!;
    public Dictionary<int, List<Unit>> GroupMembers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var task = await db.Tasks.AsNoTracking().AsSplitQuery()
            .Include(t => t.Section!).ThenInclude(s => s.Plan)
            .Include(t => t.ParentTask)
            .Include(t => t.Subtasks.OrderBy(s => s.SortOrder))
            .Include(t => t.Deliverables.OrderBy(d => d.SortOrder))
            .Include(t => t.Assignments.OrderBy(a => a.SortOrder)).ThenInclude(a => a.UnitGroup)
            .FirstOrDefaultAsync(t => t.Id == id);
        if (task is null) return NotFound();
        Task = task;

        var groupIds = task.Assignments.Where(a => a.UnitGroupId is not null).Select(a => a.UnitGroupId!.Value).ToList();
        GroupMembers = (await db.UnitGroupMembers.AsNoTracking()
                .Where(m => groupIds.Contains(m.UnitGroupId))
                .Select(m => new { m.UnitGroupId, m.Unit })
                .ToListAsync())
            .GroupBy(m => m.UnitGroupId)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Unit!).OrderBy(u => u.Name).ToList());
        return Page();
    }

    public int PlanYear => Task.Section!.Plan!.Year;

    public IReadOnlyList<DeadlineOccurrence> OccurrencesOf(Deliverable d) =>
        d.DeadlineKind == DeadlineKind.RecurringQuarterly ? DeadlineParser.Parse(d.DeadlineText, PlanYear).Occurrences : [];
}
