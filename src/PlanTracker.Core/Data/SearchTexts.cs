namespace PlanTracker.Core.Data;

/// <summary>Keeps each task's folded search text in step with its code, activity, note and active deliverables and units.</summary>
internal static class SearchTexts
{
    private static readonly HashSet<string> Inputs =
        [nameof(PlanTask.Code), nameof(PlanTask.Activity), nameof(PlanTask.Note), nameof(Deliverable.Product),
         nameof(TaskAssignment.PrintedName), nameof(Deliverable.IsRetired)];

    public static async Task RefreshAsync(DbContext db, CancellationToken ct)
    {
        var taskIds = new HashSet<int>();
        var tasks = new HashSet<PlanTask>(ReferenceEqualityComparer.Instance);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Deleted or EntityState.Modified)) continue;
            if (entry.State == EntityState.Modified && !entry.Properties.Any(p => p.IsModified && Inputs.Contains(p.Metadata.Name))) continue;
            switch (entry.Entity)
            {
                case PlanTask t: tasks.Add(t); break;
                case Deliverable d when d.Task is { } t: tasks.Add(t); break;
                case Deliverable d: taskIds.Add(d.TaskId); break;
                case TaskAssignment a when a.Task is { } t: tasks.Add(t); break;
                case TaskAssignment a: taskIds.Add(a.TaskId); break;
            }
        }
        foreach (var id in taskIds)
            if (await db.Set<PlanTask>().FindAsync([id], ct) is { } task) tasks.Add(task);

        foreach (var task in tasks)
        {
            var entry = db.Entry(task);
            if (entry.State == EntityState.Deleted) continue;
            if (entry.State != EntityState.Added)
            {
                if (!entry.Collection(t => t.Deliverables).IsLoaded) await entry.Collection(t => t.Deliverables).LoadAsync(ct);
                if (!entry.Collection(t => t.Assignments).IsLoaded) await entry.Collection(t => t.Assignments).LoadAsync(ct);
            }
            task.SearchText = PlanTask.SearchTextOf(task.Code, task.Activity, task.Note,
                task.Assignments.Where(a => !a.IsRetired && db.Entry(a).State != EntityState.Deleted),
                task.Deliverables.Where(d => !d.IsRetired && db.Entry(d).State != EntityState.Deleted));
        }
    }
}
