using PlanTracker.Core.Units;

namespace PlanTracker.Core.Progress;

/// <summary>A note on a task, typically from a coordinating unit.</summary>
public class TaskComment
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? AuthorUserId { get; set; }
    public string AuthorName { get; set; } = "";
    public bool IsRemoved { get; set; }
}
