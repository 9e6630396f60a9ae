using PlanTracker.Core.Units;

namespace PlanTracker.Core.Accounts;

/// <summary>
/// A calendar subscription address: a unit's deadlines (<see cref="UnitId"/>) or one person's
/// (<see cref="UserId"/>). Calendar apps cannot sign in, so the secret in the address is its only key;
/// it is kept readable so every editor of a unit can be shown the same address, and resetting it
/// replaces it.
/// </summary>
public class CalendarFeed
{
    public int Id { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public string? UserId { get; set; }
    public AppUser? User { get; set; }
    public required string Secret { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
