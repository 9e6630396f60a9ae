using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PlanTracker.Web.Features.Account;

/// <summary>
/// At most SignIn:RateLimitPerMinute (default 10) sign-in POSTs a minute from one client address; more answer 429.
/// 10,000 guesses once ran at 493 a second; at 10 a minute they take 17 hours from one address. The address is
/// the connection's, which is the client's own once forwarded headers from trusted proxies are applied.
/// </summary>
public static class SignInRateLimit
{
    public const string Setting = "SignIn:RateLimitPerMinute";
    public const string TooMany = "Quá nhiều lần đăng nhập từ địa chỉ này. Vui lòng thử lại sau một phút.";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        // Read when the options are first used, so that test hosts can set the limit.
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, config) =>
        {
            var perMinute = config.GetValue<int?>(Setting) ?? 10;
            var recorded = new ConcurrentDictionary<string, DateTime>();
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignIn(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                // One row per address and minute: a flood of refused requests must not become a flood of writes.
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                var now = DateTime.UtcNow;
                if (recorded.Count > 10_000) recorded.Clear();
                if (!recorded.TryGetValue(address, out var at) || now - at > TimeSpan.FromMinutes(1))
                {
                    recorded[address] = now;
                    await http.RequestServices.GetRequiredService<SecurityLog>().RecordAsync(SecurityEventKinds.RateLimited,
                        detail: $"Hơn {perMinute} lần đăng nhập trong một phút");
                }
                http.Response.Headers.RetryAfter = "60";
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(TooMany, ct);
            };
        });
        return services;
    }

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase);
}
