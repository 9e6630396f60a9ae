namespace PlanTracker.Core.States;

/// <summary>The states of DOMAIN.md, plus one for a deadline that is still to be set.</summary>
public enum DeliverableState
{
    /// <summary>Quá hạn: not done and the as-of date is past the due date.</summary>
    Overdue,
    /// <summary>Đang thực hiện trong hạn: not done and not yet past due.</summary>
    InProgress,
    /// <summary>Chưa có hạn: "Theo hướng dẫn của Bộ Nội vụ" (set later) or an unreadable deadline, not done.</summary>
    NeedsDate,
    /// <summary>Thường xuyên: ongoing, no due date.</summary>
    Ongoing,
    /// <summary>Hoàn thành quá hạn: done after the due date.</summary>
    DoneLate,
    /// <summary>Hoàn thành đúng hạn: done on or before the due date.</summary>
    DoneOnTime,
    /// <summary>Chờ xác nhận: the unit reported it done; Sở Nội vụ has yet to accept it (plans that verify completions).</summary>
    AwaitingVerification,
}
