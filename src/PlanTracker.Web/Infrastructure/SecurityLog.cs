using System.Threading.RateLimiting;

namespace PlanTracker.Web.Infrastructure;

/// <summary>The kinds of <see cref="SecurityEvent"/> the app records, with their Vietnamese labels for /admin/security.</summary>
public static class SecurityEventKinds
{
    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string Throttled = "Throttled";
    public const string RateLimited = "RateLimited";
    public const string SignOut = "SignOut";
    public const string Forbidden = "Forbidden";
    public const string PasswordChanged = "PasswordChanged";
    public const string PasswordReset = "PasswordReset";
    public const string AccountCreated = "AccountCreated";
    public const string AccountChanged = "AccountChanged";
    public const string AccountDisabled = "AccountDisabled";
    public const string LoginLinked = "LoginLinked";
    public const string LoginUnlinked = "LoginUnlinked";
    public const string TemporaryPasswordRemoved = "TemporaryPasswordRemoved";
    public const string ApiTokenCreated = "ApiTokenCreated";
    public const string ApiTokenRevoked = "ApiTokenRevoked";
    public const string CalendarFeedCreated = "CalendarFeedCreated";
    public const string CalendarFeedReset = "CalendarFeedReset";
    public const string WrongTokensLimited = "WrongTokensLimited";
    public const string TokenRateLimited = "TokenRateLimited";
    public const string CalendarMissesLimited = "CalendarMissesLimited";

    public static readonly IReadOnlyList<(string Kind, string Label)> All =
    [
        (SignIn, "Đăng nhập"),
        (SignInFailed, "Đăng nhập sai"),
        (Throttled, "Bị làm chậm sau nhiều lần sai"),
        (RateLimited, "Vượt giới hạn số lần đăng nhập"),
        (SignOut, "Đăng xuất"),
        (Forbidden, "Bị từ chối truy cập (403)"),
        (PasswordChanged, "Đổi mật khẩu"),
        (PasswordReset, "Đặt lại mật khẩu"),
        (AccountCreated, "Tạo tài khoản"),
        (AccountChanged, "Sửa tài khoản"),
        (AccountDisabled, "Khóa tài khoản"),
        (LoginLinked, "Liên kết đăng nhập một lần"),
        (LoginUnlinked, "Hủy liên kết đăng nhập một lần"),
        (TemporaryPasswordRemoved, "Bỏ mật khẩu tạm khi đăng nhập một lần"),
        (ApiTokenCreated, "Tạo mã truy cập API"),
        (ApiTokenRevoked, "Thu hồi mã truy cập API"),
        (CalendarFeedCreated, "Tạo địa chỉ lịch"),
        (CalendarFeedReset, "Đặt lại địa chỉ lịch"),
        (WrongTokensLimited, "Vượt giới hạn mã truy cập sai (429)"),
        (TokenRateLimited, "Vượt giới hạn yêu cầu của mã truy cập (429)"),
        (CalendarMissesLimited, "Vượt giới hạn địa chỉ lịch không tồn tại (429)"),
    ];

    public static string Label(string kind) => All.FirstOrDefault(k => k.Kind == kind).Label ?? kind;
}

/// <summary>
/// Writes the security log: each event in its own short transaction on its own context, so that it is kept
/// even when the request's work is rolled back, and never throws to the caller (a failure to write is logged
/// as a warning). Call it outside any open write transaction: on SQLite a second writer would wait for it.
/// </summary>
public sealed class SecurityLog(IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider time, ILogger<SecurityLog> log)
    : IDisposable
{
    // One permit a minute per kind and key: whoever sends a thousand refused requests a minute gets one row a minute.
    private readonly PartitionedRateLimiter<string> oncePerMinute =
        PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => RateLimits.PerMinute(1)));

    /// <summary>
    /// Whether an event of this kind for this key (a client address, a token's hash) is the first in its minute, and so
    /// worth a row: for refusals under a rate limit, where a flood must not become a flood of writes.
    /// </summary>
    public bool FirstThisMinute(string kind, string key)
    {
        using var lease = oncePerMinute.AttemptAcquire(kind + "|" + key);
        return lease.IsAcquired;
    }

    public void Dispose() => oncePerMinute.Dispose();

    public async Task RecordAsync(string kind, string? userId = null, string? email = null, string? detail = null)
    {
        var context = http.HttpContext;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            db.SecurityEvents.Add(new SecurityEvent
            {
                AtUtc = time.GetUtcNow().UtcDateTime,
                Kind = kind,
                UserId = userId ?? context?.User.UserId(),
                Email = Cut(email ?? context?.User.Identity?.Name, 256),
                IpAddress = Cut(context?.Connection.RemoteIpAddress?.ToString(), 64),
                Path = Cut(context?.Request.Path.Value, 300),
                Detail = Cut(detail, 500),
            });
            await db.SaveChangesAsync();
        }
#pragma warning disable CA1031 // the log must never break the request it records
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.LogWarning(e, "Could not write the security event {Kind} for {Email}", kind, email);
        }
    }

    private static string? Cut(string? text, int max) => text is { Length: > 0 } t && t.Length > max ? t[..max] : text;
}

public static class ForbiddenLog
{
    /// <summary>Records every 403, whoever answered it (a policy, a resource handler or a page), with the path asked for.</summary>
    public static IApplicationBuilder UseForbiddenLog(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next();
        if (context.Response.StatusCode == StatusCodes.Status403Forbidden)
            await context.RequestServices.GetRequiredService<SecurityLog>().RecordAsync(SecurityEventKinds.Forbidden,
                detail: $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
    });
}
