namespace PlanTracker.Core.Units;

/// <summary>A name that stands for many units, e.g. "Sở, ngành TP" or "UBND quận, huyện".</summary>
public class UnitGroup : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>What the membership leaves out and why (e.g. communes are not in the directory).</summary>
    public string? Note { get; set; }
    /// <summary>Raised by the context on every edit; an edit form carries the version it loaded.</summary>
    public int Version { get; set; }
    public List<UnitAlias> Aliases { get; set; } = [];
    public List<UnitGroupMember> Members { get; set; } = [];
}
