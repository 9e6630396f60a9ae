using System.Globalization;
using System.Threading.RateLimiting;

namespace PlanTracker.Web.Infrastructure;

/// <summary>
/// Counts failures of one kind (a wrong API token, an unknown calendar secret) per client address in a fixed one-minute
/// window; once an address has used its allowance, its requests of that kind are refused, before any database read,
/// until the window ends. Per address, because a limit per presented secret gives every new guess a fresh allowance.
/// </summary>
public sealed class FailureLimit(int perMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public int PerMinute => perMinute;

    /// <summary>Whether the request's address has used up its failures this minute; if so, the whole seconds until the window ends.</summary>
    public bool IsRefused(HttpContext http, out int retryAfterSeconds)
    {
        // Asking for no permit tells whether any are left without taking one.
        using var lease = failures.AttemptAcquire(Address(http), 0);
        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        retryAfterSeconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
        return !lease.IsAcquired;
    }

    public void Count(HttpContext http) => failures.AttemptAcquire(Address(http)).Dispose();

    public static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => failures.Dispose();

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
