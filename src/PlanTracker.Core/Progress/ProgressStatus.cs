namespace PlanTracker.Core.Progress;

public enum ProgressStatus
{
    /// <summary>Chưa thực hiện.</summary>
    NotStarted,
    /// <summary>Đang thực hiện.</summary>
    InProgress,
    /// <summary>Hoàn thành.</summary>
    Done,
}
