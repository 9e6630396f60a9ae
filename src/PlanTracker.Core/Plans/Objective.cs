namespace PlanTracker.Core.Plans;

/// <summary>A goal of section I of the plan ("Mục tiêu"), with its measurable indicators.</summary>
public class Objective : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public required string Code { get; set; }
    public required string Text { get; set; }
    public ObjectiveKind Kind { get; set; }
    public int SortOrder { get; set; }
    public List<Indicator> Indicators { get; set; } = [];

    /// <summary>Raised by the context on every edit; an edit form carries the version it loaded.</summary>
    public int Version { get; set; }
}
