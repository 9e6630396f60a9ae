namespace PlanTracker.Core.Units;

public class UnitGroupMember
{
    public int UnitGroupId { get; set; }
    public UnitGroup? UnitGroup { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
}
