namespace PlanTracker.Core.States;

/// <summary>
/// Which units a task's assignments reach once groups are expanded to their members
/// ("UBND quận, huyện" reaches each of the nine districts). Retired assignments reach nobody.
/// </summary>
public static class TaskUnits
{
    /// <summary>Whether the unit holds the role on the task, directly or through a group it belongs to; one query.</summary>
    public static Task<bool> IsAssignedAsync(PlanTrackerDbContext db, int taskId, int unitId, AssignmentRole? role, CancellationToken ct = default)
    {
        // The role filter is added only when there is one: "role == null || ..." in the query made EF Core compile
        // an expression to evaluate it on every call.
        var assignments = db.TaskAssignments.Where(a => a.TaskId == taskId && !a.IsRetired);
        if (role is { } only) assignments = assignments.Where(a => a.Role == only);
        return assignments.AnyAsync(a => a.UnitId == unitId || db.UnitGroupMembers.Any(m => m.UnitGroupId == a.UnitGroupId && m.UnitId == unitId), ct);
    }

    /// <summary>The tasks a unit is assigned to in a role, directly or through a group it belongs to.</summary>
    public static IQueryable<PlanTask> AssignedTo(this IQueryable<PlanTask> tasks, PlanTrackerDbContext db, int unitId, AssignmentRole? role)
    {
        // Starts from the unit's assignments (indexed by unit and by group) instead of testing every task: a test
        // per task made /my scan all 83,000 tasks of a 100,000-deliverable database, twice per query.
        var groupIds = db.UnitGroupMembers.Where(m => m.UnitId == unitId).Select(m => m.UnitGroupId);
        var assignments = db.TaskAssignments.Where(a => !a.IsRetired
            && (a.UnitId == unitId || (a.UnitGroupId != null && groupIds.Contains(a.UnitGroupId.Value))));
        if (role is { } only) assignments = assignments.Where(a => a.Role == only);
        var taskIds = assignments.Select(a => a.TaskId);
        return tasks.Where(t => taskIds.Contains(t.Id));
    }
}
