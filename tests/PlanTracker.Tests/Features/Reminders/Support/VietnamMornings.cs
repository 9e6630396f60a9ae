using Microsoft.Extensions.Time.Testing;

namespace PlanTracker.Tests.Features.Reminders.Support;

public static class VietnamMornings
{
    /// <summary>07:00 in Vietnam on that day, which is 00:00 UTC: when the daily job fires.</summary>
    public static void SetMorning(this FakeTimeProvider time, DateOnly day) =>
        time.SetUtcNow(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
}
