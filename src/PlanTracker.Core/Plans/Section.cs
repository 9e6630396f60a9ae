namespace PlanTracker.Core.Plans;

/// <summary>One of the plan's task areas ("Nhiệm vụ CCHC"), numbered 1 to 7 in Plan 163.</summary>
public class Section : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public int SortOrder { get; set; }
    /// <summary>Retired items stay in the database and in history; pages leave them out.</summary>
    public bool IsRetired { get; set; }
    /// <summary>Raised by the context on every edit; an edit form carries the version it loaded.</summary>
    public int Version { get; set; }
    public List<PlanTask> Tasks { get; set; } = [];
}
