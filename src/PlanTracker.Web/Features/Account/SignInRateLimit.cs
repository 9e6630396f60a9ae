using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

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
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignIn(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(RateLimits.ClientAddress(context), _ => RateLimits.PerMinute(perMinute))
                    : RateLimitPartition.GetNoLimiter(""));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                var securityLog = http.RequestServices.GetRequiredService<SecurityLog>();
                if (securityLog.FirstThisMinute(SecurityEventKinds.RateLimited, RateLimits.ClientAddress(http)))
                    await securityLog.RecordAsync(SecurityEventKinds.RateLimited, detail: $"Hơn {perMinute} lần đăng nhập trong một phút");
                http.Response.Headers.RetryAfter = RateLimits.Seconds(RateLimits.RetryAfterSeconds(rejected.Lease));
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(TooMany, ct);
            };
        });
        return services;
    }

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase);
}
