using PlanTracker.Core.Units;

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
    /// <summary>
    /// The unit that reports the actual values. The plan does not name one per indicator, so Sở Nội vụ assigns it;
    /// that unit's editors may then enter values.
    /// </summary>
    public int? ResponsibleUnitId { get; set; }
    public Unit? ResponsibleUnit { get; set; }
    public List<IndicatorValue> Values { get; set; } = [];
}
