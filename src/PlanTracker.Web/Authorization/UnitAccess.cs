using System.Security.Claims;

namespace PlanTracker.Web.Authorization;

/// <summary>The role rules the handlers share; a unit editor's unit comes from its sign-in claim.</summary>
public static class UnitAccess
{
    /// <summary>
    /// Whether the user acts in the unit's name: admins for any unit, a unit editor for its own, nobody for no unit.
    /// Pages that list lead units they already loaded ask this per unit instead of a handler that re-reads the task.
    /// </summary>
    public static bool ActsFor(this ClaimsPrincipal user, int? unitId) =>
        user.IsInRole(Roles.Admin) || (unitId is { } unit && user.IsInRole(Roles.UnitEditor) && user.UnitId() == unit);

    /// <summary>Sở Nội vụ and the leadership see every unit (the <see cref="Policies.AdminOrViewer"/> policy).</summary>
    internal static bool SeesAllUnits(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Viewer);
}
