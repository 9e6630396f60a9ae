using Microsoft.Extensions.Caching.Memory;
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
        var perMinute = app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<int?>(MissesPerMinuteSetting) ?? 20;
        var misses = RateLimits.PerAddress(perMinute);
        app.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(misses.Dispose);
        app.MapGet("/calendar/{secret}.ics", FeedAsync).AllowAnonymous().AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            using (var left = misses.AttemptAcquire(http, 0))
                if (!left.IsAcquired) return await RefuseAsync(http, perMinute, RateLimits.RetryAfterSeconds(left));
            var result = await next(context);
            if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status404NotFound }) misses.AttemptAcquire(http).Dispose();
            return result;
        });
        return app;
    }

    /// <summary>429 in the request's language, as the API's problems; the first refusal of an address in a minute is logged.</summary>
    private static async Task<IResult> RefuseAsync(HttpContext http, int perMinute, int seconds)
    {
        var securityLog = http.RequestServices.GetRequiredService<SecurityLog>();
        if (securityLog.FirstThisMinute(SecurityEventKinds.CalendarMissesLimited, RateLimits.ClientAddress(http)))
            await securityLog.RecordAsync(SecurityEventKinds.CalendarMissesLimited, detail: $"Hơn {perMinute} địa chỉ lịch không tồn tại trong một phút");
        http.Response.Headers.RetryAfter = RateLimits.Seconds(seconds);
        return Api.ApiProblems.PrefersEnglish(http)
            ? Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: $"Too many unknown calendar addresses were asked for from this address. Retry after {seconds} seconds.")
            : Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Quá nhiều yêu cầu",
                detail: $"Quá nhiều địa chỉ lịch không tồn tại được hỏi từ địa chỉ này. Thử lại sau {seconds} giây.");
    }

    /// <summary>
    /// In the memory cache's units (see <see cref="Dashboard.OverviewCache.SizeLimit"/>: about 50 bytes each): the busiest
    /// unit's feed at the 100k province, 2.4 MB, counts as 49,000. Kept at low priority, so that feeds make room for
    /// the dashboard's items, not the reverse.
    /// </summary>
    private const int BytesPerCacheUnit = 50;
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(6);

    private static async Task<IResult> FeedAsync(string secret, HttpContext http, PlanTrackerDbContext db, ReportSchedule schedule,
        IClock clock, IConfiguration config, IMemoryCache cache, ILoggerFactory logs, CancellationToken ct)
    {
        // The feed and what its content depends on, in one query: the count stamp (raised by every save that changes
        // plans, tasks, deliverables, assignments, units or progress), the report submissions (only ever added or
        // marked removed) and the person's followed items.
        var submissions = db.ReportSubmissions();
        var followers = db.ItemFollowers;
        var feed = await db.CalendarFeeds.AsNoTracking().Where(f => f.Secret == secret && (f.UserId == null || !f.User!.IsDisabled))
            .Select(f => new
            {
                f.Id, f.UnitId, f.UserId, UserUnitId = f.User!.UnitId, UnitName = f.Unit!.Name, UserName = f.User.DisplayName,
                Stamp = db.CountStamps.Where(c => c.Id == CountStamp.Row).Select(c => c.Version).FirstOrDefault(),
                Reports = submissions.Count(), Removed = submissions.Count(r => r.IsRemoved), LastReport = submissions.Max(r => (int?)r.Id),
                Follows = followers.Count(x => x.UserId == f.UserId),
                Followed = followers.Where(x => x.UserId == f.UserId).Sum(x => (long)x.DeliverableId * 100_003 + x.UnitId),
            })
            .FirstOrDefaultAsync(ct);
        if (feed is null)
        {
            // The address, not the guessed secret, goes to the log: a secret reset a minute ago is still worth keeping out.
            logs.CreateLogger(typeof(CalendarEndpoints)).LogWarning("Calendar feed asked for with an unknown secret from {Address}",
                http.Connection.RemoteIpAddress?.ToString());
            return Results.NotFound();
        }

        var name = feed.UnitId is not null ? $"Hạn CCHC - {feed.UnitName}" : $"Hạn CCHC - {feed.UserName}";
        // The day is in it too (states and alarms move with it), and this build, so that a new version's output is sent.
        var etag = IcsWriter.ETag(string.Join('|', feed.UnitId, feed.UserUnitId, name, feed.Stamp, feed.Reports, feed.Removed, feed.LastReport,
            feed.Follows, feed.Followed, clock.Today.DayNumber, CalendarAddress.BaseUrl(config), typeof(CalendarEndpoints).Assembly.ManifestModule.ModuleVersionId));
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "private, no-cache";
        if (http.Request.Headers.IfNoneMatch.Any(v => v == etag)) return Results.StatusCode(StatusCodes.Status304NotModified);

        // One entry per feed, replaced when its stamp moves: a first fetch of the busiest unit's feed reads and writes
        // ~2,900 events; a refresh with nothing changed sends the kept bytes.
        var key = ("calendar-feed", feed.Id);
        if (cache.TryGetValue(key, out KeptFeed? kept) && kept is not null && kept.ETag == etag)
            return Results.Bytes(kept.Body, ContentType);

        var events = new FeedEvents(db, schedule, CalendarAddress.BaseUrl(config), clock.Today);
        var items = feed.UnitId is { } unit
            ? await events.ForUnitAsync(unit, ct)
            : await events.ForUserAsync(feed.UserId!, feed.UserUnitId, ct);
        var body = IcsWriter.Write(name, items);
        cache.Set(key, new KeptFeed(etag, body), new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = Lifetime, Size = body.Length / BytesPerCacheUnit + 1, Priority = CacheItemPriority.Low,
        });
        return Results.Bytes(body, ContentType);
    }

    private sealed record KeptFeed(string ETag, byte[] Body);
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
