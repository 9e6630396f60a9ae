using System.Security.Claims;
using PlanTracker.Core.States;

namespace PlanTracker.Web.Authorization;

/// <summary>
/// Comments and evidence files: admins always; viewers see evidence; a unit editor when its unit leads or
/// coordinates the task, directly or through a group, and the task's plan is not a draft. Nobody comments on a closed
/// plan's task. The assignment is read (one query) only when roles do not decide.
/// </summary>
public sealed class TaskHandler(PlanTrackerDbContext db) : OperationHandler<TaskRef>
{
    protected override async Task<bool> AllowsAsync(ClaimsPrincipal user, string operation, TaskRef task) => operation switch
    {
        nameof(Operations.Comment) => (user.IsInRole(Roles.Admin) || await IsOnTaskAsync(user, task))
            && await PlanLifecycle.TaskIsOpenAsync(db, task.TaskId),
        nameof(Operations.SeeEvidence) => user.SeesAllUnits() || await IsOnTaskAsync(user, task),
        _ => false,
    };

    private async Task<bool> IsOnTaskAsync(ClaimsPrincipal user, TaskRef task) =>
        user.IsInRole(Roles.UnitEditor) && user.UnitId() is { } unitId
        && await TaskUnits.IsAssignedAsync(db, task.TaskId, unitId, role: null)
        && await PlanLifecycle.StatusOfTaskAsync(db, task.TaskId) is { } status && PlanLifecycle.Sees(user, status);
}

/// <summary>
/// Progress on a deliverable is recorded for a unit that leads the task (directly or through a group), by an editor
/// of that unit or by an admin acting for it, while the plan is not closed; viewers change nothing. The same people
/// ask for a new deadline (Sở Nội vụ decides on it: the Admin policy) and give the unit's share to one of its
/// officers; anyone of the unit (any role) and admins may watch it.
/// </summary>
public sealed class ProgressHandler(PlanTrackerDbContext db) : OperationHandler<UnitOnTask>
{
    protected override async Task<bool> AllowsAsync(ClaimsPrincipal user, string operation, UnitOnTask work) =>
        operation switch
        {
            nameof(Operations.UpdateProgress) or nameof(Operations.RequestExtension) or nameof(Operations.AssignOfficer) => user.ActsFor(work.UnitId),
            nameof(Operations.Watch) => user.IsInRole(Roles.Admin) || user.UnitId() == work.UnitId,
            _ => false,
        }
        && await TaskUnits.IsAssignedAsync(db, work.TaskId, work.UnitId, AssignmentRole.Lead)
        && await PlanLifecycle.StatusOfTaskAsync(db, work.TaskId) is { } status && PlanLifecycle.IsOpen(status) && PlanLifecycle.Sees(user, status);
}
