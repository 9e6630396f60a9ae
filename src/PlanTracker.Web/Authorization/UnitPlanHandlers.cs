using System.Security.Claims;

namespace PlanTracker.Web.Authorization;

/// <summary>A unit's own annual plan is started by an admin or an editor of that unit.</summary>
public sealed class UnitPlanStartHandler : OperationHandler<UnitRef>
{
    protected override Task<bool> AllowsAsync(ClaimsPrincipal user, string operation, UnitRef unit) =>
        Task.FromResult(operation == nameof(Operations.StartUnitPlan) && user.ActsFor(unit.UnitId));
}

/// <summary>
/// A unit's own plan is seen by Sở Nội vụ, the leadership and the unit itself, draft included: a draft is
/// invisible to other units, never to the unit writing it. It is edited by the unit's editors and admins while it
/// is a draft; once submitted it is a record of what the unit sent.
/// </summary>
public sealed class UnitPlanHandler : OperationHandler<Plan>
{
    protected override Task<bool> AllowsAsync(ClaimsPrincipal user, string operation, Plan plan) => Task.FromResult(
        plan.Kind == PlanKind.UnitAnnual && operation switch
        {
            nameof(Operations.SeeUnitPlan) => user.SeesAllUnits() || user.ActsFor(plan.UnitId),
            nameof(Operations.EditUnitPlan) => plan.Status == PlanStatus.Draft && user.ActsFor(plan.UnitId),
            _ => false,
        });
}
