using PlanTracker.Core.Accounts;
using PlanTracker.Core.Units;

namespace PlanTracker.Core.Progress;

public enum FollowerRole
{
    /// <summary>Người phụ trách: the officer of the lead unit the item is given to; gets its reminders besides the unit's address.</summary>
    Officer,
    /// <summary>Theo dõi: someone who asked to be told of its comments and changes.</summary>
    Watcher,
}

/// <summary>A person inside a lead unit who follows one of its work items (a deliverable as that unit's). One officer per item.</summary>
public class ItemFollower
{
    public int Id { get; set; }
    public int DeliverableId { get; set; }
    public Deliverable? Deliverable { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public FollowerRole Role { get; set; }
    public DateTime AddedAtUtc { get; set; }
}
