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
    public const string ApiTokenCreated = "ApiTokenCreated";
    public const string ApiTokenRevoked = "ApiTokenRevoked";
    public const string CalendarFeedCreated = "CalendarFeedCreated";
    public const string CalendarFeedReset = "CalendarFeedReset";

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
        (ApiTokenCreated, "Tạo mã truy cập API"),
        (ApiTokenRevoked, "Thu hồi mã truy cập API"),
        (CalendarFeedCreated, "Tạo địa chỉ lịch"),
        (CalendarFeedReset, "Đặt lại địa chỉ lịch"),
    ];

    public static string Label(string kind) => All.FirstOrDefault(k => k.Kind == kind).Label ?? kind;
}

/// <summary>
/// Writes the security log: each event in its own short transaction on its own context, so that it is kept
/// even when the request's work is rolled back, and never throws to the caller (a failure to write is logged
/// as a warning). Call it outside any open write transaction: on SQLite a second writer would wait for it.
/// </summary>
public sealed class SecurityLog(IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider time, ILogger<SecurityLog> log)
{
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
