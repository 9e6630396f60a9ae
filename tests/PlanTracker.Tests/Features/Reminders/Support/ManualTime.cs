namespace PlanTracker.Tests.Features.Reminders.Support;

/// <summary>A clock the test moves by hand; the app's IClock reads it through TimeProvider.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset UtcNow { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => UtcNow;

    /// <summary>07:00 in Vietnam on that day, which is 00:00 UTC: when the daily job fires.</summary>
    public void SetMorning(DateOnly day) => UtcNow = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public void Advance(TimeSpan by) => UtcNow += by;
}
