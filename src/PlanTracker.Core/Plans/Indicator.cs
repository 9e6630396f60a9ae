namespace PlanTracker.Core.Plans;

/// <summary>A numeric target of an objective, e.g. 35 % of procedures online at level 3.</summary>
public class Indicator
{
    public int Id { get; set; }
    public int ObjectiveId { get; set; }
    public Objective? Objective { get; set; }
    public required string Text { get; set; }
    public decimal? Target { get; set; }
    public string? Unit { get; set; }
    public int SortOrder { get; set; }
}
