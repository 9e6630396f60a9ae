using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Progress;

namespace PlanTracker.Core.States;

/// <summary>
/// One thing one lead unit owes: a deliverable, or one occurrence of a recurring one or a list, with its state as of
/// a date. Groups are expanded, so "UBND quận, huyện" as lead gives one item per district.
/// </summary>
public sealed record WorkItem(
    int PlanId, int SectionNumber, int DeliverableId, int TaskId, string TaskCode, string Activity, string? Product,
    int UnitId, string Period, DeadlineKind Kind, string DeadlineText, DateOnly? Due,
    DeliverableState State, DeliverableProgress? Progress)
{
    private readonly DateOnly? originalDue;
    private readonly DeliverableState? originalState;

    /// <summary>The plan's due date. <see cref="Due"/> is the one in force: an approved extension's when there is one.</summary>
    public DateOnly? OriginalDue { get => originalDue ?? Due; init => originalDue = value; }
    /// <summary>The state against <see cref="OriginalDue"/>, for the on-time figures "theo hạn gốc".</summary>
    public DeliverableState OriginalState { get => originalState ?? State; init => originalState = value; }
    public bool IsExtended => OriginalDue != Due;

    /// <summary>The state on another day, by the same rule and record as when the item was read.</summary>
    public DeliverableState StateOn(DateOnly day) => Classify(Due, day);

    /// <summary>The item with its states as of <paramref name="day"/>: a list kept across days is classified for the day asked.</summary>
    public WorkItem On(DateOnly day) => this with { State = Classify(Due, day), OriginalState = Classify(OriginalDue, day) };

    private DeliverableState Classify(DateOnly? due, DateOnly day) =>
        StateClassifier.Classify(Kind, due, Progress is { Status: ProgressStatus.Done or ProgressStatus.AwaitingVerification } ? Progress.CompletedOn : null,
            day, Progress is { Status: ProgressStatus.AwaitingVerification });
}

public static class WorkItems
{
    /// <summary>Deliverables that count: neither they, their task nor their section is retired.</summary>
    public static IQueryable<Deliverable> LiveDeliverables(this PlanTrackerDbContext db) =>
        db.Deliverables.AsNoTracking().Where(d => !d.IsRetired && !d.Task!.IsRetired && !d.Task.Section!.IsRetired);

    /// <summary>The work items of a plan (or of every plan), optionally for one lead unit or one task, as of a date.</summary>
    public static Task<List<WorkItem>> LoadAsync(PlanTrackerDbContext db, DateOnly asOf,
        int? planId = null, int? unitId = null, int? taskId = null, CancellationToken ct = default) =>
        LoadAsync(db, asOf, planId, unitId, taskId, null, ct);

    /// <summary>The work items of the given plans that one unit leads, as of a date, with their texts (a unit's calendar feed).</summary>
    public static Task<List<WorkItem>> LoadAsync(PlanTrackerDbContext db, DateOnly asOf, int unitId, IReadOnlyCollection<int> planIds,
        CancellationToken ct = default) =>
        LoadAsync(db, asOf, null, unitId, null, null, ct, planIds);

    /// <summary>
    /// The work items of the given plans that one unit leads, as of a date, for a page that shows a few of them
    /// ("Nhiệm vụ của tôi"): without their texts (<see cref="WorkItem.Activity"/> "", <see cref="WorkItem.Product"/>
    /// null; <see cref="WithTextsAsync"/> reads them for the rows shown), and each progress record with only its
    /// status, percentage, dates and return reason. A province-level unit leads thousands of items in its plans.
    /// With <paramref name="deliverableIds"/>, only those deliverables' items (a kept list brought up to date).
    /// </summary>
    public static Task<List<WorkItem>> LoadWithoutTextsAsync(PlanTrackerDbContext db, DateOnly asOf, int unitId, IReadOnlyCollection<int> planIds,
        IReadOnlyCollection<int>? deliverableIds = null, CancellationToken ct = default) =>
        LoadAsync(db, asOf, null, unitId, null, deliverableIds, ct, planIds, texts: false);

    /// <summary>Items read by <see cref="LoadWithoutTextsAsync"/> with their task's activity and their product; one query.</summary>
    public static async Task<List<WorkItem>> WithTextsAsync(PlanTrackerDbContext db, IReadOnlyCollection<WorkItem> items, CancellationToken ct = default)
    {
        var ids = items.Select(i => i.DeliverableId).Distinct().ToArray();
        var texts = await db.Deliverables.AsNoTracking()
            .Where(d => EF.Parameter(ids).Contains(d.Id))
            .Select(d => new { d.Id, d.Product, d.Task!.Activity })
            .ToDictionaryAsync(d => d.Id, ct);
        return items.Select(i => texts.TryGetValue(i.DeliverableId, out var t) ? i with { Activity = t.Activity, Product = t.Product } : i).ToList();
    }

    /// <summary>
    /// The work items of the given deliverables only, for callers that first pick candidates with a cheaper
    /// query (the reminder planner reads a province's 100,000 deliverables' dates, then loads the few it needs).
    /// </summary>
    public static Task<List<WorkItem>> LoadAsync(PlanTrackerDbContext db, DateOnly asOf, IReadOnlyCollection<int> deliverableIds,
        CancellationToken ct = default) =>
        LoadAsync(db, asOf, null, null, null, deliverableIds, ct);

    private static async Task<List<WorkItem>> LoadAsync(PlanTrackerDbContext db, DateOnly asOf,
        int? planId, int? unitId, int? taskId, IReadOnlyCollection<int>? deliverableIds, CancellationToken ct, IReadOnlyCollection<int>? planIds = null,
        bool texts = true)
    {
        // Filters are added only when given: "planId == null || ..." in the query made EF Core compile an
        // expression to evaluate the null test on every call.
        var scope = db.LiveDeliverables();
        if (planId is { } plan) scope = scope.Where(d => d.Task!.Section!.PlanId == plan);
        if (planIds?.ToArray() is { } plans) scope = scope.Where(d => EF.Parameter(plans).Contains(d.Task!.Section!.PlanId));
        if (taskId is { } oneTask) scope = scope.Where(d => d.TaskId == oneTask);
        if (deliverableIds is not null)
        {
            // One array parameter (json_each on SQLite, an array on PostgreSQL): tens of thousands of ids would
            // overflow the parameter limit of EF Core 10's default one-parameter-per-value translation.
            var ids = deliverableIds.ToArray();
            scope = scope.Where(d => EF.Parameter(ids).Contains(d.Id));
        }
        if (unitId is { } unit)
        {
            var ledTasks = db.Tasks.AssignedTo(db, unit, AssignmentRole.Lead).Select(t => t.Id);
            scope = scope.Where(d => ledTasks.Contains(d.TaskId));
        }

        var deliverables = await (texts
                ? scope.Select(d => new { d.Id, d.TaskId, d.Product, d.DeadlineKind, d.DeadlineText, d.DeadlineStart, d.DeadlineDue })
                : scope.Select(d => new { d.Id, d.TaskId, Product = (string?)null, d.DeadlineKind, d.DeadlineText, d.DeadlineStart, d.DeadlineDue }))
            .ToListAsync(ct);
        // Task text once per task, not once per deliverable: it is most of what is read.
        var taskIds = deliverables.Select(d => d.TaskId).Distinct().ToArray();
        var taskRows = db.Tasks.AsNoTracking().Where(t => EF.Parameter(taskIds).Contains(t.Id));
        var tasks = await (texts
                ? taskRows.Select(t => new { t.Id, t.Code, t.Activity, t.Section!.PlanId, SectionNumber = t.Section.Number })
                : taskRows.Select(t => new { t.Id, t.Code, Activity = "", t.Section!.PlanId, SectionNumber = t.Section.Number }))
            .ToDictionaryAsync(t => t.Id, ct);

        var leads = unitId is { } only
            ? taskIds.ToDictionary(id => id, _ => new HashSet<int> { only })
            : await LeadUnitsByTaskAsync(db, taskIds, ct);
        // By the deliverables just read (one array parameter), not by "deliverable in scope": that form made SQLite
        // visit every progress record of the database, so a plan's list cost what the whole province holds.
        var deliverableIdsRead = deliverables.Select(d => d.Id).ToArray();
        var progressInScope = unitId is { } progressUnit ? db.Progress.AsNoTracking().Where(p => p.UnitId == progressUnit) : db.Progress.AsNoTracking();
        progressInScope = progressInScope.Where(p => EF.Parameter(deliverableIdsRead).Contains(p.DeliverableId));
        if (!texts)
            progressInScope = progressInScope.Select(p => new DeliverableProgress
            {
                Id = p.Id, DeliverableId = p.DeliverableId, Period = p.Period, UnitId = p.UnitId, Status = p.Status, ProgressPercent = p.ProgressPercent,
                CompletedOn = p.CompletedOn, AdjustedDue = p.AdjustedDue, ReturnReason = p.ReturnReason, ReturnedAtUtc = p.ReturnedAtUtc,
            });
        var progress = (await progressInScope.ToListAsync(ct)).ToDictionary(p => (p.DeliverableId, p.Period, p.UnitId));

        var items = new List<WorkItem>(deliverables.Count);
        foreach (var d in deliverables)
        {
            if (!leads.TryGetValue(d.TaskId, out var units)) continue;
            var task = tasks[d.TaskId];
            foreach (var lead in units)
            {
                if (d.DeadlineKind == DeadlineKind.Ongoing)
                {
                    var latest = Periods.Quarters.Select(q => progress.GetValueOrDefault((d.Id, q, lead))).LastOrDefault(p => p is not null);
                    items.Add(new(task.PlanId, task.SectionNumber, d.Id, d.TaskId, task.Code, task.Activity, d.Product, lead, "", d.DeadlineKind,
                        d.DeadlineText, null, DeliverableState.Ongoing, latest));
                    continue;
                }
                foreach (var period in Periods.Of(d.DeadlineKind, d.DeadlineStart, d.DeadlineDue, d.DeadlineText))
                {
                    var record = progress.GetValueOrDefault((d.Id, period.Key, lead));
                    var completed = record is { Status: ProgressStatus.Done or ProgressStatus.AwaitingVerification } ? record.CompletedOn : null;
                    var awaiting = record is { Status: ProgressStatus.AwaitingVerification };
                    var due = record?.AdjustedDue ?? period.Due;
                    items.Add(new(task.PlanId, task.SectionNumber, d.Id, d.TaskId, task.Code, task.Activity, d.Product, lead, period.Key, d.DeadlineKind,
                        d.DeadlineText, due, StateClassifier.Classify(d.DeadlineKind, due, completed, asOf, awaiting), record)
                    {
                        OriginalDue = period.Due,
                        OriginalState = StateClassifier.Classify(d.DeadlineKind, period.Due, completed, asOf, awaiting),
                    });
                }
            }
        }
        return items;
    }

    /// <summary>Lead units per task, groups expanded to their members.</summary>
    public static async Task<Dictionary<int, HashSet<int>>> LeadUnitsByTaskAsync(PlanTrackerDbContext db, int[] taskIds, CancellationToken ct = default)
    {
        var assignments = await db.TaskAssignments.AsNoTracking()
            .Where(a => !a.IsRetired && a.Role == AssignmentRole.Lead && EF.Parameter(taskIds).Contains(a.TaskId))
            .Select(a => new { a.TaskId, a.UnitId, a.UnitGroupId })
            .ToListAsync(ct);
        var groupIds = assignments.Where(a => a.UnitGroupId != null).Select(a => a.UnitGroupId!.Value).Distinct().ToArray();
        var members = (await db.UnitGroupMembers.AsNoTracking().Where(m => EF.Parameter(groupIds).Contains(m.UnitGroupId))
                .Select(m => new { m.UnitGroupId, m.UnitId }).ToListAsync(ct))
            .ToLookup(m => m.UnitGroupId, m => m.UnitId);

        var byTask = new Dictionary<int, HashSet<int>>();
        foreach (var a in assignments)
        {
            if (!byTask.TryGetValue(a.TaskId, out var units)) byTask[a.TaskId] = units = [];
            if (a.UnitId is { } unit) units.Add(unit);
            if (a.UnitGroupId is { } group) units.UnionWith(members[group]);
        }
        return byTask;
    }
}
