namespace PlanTracker.Core.Units;

/// <summary>A body that leads or coordinates tasks and reports to Sở Nội vụ ("Đơn vị").</summary>
public class Unit
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    /// <summary>The unit's reminder addresses, separated by "; ".</summary>
    public string Emails { get; set; } = "";
    public List<UnitAlias> Aliases { get; set; } = [];
    public List<UnitGroupMember> Memberships { get; set; } = [];
}
