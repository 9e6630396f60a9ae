namespace PlanTracker.Web.Features.Programme;

/// <summary>
/// A programme (QĐ 4168 for 2021–2025): its statements, every target with its yearly steps beside the yearly
/// values entered, its duties, and for each item the annual tasks that cite it, then the items none cites yet.
/// </summary>
public class DetailsModel(PlanTrackerDbContext db) : PageModel
{
    public record CitingTask(int CitedTaskId, int TaskId, string Code, int PlanId, string PlanNumber, int PlanYear);

    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<int> Years { get; private set; } = [];
    /// <summary>The yearly value ("{year}-Y") of each indicator, by indicator id and year.</summary>
    public Dictionary<(int IndicatorId, int Year), decimal> YearValues { get; private set; } = [];
    public ILookup<int, CitingTask> CitedBy { get; private set; } = Array.Empty<CitingTask>().ToLookup(c => 0);
    /// <summary>Items no annual task cites: a lettered item counts as touched when one of its sub-items is cited.</summary>
    public List<PlanTask> Untouched { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var plan = await db.Plans.AsNoTracking().Live().AsSplitQuery()
            .Include(p => p.Objectives.OrderBy(o => o.SortOrder)).ThenInclude(o => o.Indicators.OrderBy(i => i.SortOrder)).ThenInclude(i => i.Steps)
            .Include(p => p.Sections.Where(s => !s.IsRetired).OrderBy(s => s.SortOrder))
                .ThenInclude(s => s.Tasks.Where(t => !t.IsRetired).OrderBy(t => t.SortOrder))
            .Include(p => p.Duties.OrderBy(d => d.SortOrder))
            .FirstOrDefaultAsync(p => p.Id == id && p.Kind == PlanKind.Programme);
        if (plan is null) return NotFound();
        Plan = plan;
        Years = [.. Enumerable.Range(plan.Year, plan.EndYear - plan.Year + 1)];

        var yearKeys = Years.ToDictionary(y => $"{y}-Y");
        var keys = yearKeys.Keys.ToList();
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.Indicator!.Objective!.PlanId == id && keys.Contains(v.Period))
            .Select(v => new { v.IndicatorId, v.Period, v.Value }).ToListAsync();
        YearValues = values.ToDictionary(v => (v.IndicatorId, yearKeys[v.Period]), v => v.Value);

        var citing = await db.TaskCitations.AsNoTracking()
            .Where(c => c.CitedTask!.Section!.PlanId == id && !c.Task!.IsRetired && !c.Task.Section!.IsRetired)
            .Select(c => new CitingTask(c.CitedTaskId, c.TaskId, c.Task!.Code, c.Task.Section!.PlanId, c.Task.Section.Plan!.Number, c.Task.Section.Plan.Year))
            .ToListAsync();
        CitedBy = citing.OrderBy(c => c.PlanYear).ThenBy(c => c.PlanNumber, StringComparer.Ordinal).ThenBy(c => c.Code, TaskCodeOrder.Instance)
            .ToLookup(c => c.CitedTaskId);

        var items = plan.Sections.SelectMany(s => s.Tasks).ToList();
        var touched = citing.Select(c => c.CitedTaskId).ToHashSet();
        touched.UnionWith(items.Where(t => t.ParentTaskId is { } parent && touched.Contains(t.Id)).Select(t => t.ParentTaskId!.Value));
        Untouched = [.. items.Where(t => !touched.Contains(t.Id))];
        return Page();
    }

    public IEnumerable<Objective> OfKind(ObjectiveKind kind) => Plan.Objectives.Where(o => o.Kind == kind);

    public static string Number(decimal? value) => value?.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) ?? "";
}
