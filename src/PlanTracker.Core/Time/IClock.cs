namespace PlanTracker.Core.Time;

/// <summary>The one source of "today" and "now" for the whole application, in Asia/Ho_Chi_Minh time.</summary>
public interface IClock
{
    DateTimeOffset Now { get; }
    DateOnly Today { get; }
    /// <summary>True when "today" is frozen by configuration (Clock:Today), for demonstrations and training.</summary>
    bool IsFrozen { get; }
}
