using Microsoft.AspNetCore.Authorization;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Time;

namespace PlanTracker.Web.Features.UnitPlans;

/// <summary>
/// Sở Nội vụ's view of the units' own plans for a city plan: per unit that owes one (the plan's duties, groups
/// expanded), whether it came in and when, and which of the unit's city tasks its plan leaves out, i.e. no live
/// task of the unit plan cites them.
/// </summary>
[Authorize(Policy = Policies.AdminOrViewer)]
public class CoverageModel(PlanTrackerDbContext db, ReportSchedule schedule, IClock clock) : PageModel
{
    public sealed record Row(int UnitId, string UnitName, ReportState State, ReportSubmission? Submission, Plan? UnitPlan,
        int CityTaskCount, List<PlanTask> LeftOut);

    [BindProperty(SupportsGet = true, Name = "plan")] public int? PlanId { get; set; }

    public Plan Plan { get; private set; } = null!;
    public List<Plan> Plans { get; private set; } = [];
    public ReportingPeriod Report { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Plans = await db.Plans.AsNoTracking().Where(p => p.Kind == PlanKind.CityAnnual).NewestFirst().ToListAsync(ct);
        var plan = PlanId is { } id ? Plans.FirstOrDefault(p => p.Id == id) : Plans.FirstOrDefault(p => p.Status == PlanStatus.Active) ?? Plans.FirstOrDefault();
        if (plan is null) return NotFound();
        Plan = plan;
        Report = schedule.Of(plan.Year).First(r => r.Kind == ReportKind.AnnualPlan);
        var obligations = await ReportObligations.ForPeriodAsync(db, schedule.Options, plan.Id, Report, clock.Today, ct);
        var owing = obligations.Select(o => o.UnitId).ToArray();
        var names = await db.Units.AsNoTracking().Where(u => owing.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

        // The city tasks each unit leads or coordinates, groups expanded.
        var cityTasks = await db.Tasks.AsNoTracking().Where(t => t.Section!.PlanId == plan.Id && !t.IsRetired && !t.Section.IsRetired)
            .OrderBy(t => t.Section!.SortOrder).ThenBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        var live = cityTasks.Select(t => t.Id).ToHashSet();
        var assignments = await db.TaskAssignments.AsNoTracking()
            .Where(a => !a.IsRetired && a.Task!.Section!.PlanId == plan.Id)
            .Select(a => new { a.TaskId, a.UnitId, a.UnitGroupId }).ToListAsync(ct);
        var members = (await db.UnitGroupMembers.AsNoTracking().Select(m => new { m.UnitGroupId, m.UnitId }).ToListAsync(ct))
            .ToLookup(m => m.UnitGroupId, m => m.UnitId);
        var tasksOf = assignments
            .SelectMany(a => (a.UnitId is { } u ? [u] : Array.Empty<int>()).Concat(a.UnitGroupId is { } g ? members[g] : []), (a, unit) => (unit, a.TaskId))
            .ToLookup(x => x.unit, x => x.TaskId);

        var unitPlans = await db.Plans.AsNoTracking().Where(p => p.Kind == PlanKind.UnitAnnual && p.ParentPlanId == plan.Id).ToListAsync(ct);
        var unitPlanIds = unitPlans.Select(p => p.Id).ToArray();
        var cited = (await db.TaskCitations.AsNoTracking()
                .Where(c => !c.Task!.IsRetired && unitPlanIds.Contains(c.Task.Section!.PlanId))
                .Select(c => new { c.Task!.Section!.PlanId, c.CitedTaskId }).ToListAsync(ct))
            .ToLookup(c => c.PlanId, c => c.CitedTaskId);

        Rows = obligations.Select(o =>
        {
            var own = tasksOf[o.UnitId].Where(live.Contains).ToHashSet();
            var unitPlan = unitPlans.FirstOrDefault(p => p.UnitId == o.UnitId);
            var covered = unitPlan is null ? [] : cited[unitPlan.Id].ToHashSet();
            var leftOut = unitPlan is null ? [] : cityTasks.Where(t => own.Contains(t.Id) && !covered.Contains(t.Id)).ToList();
            return new Row(o.UnitId, names.GetValueOrDefault(o.UnitId, "?"), o.State, o.Submission, unitPlan, own.Count, leftOut);
        }).OrderBy(r => r.UnitName, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).ToList();
        return Page();
    }
}
