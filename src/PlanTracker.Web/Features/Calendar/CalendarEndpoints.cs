using Microsoft.Net.Http.Headers;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Time;

namespace PlanTracker.Web.Features.Calendar;

/// <summary>
/// <c>GET /calendar/{secret}.ics</c>: a unit's or a person's deadlines for calendar apps, which cannot sign in, so the
/// secret is the key. An unknown secret answers a bare 404, the same as any missing page; past
/// CalendarFeeds:MissesPerMinute (default 20) of them from one address, its feed requests answer 429 until the minute is over.
/// </summary>
public static class CalendarEndpoints
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string MissesPerMinuteSetting = "CalendarFeeds:MissesPerMinute";

    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        var misses = new FailureLimit(app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<int?>(MissesPerMinuteSetting) ?? 20);
        app.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(misses.Dispose);
        app.MapGet("/calendar/{secret}.ics", FeedAsync).AllowAnonymous().AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (misses.IsRefused(http, out var seconds))
            {
                http.Response.Headers.RetryAfter = FailureLimit.Seconds(seconds);
                return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                    detail: $"Quá nhiều địa chỉ lịch không tồn tại được hỏi từ địa chỉ này. Thử lại sau {seconds} giây.");
            }
            var result = await next(context);
            if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status404NotFound }) misses.Count(http);
            return result;
        });
        return app;
    }

    private static async Task<IResult> FeedAsync(string secret, HttpContext http, PlanTrackerDbContext db, ReportSchedule schedule,
        IClock clock, IConfiguration config, ILoggerFactory logs, CancellationToken ct)
    {
        var feed = await db.CalendarFeeds.AsNoTracking().Where(f => f.Secret == secret && (f.UserId == null || !f.User!.IsDisabled))
            .Select(f => new { f.UnitId, f.UserId, UserUnitId = f.User!.UnitId, UnitName = f.Unit!.Name, UserName = f.User.DisplayName })
            .FirstOrDefaultAsync(ct);
        if (feed is null)
        {
            // The address, not the guessed secret, goes to the log: a secret reset a minute ago is still worth keeping out.
            logs.CreateLogger(typeof(CalendarEndpoints)).LogWarning("Calendar feed asked for with an unknown secret from {Address}",
                http.Connection.RemoteIpAddress?.ToString());
            return Results.NotFound();
        }

        var events = new FeedEvents(db, schedule, CalendarAddress.BaseUrl(config), clock.Today);
        var (name, items) = feed.UnitId is { } unit
            ? ($"Hạn CCHC - {feed.UnitName}", await events.ForUnitAsync(unit, ct))
            : ($"Hạn CCHC - {feed.UserName}", await events.ForUserAsync(feed.UserId!, feed.UserUnitId, ct));
        var body = IcsWriter.Write(name, items);
        var etag = IcsWriter.ETag(body);
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "private, no-cache";
        if (http.Request.Headers.IfNoneMatch.Any(v => v == etag)) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Text(body, ContentType, System.Text.Encoding.UTF8);
    }
}

/// <summary>The subscription address as people copy it: the app's public address (App:BaseUrl), as e-mails link to it.</summary>
public static class CalendarAddress
{
    public static string BaseUrl(IConfiguration config) =>
        (config["App:BaseUrl"] is { Length: > 0 } url ? url : "http://localhost:5080").TrimEnd('/');

    public static string Https(IConfiguration config, string secret) => $"{BaseUrl(config)}/calendar/{secret}.ics";

    /// <summary>webcal:// makes iPhone and Outlook open their subscribe dialog.</summary>
    public static string Webcal(IConfiguration config, string secret) =>
        System.Text.RegularExpressions.Regex.Replace(Https(config, secret), "^https?://", "webcal://");

    /// <summary>160 random bits, hex: unguessable, and safe in a URL path.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
}
