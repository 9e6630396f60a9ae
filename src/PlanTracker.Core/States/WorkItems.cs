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
    /// <summary>The work items of a plan (or of every plan), optionally for one lead unit or one task, as of a date.</summary>
    public static async Task<List<WorkItem>> LoadAsync(PlanTrackerDbContext db, DateOnly asOf,
        int? planId = null, int? unitId = null, CancellationToken ct = default, int? taskId = null)
    {
        var scope = db.Deliverables.AsNoTracking()
            .Where(d => !d.IsRetired && !d.Task!.IsRetired && !d.Task.Section!.IsRetired)
            .Where(d => planId == null || d.Task!.Section!.PlanId == planId)
            .Where(d => taskId == null || d.TaskId == taskId);
        if (unitId is { } unit)
        {
            var ledTasks = db.Tasks.AssignedTo(db, unit, AssignmentRole.Lead).Select(t => t.Id);
            scope = scope.Where(d => ledTasks.Contains(d.TaskId));
        }

        var deliverables = await scope
            .Select(d => new
            {
                d.Id, d.TaskId, d.Task!.Code, d.Task.Activity, d.Product, d.DeadlineKind, d.DeadlineText,
                d.DeadlineStart, d.DeadlineDue, d.Task.Section!.PlanId, SectionNumber = d.Task.Section.Number,
            })
            .ToListAsync(ct);

        var leads = unitId is { } only
            ? deliverables.Select(d => d.TaskId).Distinct().ToDictionary(id => id, _ => new HashSet<int> { only })
            : await LeadUnitsByTaskAsync(db, scope.Select(d => d.TaskId), ct);
        var progress = (await db.Progress.AsNoTracking()
                .Where(p => unitId == null || p.UnitId == unitId)
                .Where(p => scope.Any(d => d.Id == p.DeliverableId))
                .ToListAsync(ct))
            .ToDictionary(p => (p.DeliverableId, p.Period, p.UnitId));

        var items = new List<WorkItem>(deliverables.Count);
        foreach (var d in deliverables)
        {
            if (!leads.TryGetValue(d.TaskId, out var units)) continue;
            foreach (var lead in units)
            {
                if (d.DeadlineKind == DeadlineKind.Ongoing)
                {
                    var latest = Periods.Quarters.Select(q => progress.GetValueOrDefault((d.Id, q, lead))).LastOrDefault(p => p is not null);
                    items.Add(new(d.PlanId, d.SectionNumber, d.Id, d.TaskId, d.Code, d.Activity, d.Product, lead, "", d.DeadlineKind,
                        d.DeadlineText, null, DeliverableState.Ongoing, latest));
                    continue;
                }
                foreach (var period in Periods.Of(d.DeadlineKind, d.DeadlineStart, d.DeadlineDue))
                {
                    var record = progress.GetValueOrDefault((d.Id, period.Key, lead));
                    var completed = record is { Status: ProgressStatus.Done } ? record.CompletedOn : null;
                    items.Add(new(d.PlanId, d.SectionNumber, d.Id, d.TaskId, d.Code, d.Activity, d.Product, lead, period.Key, d.DeadlineKind,
                        d.DeadlineText, period.Due, StateClassifier.Classify(d.DeadlineKind, period.Due, completed, asOf), record));
                }
            }
        }
        return items;
    }

    /// <summary>Lead units per task, groups expanded to their members.</summary>
    public static async Task<Dictionary<int, HashSet<int>>> LeadUnitsByTaskAsync(PlanTrackerDbContext db, IQueryable<int> taskIds, CancellationToken ct = default)
    {
        var assignments = await db.TaskAssignments.AsNoTracking()
            .Where(a => !a.IsRetired && a.Role == AssignmentRole.Lead && taskIds.Contains(a.TaskId))
            .Select(a => new { a.TaskId, a.UnitId, a.UnitGroupId })
            .ToListAsync(ct);
        var groupIds = assignments.Where(a => a.UnitGroupId != null).Select(a => a.UnitGroupId!.Value).Distinct().ToList();
        var members = (await db.UnitGroupMembers.AsNoTracking().Where(m => groupIds.Contains(m.UnitGroupId))
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
