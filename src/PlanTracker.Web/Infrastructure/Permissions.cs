using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Data;
using PlanTracker.Core.Plans;
using PlanTracker.Core.States;

namespace PlanTracker.Web.Infrastructure;

/// <summary>
/// Who may do what to a task, decided on the server from the user's role and unit and the task's
/// assignments (groups expanded). Admins may act for any lead unit; viewers change nothing.
/// </summary>
public sealed class Permissions(PlanTrackerDbContext db)
{
    public async Task<bool> CanUpdateProgressAsync(ClaimsPrincipal user, int taskId, int unitId)
    {
        var mayActForUnit = user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.UnitEditor) && user.UnitId() == unitId);
        return mayActForUnit && await TaskUnits.IsAssignedAsync(db, taskId, unitId, AssignmentRole.Lead);
    }

    public async Task<bool> CanCommentAsync(ClaimsPrincipal user, int taskId) =>
        user.IsInRole(Roles.Admin) || await IsAssignedUnitEditorAsync(user, taskId);

    /// <summary>Evidence files: admins and viewers see all; a unit editor those of tasks its unit leads or coordinates.</summary>
    public async Task<bool> CanSeeEvidenceAsync(ClaimsPrincipal user, int taskId) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Viewer) || await IsAssignedUnitEditorAsync(user, taskId);

    private async Task<bool> IsAssignedUnitEditorAsync(ClaimsPrincipal user, int taskId) =>
        user.IsInRole(Roles.UnitEditor) && user.UnitId() is { } unitId
        && await TaskUnits.IsAssignedAsync(db, taskId, unitId, role: null);

    public Task<int?> TaskOfDeliverableAsync(int deliverableId) =>
        db.Deliverables.Where(d => d.Id == deliverableId && !d.IsRetired).Select(d => (int?)d.TaskId).FirstOrDefaultAsync();
}
