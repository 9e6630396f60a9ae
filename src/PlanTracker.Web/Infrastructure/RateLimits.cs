using System.Globalization;
using System.Threading.RateLimiting;

namespace PlanTracker.Web.Infrastructure;

/// <summary>
/// The one shape every limit in the app takes: System.Threading.RateLimiting's fixed one-minute window, partitioned by
/// a key (a client address, a token's hash), refusing at once (no queue). The library drops a partition's limiter
/// once it has been idle a while, so a flood of different keys does not keep memory.
/// </summary>
public static class RateLimits
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = Window, QueueLimit = 0 };

    /// <summary>
    /// <paramref name="permits"/> a minute per client address. The failure limits (wrong tokens, unknown calendar
    /// secrets) acquire a permit only when a request fails, and ask for none (<c>AttemptAcquire(http, 0)</c>) to learn,
    /// before any database read, whether the address has any left. Per address, because a limit per presented secret
    /// gives every new guess a fresh allowance.
    /// </summary>
    public static PartitionedRateLimiter<HttpContext> PerAddress(int permits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetFixedWindowLimiter(ClientAddress(http), _ => PerMinute(permits)));

    /// <summary>The connection's address, which is the client's own once forwarded headers from trusted proxies are applied.</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The whole seconds until a refused lease's window ends (at least 1), for Retry-After.</summary>
    public static int RetryAfterSeconds(RateLimitLease lease) =>
        Math.Max(1, (int)Math.Ceiling((lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Window).TotalSeconds));

    public static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);
}
