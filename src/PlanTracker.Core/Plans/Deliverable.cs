using PlanTracker.Core.Deadlines;

namespace PlanTracker.Core.Plans;

/// <summary>A product of a task ("Sản phẩm") with its own deadline, kept as printed and as understood.</summary>
public class Deliverable : IVersioned
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
    /// <summary>Null when the printed product cell is empty; <see cref="Note"/> then says so.</summary>
    public string? Product { get; set; }
    public string? Note { get; set; }
    public int SortOrder { get; set; }
    /// <summary>Retired items stay in the database and in history; pages leave them out.</summary>
    public bool IsRetired { get; set; }

    /// <summary>The deadline exactly as printed ("Quý IV năm 2019"); never rewritten.</summary>
    public string DeadlineText { get; set; } = "";
    public DeadlineKind DeadlineKind { get; set; }
    public DateOnly? DeadlineStart { get; set; }
    public DateOnly? DeadlineDue { get; set; }
    /// <summary>The qualifier that follows a readable deadline ("theo chỉ đạo của Thành ủy").</summary>
    public string? DeadlineNote { get; set; }

    /// <summary>Raised on every edit of the deliverable itself, for conflict checks in the plan editor.</summary>
    public int Version { get; set; }
    /// <summary>The unfinished deliverable of an earlier plan this one carries over ("chuyển tiếp").</summary>
    public int? CarriedOverFromId { get; set; }

    public void ApplyDeadline(ParsedDeadline parsed)
    {
        DeadlineText = parsed.Text;
        DeadlineKind = parsed.Kind;
        DeadlineStart = parsed.Start;
        DeadlineDue = parsed.Due;
        DeadlineNote = parsed.Note;
    }
}
