using System.Globalization;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.States;
using PlanTracker.Core.Text;

namespace PlanTracker.Web.Features.Tasks;

/// <summary>
/// The task list's filters, as they arrive in the query string. A unit filter also finds the tasks
/// assigned to a group the unit belongs to ("UBND quận, huyện" finds Ninh Kiều's tasks).
/// </summary>
public sealed class TaskFilter
{
    public int? Plan { get; set; }
    public int? Section { get; set; }
    public int? Unit { get; set; }
    public AssignmentRole? Role { get; set; }
    /// <summary>A deadline quarter written "2019-Q4".</summary>
    public string? Quarter { get; set; }
    public DeadlineKind? Kind { get; set; }
    public string? Q { get; set; }
    /// <summary>
    /// Lists work items instead of tasks: one state ("Overdue"), several ("DoneOnTime,DoneLate") or "All".
    /// Items are those of the tasks the other filters keep; with a unit (not as coordinator), that unit's own items.
    /// </summary>
    public string? State { get; set; }
    /// <summary>The day states are computed for; today when empty.</summary>
    public DateOnly? AsOf { get; set; }

    public const string AllStates = "All";

    /// <summary>The states asked for, or null when the list shows tasks (no or unreadable State).</summary>
    public IReadOnlySet<DeliverableState>? States()
    {
        if (string.IsNullOrWhiteSpace(State)) return null;
        if (State.Trim().Equals(AllStates, StringComparison.OrdinalIgnoreCase)) return Enum.GetValues<DeliverableState>().ToHashSet();
        var states = new HashSet<DeliverableState>();
        foreach (var part in State.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<DeliverableState>(part, ignoreCase: true, out var state) || !Enum.IsDefined(state)) return null;
            states.Add(state);
        }
        return states.Count == 0 ? null : states;
    }

    /// <summary>The work items behind the filtered tasks, in the given states, as of a day (the same items the dashboard counts).</summary>
    public async Task<List<WorkItem>> ItemsAsync(PlanTrackerDbContext db, IQueryable<PlanTask> filteredTasks, int planId,
        DateOnly asOf, IReadOnlySet<DeliverableState> states, CancellationToken ct = default)
    {
        var taskIds = (await filteredTasks.Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        var unit = Role == AssignmentRole.Coordinating ? null : Unit;
        var items = await WorkItems.LoadAsync(db, asOf, planId, unit, ct: ct);
        return items.Where(i => taskIds.Contains(i.TaskId) && states.Contains(i.State)).ToList();
    }

    /// <summary>
    /// The same items as <see cref="ItemsAsync"/>, in the list's order, picked from the plan's kept counted items: the task
    /// list and the API read in full only the page they show (<see cref="PageAsync"/>). Reading every work item of a
    /// 100,000-deliverable plan with its texts and progress, to show 50 of them, took about a second.
    /// </summary>
    public async Task<List<CountedWorkItem>> RowsAsync(Dashboard.OverviewCache kept, IQueryable<PlanTask> filteredTasks,
        int planId, DateOnly asOf, IReadOnlySet<DeliverableState> states, CancellationToken ct = default)
    {
        // Without a task filter the filtered tasks are the plan's live tasks, those of the counted items already, and the
        // rows depend only on the day, the states and the data: they are kept while the data is unchanged.
        if (!FiltersTasks())
            return await kept.RowsAsync(planId, $"{asOf:yyyy-MM-dd} {string.Join(',', states.Order())}",
                items => InListOrder(items, null, null, asOf, states), ct);
        var taskIds = (await filteredTasks.Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        return InListOrder(await kept.ItemsAsync(planId, ct), Role == AssignmentRole.Coordinating ? null : Unit, taskIds, asOf, states);
    }

    private static List<CountedWorkItem> InListOrder(List<CountedWorkItem> items, int? unit, HashSet<int>? taskIds, DateOnly asOf,
        IReadOnlySet<DeliverableState> states)
    {
        var rows = items
            .Where(i => (unit is null || i.UnitId == unit) && (taskIds is null || taskIds.Contains(i.TaskId)) && states.Contains(i.StateOn(asOf)))
            .ToList();
        var rank = TaskCodeOrder.Ranks(rows.Select(i => i.TaskCode));
        // An ongoing item has no due date in the list, whatever its deliverable's stored one.
        return [.. rows.OrderBy(i => i.SectionNumber).ThenBy(i => rank(i.TaskCode)).ThenBy(i => i.Kind == DeadlineKind.Ongoing ? null : i.Due)
            .ThenBy(i => i.UnitId).ThenBy(i => i.DeliverableId).ThenBy(i => i.Period, StringComparer.Ordinal)];
    }

    /// <summary>The work items of one page of <see cref="RowsAsync"/>'s rows, in their order; a row gone since is left out.</summary>
    public static async Task<List<WorkItem>> PageAsync(PlanTrackerDbContext db, DateOnly asOf, IEnumerable<CountedWorkItem> rows, CancellationToken ct = default)
    {
        var page = rows.ToList();
        var items = (await WorkItems.LoadAsync(db, asOf, page.Select(r => r.DeliverableId).Distinct().ToArray(), ct))
            .ToDictionary(i => (i.DeliverableId, i.UnitId, i.Period));
        return [.. page.Select(r => items.GetValueOrDefault((r.DeliverableId, r.UnitId, r.Period))).OfType<WorkItem>()];
    }

    private bool FiltersTasks() => Section is not null || Unit is not null || Role is not null || Kind is not null
        || TryParseQuarter(Quarter, out _, out _) || VietnameseText.SearchKey(Q) is { Length: > 0 };

    /// <summary>The filters as query-string pairs, for links to the list and its exports.</summary>
    public Dictionary<string, string?> ToQuery()
    {
        var query = new Dictionary<string, string?>();
        void Add(string key, object? value) { if (value is not null && value.ToString() is { Length: > 0 } text) query[key] = text; }
        Add(nameof(Plan), Plan);
        Add(nameof(Section), Section);
        Add(nameof(Unit), Unit);
        Add(nameof(Role), Role);
        Add(nameof(Quarter), Quarter);
        Add(nameof(Kind), Kind);
        Add(nameof(Q), Q);
        Add(nameof(State), State);
        Add(nameof(AsOf), AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return query;
    }

    public string Link(string path) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, ToQuery());

    public async Task<IQueryable<PlanTask>> ApplyAsync(PlanTrackerDbContext db, IQueryable<PlanTask> tasks, int planId)
    {
        tasks = tasks.Where(t => t.Section!.PlanId == planId && !t.IsRetired && !t.Section.IsRetired);
        if (Section is { } number)
            tasks = tasks.Where(t => t.Section!.Number == number);

        if (Unit is { } unitId)
        {
            var groupIds = await db.UnitGroupMembers.Where(m => m.UnitId == unitId).Select(m => (int?)m.UnitGroupId).ToListAsync();
            var role = Role;
            tasks = tasks.Where(t => t.Assignments.Any(a =>
                (role == null || a.Role == role) && (a.UnitId == unitId || groupIds.Contains(a.UnitGroupId))));
        }
        else if (Role is { } onlyRole)
            tasks = tasks.Where(t => t.Assignments.Any(a => a.Role == onlyRole));

        if (Kind is { } kind)
            tasks = tasks.Where(t => t.Deliverables.Any(d => d.DeadlineKind == kind));

        if (TryParseQuarter(Quarter, out var first, out var last))
        {
            // A recurring deadline has an occurrence due in the quarter when its span covers the quarter and one of its
            // periods ends with it: every quarter for monthly and quarterly, Q2 and Q4 for half-yearly, Q4 for yearly.
            // A list is taken by its span.
            var (halfEnds, yearEnds) = (last.Month is 6 or 12, last.Month == 12);
            tasks = tasks.Where(t => t.Deliverables.Any(d =>
                d.DeadlineKind == DeadlineKind.RecurringQuarterly || d.DeadlineKind == DeadlineKind.RecurringMonthly || d.DeadlineKind == DeadlineKind.List
                    || (d.DeadlineKind == DeadlineKind.RecurringHalfYearly && halfEnds) || (d.DeadlineKind == DeadlineKind.RecurringYearly && yearEnds)
                    ? d.DeadlineStart <= last && d.DeadlineDue >= first
                    : d.DeadlineDue >= first && d.DeadlineDue <= last));
        }

        if (VietnameseText.SearchKey(Q) is { Length: > 0 } key)
            tasks = tasks.Where(t => t.SearchText.Contains(key));

        return tasks;
    }

    public static bool TryParseQuarter(string? text, out DateOnly first, out DateOnly last)
    {
        first = last = default;
        var parts = text?.Split("-Q", StringSplitOptions.TrimEntries);
        if (parts is not [var y, var q]
            || !int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2200
            || !int.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out var quarter) || quarter is < 1 or > 4)
            return false;
        first = new DateOnly(year, quarter * 3 - 2, 1);
        last = first.AddMonths(3).AddDays(-1);
        return true;
    }

    public static string QuarterLabel(DateOnly day) => $"{day.Year}-Q{(day.Month + 2) / 3}";
}
