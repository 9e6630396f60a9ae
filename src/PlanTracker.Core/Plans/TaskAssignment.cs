using PlanTracker.Core.Units;

namespace PlanTracker.Core.Plans;

/// <summary>
/// A unit or unit group named on a task, as lead or coordinating. The printed name is kept; a name the
/// unit directory does not know stays with both links empty so that it is reported, never dropped.
/// </summary>
public class TaskAssignment
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public AssignmentRole Role { get; set; }
    public required string PrintedName { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int? UnitGroupId { get; set; }
    public UnitGroup? UnitGroup { get; set; }
    /// <summary>True when the plan prints no unit and the data infers this one (the task's note says from where).</summary>
    public bool IsInferred { get; set; }
    public int SortOrder { get; set; }
    /// <summary>Retired items stay in the database and in history; pages leave them out.</summary>
    public bool IsRetired { get; set; }
}
