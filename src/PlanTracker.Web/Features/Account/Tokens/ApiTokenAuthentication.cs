using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PlanTracker.Web.Features.Account.Tokens;

/// <summary>
/// "Authorization: Bearer pt_..." on /api/: the request acts as the token's user, with the claims a cookie sign-in
/// gives (<see cref="IUserClaimsPrincipalFactory{TUser}"/>), so every policy and resource handler applies unchanged.
/// </summary>
public static class ApiTokenAuthentication
{
    public const string Scheme = "ApiToken";
    public const string CookieOrToken = "CookieOrApiToken";
    public const string TokenIdClaim = "plantracker:api-token";
    public const string TokenNameClaim = "plantracker:api-token-name";
    public const string TokenExpiresClaim = "plantracker:api-token-expires";
    public const string RequestsPerMinuteSetting = "Api:RequestsPerMinute";
    public const string FailuresPerMinuteSetting = "Api:FailedTokensPerMinute";
    private const string FailuresKey = "api-token-failures";
    private const string RefusedItem = "plantracker:api-token-refused-for";

    public static IServiceCollection AddApiTokens(this IServiceCollection services)
    {
        services.AddScoped<ApiTokens>();
        services.AddKeyedSingleton(FailuresKey, (sp, _) => RateLimits.PerAddress(FailuresPerMinute(sp.GetRequiredService<IConfiguration>())));
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, Handler>(Scheme, null)
            .AddPolicyScheme(CookieOrToken, null, policy => policy.ForwardDefaultSelector = context =>
                IsBearerApiRequest(context.Request) ? Scheme : IdentityConstants.ApplicationScheme);
        // After AddIdentity's defaults (which name the cookie): every page and endpoint now asks the selector.
        services.PostConfigure<AuthenticationOptions>(options =>
        {
            options.DefaultAuthenticateScheme = CookieOrToken;
            options.DefaultChallengeScheme = CookieOrToken;
            options.DefaultForbidScheme = CookieOrToken;
        });
        services.AddOptions<RateLimiterOptions>().PostConfigure<IConfiguration>(AddRateLimit);
        return services;
    }

    /// <summary>
    /// The bearer scheme only ever authenticates requests under /api/: the HTML pages and their forms stay cookie-only,
    /// so a token cannot drive a page (and a cookie request to a page never reads a token).
    /// </summary>
    public static bool IsBearerApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && BearerToken(request) is not null;

    private static int FailuresPerMinute(IConfiguration config) => config.GetValue<int?>(FailuresPerMinuteSetting) ?? 20;

    private static string? BearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;

    /// <summary>
    /// Api:RequestsPerMinute (default 120) per token, in a fixed one-minute window, chained after the sign-in limit. The
    /// limiter runs before authentication, so it partitions by the presented token's SHA-256, which is the token's
    /// unique key in the database: one partition per token, and a refused request costs no database read (but the first
    /// refusal of a token in a minute, which is logged with the token's owner).
    /// </summary>
    private static void AddRateLimit(RateLimiterOptions options, IConfiguration config)
    {
        var perMinute = config.GetValue<int?>(RequestsPerMinuteSetting) ?? 120;
        var perToken = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            IsBearerApiRequest(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(ApiTokens.Hash(BearerToken(context.Request)!), _ => RateLimits.PerMinute(perMinute))
                : RateLimitPartition.GetNoLimiter(""));
        options.GlobalLimiter = options.GlobalLimiter is { } signIn ? PartitionedRateLimiter.CreateChained(signIn, perToken) : perToken;
        var otherRejections = options.OnRejected;
        options.OnRejected = async (rejected, ct) =>
        {
            var http = rejected.HttpContext;
            if (!IsBearerApiRequest(http.Request))
            {
                if (otherRejections is not null) await otherRejections(rejected, ct);
                return;
            }
            await LogTokenRefusalAsync(http, BearerToken(http.Request)!, perMinute);
            var seconds = RateLimits.RetryAfterSeconds(rejected.Lease);
            http.Response.Headers.RetryAfter = RateLimits.Seconds(seconds);
            await WriteProblemAsync(http, StatusCodes.Status429TooManyRequests,
                ("Quá nhiều yêu cầu", $"Mã truy cập này đã gửi quá {perMinute} yêu cầu trong một phút. Thử lại sau {seconds} giây."),
                ("Too many requests", $"This token sent more than {perMinute} requests in a minute. Retry after {seconds} seconds."));
        };
    }

    /// <summary>The first refusal of a token in a minute, with its owner and prefix when it is a token of ours.</summary>
    private static async Task LogTokenRefusalAsync(HttpContext http, string presented, int perMinute)
    {
        var securityLog = http.RequestServices.GetRequiredService<SecurityLog>();
        var hash = ApiTokens.Hash(presented);
        if (!securityLog.FirstThisMinute(SecurityEventKinds.TokenRateLimited, hash)) return;
        var token = await http.RequestServices.GetRequiredService<PlanTrackerDbContext>().ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash).Select(t => new { t.UserId, t.User!.Email }).FirstOrDefaultAsync(http.RequestAborted);
        await securityLog.RecordAsync(SecurityEventKinds.TokenRateLimited, token?.UserId, token?.Email,
            $"Hơn {perMinute} yêu cầu trong một phút; mã bắt đầu bằng {ApiTokens.Prefix(presented)}…{(token is null ? " (không tồn tại)" : "")}");
    }

    /// <summary>An RFC 9457 problem, in English when the client's Accept-Language prefers it, else in Vietnamese.</summary>
    public static Task WriteProblemAsync(HttpContext http, int status, (string Title, string Detail) vietnamese, (string Title, string Detail) english)
    {
        var (title, detail) = Api.ApiProblems.PrefersEnglish(http) ? english : vietnamese;
        http.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            Title = title, Status = status, Detail = detail, Instance = http.Request.Path,
        };
        return http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    private sealed class Handler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
        PlanTrackerDbContext db, IUserClaimsPrincipalFactory<AppUser> claims, TimeProvider time, IConfiguration config, SecurityLog securityLog,
        [FromKeyedServices(FailuresKey)] PartitionedRateLimiter<HttpContext> failures)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        /// <summary>LastUsedAtUtc is written at most this often per token: not a write per request.</summary>
        private static readonly TimeSpan UseRecordedEvery = TimeSpan.FromMinutes(1);

        /// <summary>
        /// Every wrong, revoked or expired token counts against the client's address (Api:FailedTokensPerMinute, default
        /// 20); past that, the address's bearer requests answer 429 until the minute is over, without a lookup.
        /// </summary>
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (BearerToken(Request) is not { Length: > 0 } presented) return AuthenticateResult.NoResult();
            using (var left = failures.AttemptAcquire(Context, 0))
                if (!left.IsAcquired)
                {
                    Context.Items[RefusedItem] = RateLimits.RetryAfterSeconds(left);
                    return AuthenticateResult.Fail("Too many wrong tokens from this address.");
                }
            var result = await AuthenticateTokenAsync(presented);
            if (result.Failure is not null) failures.AttemptAcquire(Context).Dispose();
            return result;
        }

        private async Task<AuthenticateResult> AuthenticateTokenAsync(string presented)
        {
            if (!ApiTokens.LooksLikeToken(presented)) return AuthenticateResult.Fail("Not a PlanTracker token.");
            var hash = ApiTokens.Hash(presented);
            var token = await db.ApiTokens.Include(t => t.User).AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
            var now = time.GetUtcNow().UtcDateTime;
            if (token?.User is not { } user) return AuthenticateResult.Fail("Unknown token.");
            if (token.RevokedAtUtc is not null) return AuthenticateResult.Fail("Revoked token.");
            if (token.ExpiresAtUtc <= now) return AuthenticateResult.Fail("Expired token.");
            if (user.IsDisabled) return AuthenticateResult.Fail("Disabled account.");

            if (token.LastUsedAtUtc is not { } last || now - last >= UseRecordedEvery)
                await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtc, now), Context.RequestAborted);

            var principal = await claims.CreateAsync(user);
            var source = (ClaimsIdentity)principal.Identity!;
            // The account gate's steps (set a password, enrol 2FA) are pages for a person at a browser; a token was made
            // by its signed-in owner, who passed the gate, or by the operator on the command line.
            var identity = new ClaimsIdentity(
                source.Claims.Where(c => c.Type is not (AccountGate.MustChangePasswordClaim or AccountGate.NeedsTwoFactorClaim)),
                Scheme.Name, source.NameClaimType, source.RoleClaimType);
            identity.AddClaim(new Claim(TokenIdClaim, token.Id.ToString(CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(TokenNameClaim, token.Name));
            identity.AddClaim(new Claim(TokenExpiresClaim, token.ExpiresAtUtc.ToString("O", CultureInfo.InvariantCulture)));
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
        }

        protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            if (Context.Items[RefusedItem] is int seconds)
            {
                var perMinute = FailuresPerMinute(config);
                if (securityLog.FirstThisMinute(SecurityEventKinds.WrongTokensLimited, RateLimits.ClientAddress(Context)))
                    await securityLog.RecordAsync(SecurityEventKinds.WrongTokensLimited,
                        detail: $"Hơn {perMinute} mã truy cập sai trong một phút; mã vừa gửi bắt đầu bằng {ApiTokens.Prefix(BearerToken(Request) ?? "")}…");
                Response.Headers.RetryAfter = RateLimits.Seconds(seconds);
                await WriteProblemAsync(Context, StatusCodes.Status429TooManyRequests,
                    ("Quá nhiều yêu cầu", $"Địa chỉ này đã gửi quá {perMinute} mã truy cập sai trong một phút. Thử lại sau {seconds} giây."),
                    ("Too many requests", $"This address sent more than {perMinute} wrong access tokens in a minute. Retry after {seconds} seconds."));
                return;
            }
            Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await WriteProblemAsync(Context, StatusCodes.Status401Unauthorized,
                ("Mã truy cập không hợp lệ", "Mã truy cập sai, đã hết hạn, đã bị thu hồi hoặc tài khoản của nó đã bị khóa."),
                ("Invalid token", "The access token is wrong, expired or revoked, or its account is disabled."));
        }

        protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
            await WriteProblemAsync(Context, StatusCodes.Status403Forbidden,
                ("Không có quyền", "Tài khoản của mã truy cập này không được làm việc này."),
                ("Forbidden", "The token's account may not do this."));
    }
}
