namespace PlanTracker.Core.Progress;

public enum ProgressStatus
{
    /// <summary>Chưa thực hiện.</summary>
    NotStarted,
    /// <summary>Đang thực hiện.</summary>
    InProgress,
    /// <summary>Hoàn thành.</summary>
    Done,
    /// <summary>Chờ xác nhận: the unit says it is done; Sở Nội vụ has yet to accept it (plans that verify completions).</summary>
    AwaitingVerification,
}
