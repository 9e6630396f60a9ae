using PlanTracker.Core.Deadlines;
using PlanTracker.Core.States;
using PlanTracker.Core.Time;

namespace PlanTracker.Web.Features.Tasks;

public class IndexModel(PlanTrackerDbContext db, Dashboard.OverviewCache kept, IClock clock) : PageModel
{
    public const int DefaultPageSize = 50;
    private static readonly int[] AllowedPageSizes = [25, 50, 100];

    /// <summary>Rows per page: 25, 50 or 100; anything else falls back to 50.</summary>
    [BindProperty(SupportsGet = true, Name = "size")]
    public int? Size { get; set; }

    public int PageSize => Size is { } size && AllowedPageSizes.Contains(size) ? size : DefaultPageSize;

    [BindProperty(SupportsGet = true)]
    public TaskFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Plan? Plan { get; private set; }
    public List<Shared.PlanChoice> Plans { get; private set; } = [];
    public List<PlanTask> Tasks { get; private set; } = [];
    public int Total { get; private set; }
    public List<Section> Sections { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public List<string> Quarters { get; private set; } = [];

    /// <summary>Set when the State filter asks for work items: the page lists those instead of tasks.</summary>
    public List<WorkItem>? Items { get; private set; }
    public int ItemTaskCount { get; private set; }
    public Dictionary<int, string> UnitNames { get; private set; } = [];
    public DateOnly AsOfDate => Filter.AsOf ?? clock.Today;

    public async Task<IActionResult> OnGetAsync()
    {
        Plan = await db.Plans.AsNoTracking().VisibleTo(User).AskedOrCurrentAsync(Filter.Plan, clock.Today);
        if (Plan is null) return Filter.Plan is null ? Page() : NotFound();
        Plans = await Shared.PlanPicker.ChoicesAsync(db, User);

        var query = await Filter.ApplyAsync(db, db.Tasks.AsNoTracking(), Plan.Id);
        await LoadFilterChoicesAsync(Plan.Id);
        if (Filter.States() is { } states)
        {
            await LoadItemsAsync(query, states);
            return Page();
        }
        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Tasks = await query
            .OrderBy(t => t.Section!.SortOrder).ThenBy(t => t.SortOrder)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Include(t => t.Deliverables.Where(d => !d.IsRetired).OrderBy(d => d.SortOrder))
            .Include(t => t.Assignments.Where(a => !a.IsRetired).OrderBy(a => a.SortOrder))
            .AsSplitQuery()
            .ToListAsync();
        return Page();
    }

    private async Task LoadItemsAsync(IQueryable<PlanTask> query, IReadOnlySet<DeliverableState> states)
    {
        var rows = await Filter.RowsAsync(kept, query, Plan!.Id, AsOfDate, states);
        Total = rows.Count;
        ItemTaskCount = rows.Select(i => i.TaskId).Distinct().Count();
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Items = await TaskFilter.PageAsync(db, AsOfDate, rows.Skip((PageNumber - 1) * PageSize).Take(PageSize));
        var unitIds = Items.Select(i => i.UnitId).Distinct().ToList();
        UnitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
    }

    private async Task LoadFilterChoicesAsync(int planId)
    {
        Sections = await db.Sections.AsNoTracking().Where(s => s.PlanId == planId && !s.IsRetired).OrderBy(s => s.SortOrder).ToListAsync();
        Units = await Shared.UnitChoices.AllAsync(db);
        var dues = await db.Deliverables.AsNoTracking()
            .Where(d => d.Task!.Section!.PlanId == planId && !d.IsRetired && d.DeadlineDue != null && !DeadlineKinds.WithOccurrences.Contains(d.DeadlineKind))
            .Select(d => d.DeadlineDue!.Value).Distinct().ToListAsync();
        Quarters = dues.Select(TaskFilter.QuarterLabel)
            .Concat(Enumerable.Range(1, 4).Select(q => $"{Plan!.Year}-Q{q}"))
            .Distinct().Order().ToList();
    }

    public string PageLink(int page)
    {
        var query = Request.Query.Where(kv => kv.Key != "p").ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        query["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/tasks", query!);
    }
}
