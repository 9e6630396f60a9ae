namespace PlanTracker.Core.Plans;

public enum AssignmentRole
{
    /// <summary>Đơn vị chủ trì tham mưu.</summary>
    Lead,
    /// <summary>Đơn vị phối hợp.</summary>
    Coordinating,
}
