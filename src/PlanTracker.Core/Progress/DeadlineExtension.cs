using PlanTracker.Core.Units;

namespace PlanTracker.Core.Progress;

public enum ExtensionStatus { Pending, Approved, Refused }

/// <summary>
/// A lead unit's request for a new deadline on one work item (a deliverable, or one period of it), and Sở Nội vụ's
/// decision. An approved request sets <see cref="DeliverableProgress.AdjustedDue"/>; the plan's deadline is kept.
/// </summary>
public class DeadlineExtension : IVersioned
{
    public int Id { get; set; }
    public int DeliverableId { get; set; }
    public Deliverable? Deliverable { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>As <see cref="DeliverableProgress.Period"/>: "" for a one-off deliverable.</summary>
    public string Period { get; set; } = "";

    /// <summary>The due date in force when the request was made (the plan's, or an earlier extension's).</summary>
    public DateOnly? CurrentDue { get; set; }
    public DateOnly RequestedDue { get; set; }
    public required string Reason { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public string? RequestedByUserId { get; set; }
    public string RequestedByName { get; set; } = "";

    public ExtensionStatus Status { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedByUserId { get; set; }
    public string? DecidedByName { get; set; }
    public string? DecisionNote { get; set; }

    public int Version { get; set; }
}
