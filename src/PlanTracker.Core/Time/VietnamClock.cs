namespace PlanTracker.Core.Time;

/// <summary>
/// Asia/Ho_Chi_Minh time. With a frozen date, the time of day still runs so that timestamps of
/// changes stay ordered; only the date is pinned.
/// </summary>
public sealed class VietnamClock(TimeProvider time, DateOnly? frozenToday = null) : IClock
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public DateTimeOffset Now
    {
        get
        {
            var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);
            if (frozenToday is not { } day) return now;
            return new DateTimeOffset(day.ToDateTime(TimeOnly.FromTimeSpan(now.TimeOfDay)), now.Offset);
        }
    }

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);
    public bool IsFrozen => frozenToday is not null;
}
