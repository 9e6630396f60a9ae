namespace PlanTracker.Core.Units;

/// <summary>A body that leads or coordinates tasks and reports to Sở Nội vụ ("Đơn vị").</summary>
public class Unit : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    /// <summary>The unit's reminder addresses, separated by "; ".</summary>
    public string Emails { get; set; } = "";
    /// <summary>Raised by the context on every edit; an edit form carries the version it loaded.</summary>
    public int Version { get; set; }
    public List<UnitAlias> Aliases { get; set; } = [];
    public List<UnitGroupMember> Memberships { get; set; } = [];
}
