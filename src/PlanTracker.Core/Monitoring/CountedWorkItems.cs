using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Progress;
using PlanTracker.Core.States;

namespace PlanTracker.Core.Monitoring;

/// <summary>
/// A work item as the dashboard counts it: no texts, and a state for any day through the one
/// <see cref="StateClassifier"/> rule. The same expansion as <see cref="WorkItems"/> (lead groups to their
/// members, recurring deadlines and lists to their occurrences), read in a third of the time because nothing but dates and ids is read.
/// </summary>
/// <remarks><see cref="Due"/> is the deadline in force (an approved extension's); <see cref="OriginalDue"/> the plan's.
/// <see cref="CompletedOn"/> is the claimed date while <see cref="Awaiting"/> (Sở Nội vụ has yet to accept it).
/// <see cref="TaskId"/>, <see cref="TaskCode"/> and <see cref="Period"/> let the task list pick and order its rows from the kept items
/// and read in full only the page it shows.</remarks>
public sealed record CountedWorkItem(int DeliverableId, int SectionNumber, int UnitId, DeadlineKind Kind, DateOnly? Due, DateOnly? CompletedOn,
    DateOnly? OriginalDue = null, bool ByHigherLevel = false, bool Awaiting = false, int TaskId = 0, string TaskCode = "", string Period = "")
{
    public DeliverableState StateOn(DateOnly day) => StateClassifier.Classify(Kind, Due, CompletedOn, day, Awaiting);
    /// <summary>The state against the plan's own deadline, whatever extension was approved.</summary>
    public DeliverableState OriginalStateOn(DateOnly day) => StateClassifier.Classify(Kind, OriginalDue ?? Due, CompletedOn, day, Awaiting);
    /// <summary>As PAR criterion 1.6 counts it: a task assigned by a higher level against its original date.</summary>
    public DeliverableState ParStateOn(DateOnly day) => ByHigherLevel ? OriginalStateOn(day) : StateOn(day);
}

public static class CountedWorkItems
{
    /// <summary>The plan's counted items, or only those of the given deliverables of the plan.</summary>
    public static async Task<List<CountedWorkItem>> LoadAsync(PlanTrackerDbContext db, int planId, IReadOnlyCollection<int>? deliverableIds = null,
        CancellationToken ct = default)
    {
        var scope = db.LiveDeliverables().Where(d => d.Task!.Section!.PlanId == planId);
        if (deliverableIds is not null)
        {
            var ids = deliverableIds.ToArray();
            scope = scope.Where(d => EF.Parameter(ids).Contains(d.Id));
        }
        var deliverables = await scope
            // A list's occurrences are read from its text; no other text is read.
            .Select(d => new { d.Id, d.TaskId, d.Task!.Code, SectionNumber = d.Task.Section!.Number, d.Task.AssignedByHigherLevel, d.DeadlineKind, d.DeadlineStart, d.DeadlineDue,
                ListText = d.DeadlineKind == DeadlineKind.List ? d.DeadlineText : null })
            .ToListAsync(ct);
        var leads = await WorkItems.LeadUnitsByTaskAsync(db, deliverables.Select(d => d.TaskId).Distinct().ToArray(), ct);
        var read = deliverables.Select(d => d.Id).ToArray();
        var progress = (await db.Progress.AsNoTracking()
                .Where(p => (p.Status == ProgressStatus.Done || p.Status == ProgressStatus.AwaitingVerification || p.AdjustedDue != null) && EF.Parameter(read).Contains(p.DeliverableId))
                .Select(p => new
                {
                    p.DeliverableId, p.Period, p.UnitId, p.AdjustedDue,
                    CompletedOn = p.Status == ProgressStatus.Done || p.Status == ProgressStatus.AwaitingVerification ? p.CompletedOn : null,
                    Awaiting = p.Status == ProgressStatus.AwaitingVerification,
                })
                .ToListAsync(ct))
            .ToDictionary(p => (p.DeliverableId, p.Period, p.UnitId));

        var items = new List<CountedWorkItem>(deliverables.Count);
        foreach (var d in deliverables)
        {
            if (!leads.TryGetValue(d.TaskId, out var units)) continue;
            foreach (var unit in units)
                foreach (var period in Periods.Of(d.DeadlineKind, d.DeadlineStart, d.DeadlineDue, d.ListText))
                {
                    var record = progress.GetValueOrDefault((d.Id, period.Key, unit));
                    items.Add(new(d.Id, d.SectionNumber, unit, d.DeadlineKind, record?.AdjustedDue ?? period.Due,
                        record?.CompletedOn, period.Due, d.AssignedByHigherLevel, record?.Awaiting ?? false, d.TaskId, d.Code, period.Key));
                }
        }
        return items;
    }
}
