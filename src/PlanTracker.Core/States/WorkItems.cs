using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Plans;
using PlanTracker.Core.Progress;

namespace PlanTracker.Core.States;

/// <summary>
/// One thing one lead unit owes: a deliverable, or one quarter of a recurring one, with its state as of
/// a date. Groups are expanded, so "UBND quận, huyện" as lead gives one item per district.
/// </summary>
public sealed record WorkItem(
    int PlanId, int SectionNumber, int DeliverableId, int TaskId, string TaskCode, string Activity, string? Product,
    int UnitId, string Period, DeadlineKind Kind, string DeadlineText, DateOnly? Due,
    DeliverableState State, DeliverableProgress? Progress);

public static class WorkItems
{
    /// <summary>The work items of a plan (or of every plan), optionally for one lead unit, as of a date.</summary>
    public static Task<List<WorkItem>> LoadAsync(PlanTrackerDbContext db, DateOnly asOf,
        int? planId = null, int? unitId = null, CancellationToken ct = default) =>
        LoadAsync(db, asOf, planId, unitId, null, ct);

    /// <summary>
    /// The work items of the given deliverables only, for callers that first pick candidates with a cheaper
    /// query (the reminder planner reads a province's 100,000 deliverables' dates, then loads the few it needs).
    /// </summary>
    public static Task<List<WorkItem>> LoadAsync(PlanTrackerDbContext db, DateOnly asOf, IReadOnlyCollection<int> deliverableIds,
        CancellationToken ct = default) =>
        LoadAsync(db, asOf, null, null, deliverableIds, ct);

    private static async Task<List<WorkItem>> LoadAsync(PlanTrackerDbContext db, DateOnly asOf,
        int? planId, int? unitId, IReadOnlyCollection<int>? deliverableIds, CancellationToken ct)
    {
        var query = db.Deliverables.AsNoTracking()
            .Where(d => !d.IsRetired && !d.Task!.IsRetired && !d.Task.Section!.IsRetired)
            .Where(d => planId == null || d.Task!.Section!.PlanId == planId);
        var progressQuery = db.Progress.AsNoTracking();
        if (deliverableIds is not null)
        {
            // One array parameter (json_each on SQLite, an array on PostgreSQL): tens of thousands of ids would
            // overflow the parameter limit of EF Core 10's default one-parameter-per-value translation.
            var ids = deliverableIds.ToArray();
            query = query.Where(d => EF.Parameter(ids).Contains(d.Id));
            progressQuery = progressQuery.Where(p => EF.Parameter(ids).Contains(p.DeliverableId));
        }
        var deliverables = await query
            .Select(d => new { d.Id, d.TaskId, d.Product, d.DeadlineKind, d.DeadlineText, d.DeadlineStart, d.DeadlineDue })
            .ToListAsync(ct);
        // Task text once per task, not once per deliverable: it is most of what is read.
        var taskIds = deliverables.Select(d => d.TaskId).Distinct().ToArray();
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => EF.Parameter(taskIds).Contains(t.Id))
            .Select(t => new { t.Id, t.Code, t.Activity, t.Section!.PlanId, SectionNumber = t.Section.Number })
            .ToDictionaryAsync(t => t.Id, ct);

        var leads = await LeadUnitsByTaskAsync(db, planId, ct);
        var progress = (await progressQuery
                .Where(p => unitId == null || p.UnitId == unitId)
                .Where(p => planId == null || p.Deliverable!.Task!.Section!.PlanId == planId)
                .ToListAsync(ct))
            .ToDictionary(p => (p.DeliverableId, p.Period, p.UnitId));

        var items = new List<WorkItem>();
        foreach (var d in deliverables)
        {
            if (!leads.TryGetValue(d.TaskId, out var units)) continue;
            var task = tasks[d.TaskId];
            foreach (var unit in units)
            {
                if (unitId is { } only && unit != only) continue;
                if (d.DeadlineKind == DeadlineKind.Ongoing)
                {
                    var latest = Periods.Quarters.Select(q => progress.GetValueOrDefault((d.Id, q, unit))).LastOrDefault(p => p is not null);
                    items.Add(new(task.PlanId, task.SectionNumber, d.Id, d.TaskId, task.Code, task.Activity, d.Product, unit, "", d.DeadlineKind,
                        d.DeadlineText, null, DeliverableState.Ongoing, latest));
                    continue;
                }
                foreach (var period in Periods.Of(d.DeadlineKind, d.DeadlineStart, d.DeadlineDue))
                {
                    var record = progress.GetValueOrDefault((d.Id, period.Key, unit));
                    var completed = record is { Status: ProgressStatus.Done } ? record.CompletedOn : null;
                    items.Add(new(task.PlanId, task.SectionNumber, d.Id, d.TaskId, task.Code, task.Activity, d.Product, unit, period.Key, d.DeadlineKind,
                        d.DeadlineText, period.Due, StateClassifier.Classify(d.DeadlineKind, period.Due, completed, asOf), record));
                }
            }
        }
        return items;
    }

    /// <summary>Lead units per task, groups expanded to their members.</summary>
    public static async Task<Dictionary<int, HashSet<int>>> LeadUnitsByTaskAsync(PlanTrackerDbContext db, int? planId, CancellationToken ct = default)
    {
        var assignments = await db.TaskAssignments.AsNoTracking()
            .Where(a => !a.IsRetired && a.Role == AssignmentRole.Lead)
            .Where(a => planId == null || a.Task!.Section!.PlanId == planId)
            .Select(a => new { a.TaskId, a.UnitId, a.UnitGroupId })
            .ToListAsync(ct);
        var members = (await db.UnitGroupMembers.AsNoTracking().Select(m => new { m.UnitGroupId, m.UnitId }).ToListAsync(ct))
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
