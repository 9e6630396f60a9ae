using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Data;
using PlanTracker.Core.Plans;
using PlanTracker.Core.States;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Web.Authorization;

/// <summary>
/// Comments and evidence files: admins always; viewers see evidence; a unit editor when its unit leads or
/// coordinates the task, directly or through a group. The assignment is read (one query) only when roles do not decide.
/// </summary>
public sealed class TaskHandler(PlanTrackerDbContext db) : AuthorizationHandler<OperationAuthorizationRequirement, TaskRef>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement operation, TaskRef task)
    {
        var user = context.User;
        var allowed = operation.Name switch
        {
            nameof(Operations.Comment) => user.IsInRole(Roles.Admin) || await IsOnTaskAsync(),
            nameof(Operations.SeeEvidence) => user.SeesAllUnits() || await IsOnTaskAsync(),
            _ => false,
        };
        if (allowed) context.Succeed(operation);

        async Task<bool> IsOnTaskAsync() =>
            user.IsInRole(Roles.UnitEditor) && user.UnitId() is { } unitId
            && await TaskUnits.IsAssignedAsync(db, task.TaskId, unitId, role: null);
    }
}

/// <summary>
/// Progress on a deliverable is recorded for a unit that leads the task (directly or through a group), by an editor
/// of that unit or by an admin acting for it; viewers change nothing. One query, made only for those who act for the unit.
/// </summary>
public sealed class ProgressHandler(PlanTrackerDbContext db) : AuthorizationHandler<OperationAuthorizationRequirement, UnitOnTask>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement operation, UnitOnTask work)
    {
        if (operation.Name == nameof(Operations.UpdateProgress) && context.User.ActsFor(work.UnitId)
            && await TaskUnits.IsAssignedAsync(db, work.TaskId, work.UnitId, AssignmentRole.Lead))
            context.Succeed(operation);
    }
}
