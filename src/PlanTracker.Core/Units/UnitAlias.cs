namespace PlanTracker.Core.Units;

/// <summary>
/// Another spelling of a unit's or group's name as plans print it ("Văn phòng UBND TP").
/// Exactly one of UnitId and UnitGroupId is set.
/// </summary>
public class UnitAlias
{
    public int Id { get; set; }
    public required string Alias { get; set; }
    /// <summary>The alias folded by <see cref="Text.VietnameseText.NameKey"/>; unique across the directory.</summary>
    public required string NameKey { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int? UnitGroupId { get; set; }
    public UnitGroup? UnitGroup { get; set; }
}
