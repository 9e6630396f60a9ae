using PlanTracker.Core.Units;

namespace PlanTracker.Core.Plans;

/// <summary>A numeric target of an objective, e.g. 35 % of procedures online at level 3.</summary>
public class Indicator : IVersioned
{
    public int Id { get; set; }
    public int ObjectiveId { get; set; }
    public Objective? Objective { get; set; }
    public required string Text { get; set; }
    public decimal? Target { get; set; }
    public string? Unit { get; set; }
    /// <summary>The level the target applies to where the text names one ("cấp tỉnh", "cấp huyện", "cấp xã").</summary>
    public string? Level { get; set; }
    /// <summary>The year by which <see cref="Target"/> is to be reached, where a programme names one.</summary>
    public int? TargetYear { get; set; }
    /// <summary>A programme target's yearly steps.</summary>
    public List<IndicatorStep> Steps { get; set; } = [];
    public int SortOrder { get; set; }
    /// <summary>
    /// The unit that reports the actual values. The plan does not name one per indicator, so Sở Nội vụ assigns it;
    /// that unit's editors may then enter values.
    /// </summary>
    public int? ResponsibleUnitId { get; set; }
    public Unit? ResponsibleUnit { get; set; }
    public List<IndicatorValue> Values { get; set; } = [];

    /// <summary>Raised by the context on every edit; an edit form carries the version it loaded.</summary>
    public int Version { get; set; }
}
