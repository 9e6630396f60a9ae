namespace PlanTracker.Core.History;

/// <summary>
/// One change, kept for good: who, when, what before, what after. The context refuses to update or
/// delete these rows.
/// </summary>
public class ChangeRecord
{
    public long Id { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    /// <summary>The task the change belongs to, for the task page's timeline.</summary>
    public int? TaskId { get; set; }
    public int? PlanId { get; set; }
    public required string Action { get; set; }
    /// <summary>One line in Vietnamese for the timeline.</summary>
    public required string Summary { get; set; }
    public string? BeforeJson { get; set; }
    public string? AfterJson { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public DateTime AtUtc { get; set; }

    /// <summary>The item recorded, while the record is not yet saved; not stored.</summary>
    internal object? Subject { get; set; }
}
