using Microsoft.AspNetCore.Identity;
using PlanTracker.Core.Units;

namespace PlanTracker.Core.Accounts;

/// <summary>A person who signs in. A unit editor belongs to exactly one unit.</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>Disabled accounts cannot sign in; accounts are never deleted, so history keeps its authors.</summary>
    public bool IsDisabled { get; set; }
    /// <summary>The user asked to receive the unit's reminder digests too.</summary>
    public bool ReceivesReminders { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>The password was chosen by an admin: the user sets their own at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }
}
