using PlanTracker.Core.Deadlines;

namespace PlanTracker.Core.Plans;

/// <summary>
/// An obligation from section III ("Tổ chức thực hiện") that carries a deadline or a period,
/// e.g. every unit's own CCHC plan due at Sở Nội vụ before 31/01/2019, or the periodic reports.
/// </summary>
public class PlanDuty : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public required string Code { get; set; }
    public required string Text { get; set; }
    public string? Product { get; set; }
    public string? Recipient { get; set; }
    /// <summary>The units as printed, joined with "; ".</summary>
    public string PrintedUnits { get; set; } = "";
    /// <summary>Reporting periods (Q1, H1, Q3, Y) joined with ",", for periodic reports.</summary>
    public string? Periods { get; set; }
    public string DeadlineText { get; set; } = "";
    public DeadlineKind DeadlineKind { get; set; }
    public DateOnly? DeadlineDue { get; set; }
    public string? Note { get; set; }
    public string? SourceRef { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Raised by the context on every edit; an edit form carries the version it loaded.</summary>
    public int Version { get; set; }
}
