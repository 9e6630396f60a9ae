using Microsoft.AspNetCore.Authorization;
using PlanTracker.Core.Progress;
using PlanTracker.Core.States;
using PlanTracker.Core.Time;

namespace PlanTracker.Web.Features.MyTasks;

/// <summary>
/// "Nhiệm vụ của tôi": what the user's unit leads, grouped by plan and then by state with the overdue first, then
/// what it coordinates. Active plans only unless the closed ones are asked for (a draft is not the units' yet), or one
/// plan picked. Admins and viewers pick a unit to see its list.
/// </summary>
public class IndexModel(PlanTrackerDbContext db, IClock clock, IAuthorizationService authorization, MyTasksCache kept) : PageModel
{
    public static readonly DeliverableState[] StateOrder =
        [DeliverableState.Overdue, DeliverableState.InProgress, DeliverableState.NeedsDate, DeliverableState.Ongoing, DeliverableState.AwaitingVerification,
         DeliverableState.DoneLate, DeliverableState.DoneOnTime];

    /// <summary>Rows shown per state; a province-level unit can lead thousands of items, the rest are one link away.</summary>
    public const int MaxPerState = 100;

    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }
    [BindProperty(SupportsGet = true)] public int? Plan { get; set; }
    /// <summary>"gồm cả kế hoạch đã kết thúc": closed plans are listed too.</summary>
    [BindProperty(SupportsGet = true)] public bool Closed { get; set; }
    public DateOnly AsOfDate => AsOf ?? clock.Today;

    /// <summary>
    /// One plan's share of the unit's work: what it leads by state (the first <see cref="MaxPerState"/> of each, earliest
    /// due first) with each state's count, and what it coordinates.
    /// </summary>
    public sealed record PlanGroup(PlanChoice Plan, ILookup<DeliverableState, WorkItem> Led, Dictionary<DeliverableState, int> LedCounts,
        List<CoordinatedTask> Coordinated);

    /// <summary>A task the unit coordinates, with its live deliverables' deadlines as printed.</summary>
    public sealed record CoordinatedTask(int Id, int PlanId, string Code, string Activity, List<string> Deadlines);

    public string? UnitName { get; private set; }
    public List<PlanGroup> Groups { get; private set; } = [];
    public List<PlanChoice> Plans { get; private set; } = [];
    /// <summary>More coordinated tasks than <see cref="MaxPerState"/> over the plans shown.</summary>
    public bool CoordinatedCut { get; private set; }
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public bool CanPickUnit { get; private set; }
    /// <summary>The unit's pending deadline extensions by item: the requested date.</summary>
    public Dictionary<(int DeliverableId, string Period, int UnitId), DateOnly> PendingExtensions { get; private set; } = [];
    /// <summary>Shows the update links; the progress form asks again for the unit and the task.</summary>
    public bool CanUpdate { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        CanPickUnit = await authorization.AllowsAsync(User, Policies.AdminOrViewer);
        CanUpdate = await authorization.AllowsAsync(User, Policies.AdminOrUnitEditor);
        if (!CanPickUnit) Unit = User.UnitId();
        else Units = await UnitChoices.AllAsync(db);
        if (Unit is not { } unitId) return Page();

        UnitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync();
        if (UnitName is null) return NotFound();

        // City-wide pickers leave units' own plans out; once sent, the unit's own plan is work this page tracks too.
        Plans = await PlanPicker.ChoicesAsync(db, User, ownPlansOf: unitId);
        var shown = Plans.Where(p => Plan is { } asked ? p.Id == asked
            : p.Status == PlanStatus.Active || (Closed && p.Status == PlanStatus.Closed)).ToList();
        if (Plan is not null && shown.Count == 0) return NotFound();
        var shownIds = shown.Select(p => p.Id).ToArray();

        // Every item for the counts and the order, kept while the data is unchanged (see MyTasksCache), but the texts only
        // of the rows shown: a province-level unit leads thousands of items, and the page shows at most MaxPerState of
        // each state in each plan.
        var stamp = await CountStamp.CurrentAsync(db);
        var items = await kept.LedAsync(unitId, shownIds, stamp, clock.Today);
        var coordinated = await kept.CoordinatedAsync(unitId, shownIds, stamp, () => CoordinatedAsync(unitId, shownIds, items));
        CoordinatedCut = coordinated.Count > MaxPerState;
        PendingExtensions = await db.DeadlineExtensions.AsNoTracking()
            .Where(e => e.UnitId == unitId && e.Status == ExtensionStatus.Pending)
            .ToDictionaryAsync(e => (e.DeliverableId, e.Period, e.UnitId), e => e.RequestedDue);

        // The kept items are in the page's order (earliest due first), so one pass counts each plan's states and takes
        // the first MaxPerState of each.
        var counts = new Dictionary<(int PlanId, DeliverableState State), int>();
        var ledShown = new List<WorkItem>();
        foreach (var item in items)
        {
            var state = item.StateOn(AsOfDate);
            var count = counts[(item.PlanId, state)] = counts.GetValueOrDefault((item.PlanId, state)) + 1;
            if (count <= MaxPerState) ledShown.Add(item.On(AsOfDate));
        }
        var coordinatedByPlan = coordinated.Take(MaxPerState).ToLookup(t => t.PlanId);
        var withTexts = (await WorkItems.WithTextsAsync(db, ledShown)).ToLookup(i => i.PlanId);
        Groups = shown.Where(p => withTexts[p.Id].Any() || coordinatedByPlan[p.Id].Any())
            .Select(p => new PlanGroup(p, withTexts[p.Id].ToLookup(i => i.State),
                counts.Where(c => c.Key.PlanId == p.Id).ToDictionary(c => c.Key.State, c => c.Value), coordinatedByPlan[p.Id].ToList()))
            .ToList();
        return Page();
    }

    private Task<List<CoordinatedTask>> CoordinatedAsync(int unitId, int[] planIds, List<WorkItem> led)
    {
        // One array parameter: a province-level unit leads thousands of tasks, and EF Core 10's default of one SQL
        // parameter per value made this query about half of the page's 1.9 s at 100,000 deliverables.
        var ledTaskIds = led.Select(i => i.TaskId).Distinct().ToArray();
        return db.Tasks.AsNoTracking()
            .Where(t => !t.IsRetired && !t.Section!.IsRetired && !EF.Parameter(ledTaskIds).Contains(t.Id) && EF.Parameter(planIds).Contains(t.Section.PlanId))
            .AssignedTo(db, unitId, AssignmentRole.Coordinating)
            .OrderByDescending(t => t.Section!.Plan!.Year).ThenBy(t => t.Section!.PlanId).ThenBy(t => t.Section!.SortOrder).ThenBy(t => t.SortOrder)
            .Take(MaxPerState + 1)
            // What the list shows, in one query: the tasks' filter ran twice as a split query with every column.
            .Select(t => new CoordinatedTask(t.Id, t.Section!.PlanId, t.Code, t.Activity,
                t.Deliverables.Where(d => !d.IsRetired).OrderBy(d => d.Id).Select(d => d.DeadlineText).ToList()))
            .ToListAsync();
    }
}
