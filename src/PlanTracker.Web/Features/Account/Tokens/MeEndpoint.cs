using System.Globalization;
using System.Security.Claims;

namespace PlanTracker.Web.Features.Account.Tokens;

/// <summary>`GET /api/v1/me`: who the caller is, signed in by cookie or by token; for a token, which one and until when.</summary>
public static class MeEndpoint
{
    public sealed record UnitInfo(int Id, string Name);
    public sealed record TokenInfo(string Name, DateTime ExpiresAtUtc);
    public sealed record Me(string DisplayName, string? Email, string? Role, UnitInfo? Unit, TokenInfo? Token);

    public static IEndpointConventionBuilder MapMeEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/me", async (ClaimsPrincipal user, PlanTrackerDbContext db, CancellationToken ct) =>
        {
            var unitId = user.UnitId();
            var unit = unitId is null ? null
                : await db.Units.Where(u => u.Id == unitId).Select(u => new UnitInfo(u.Id, u.Name)).FirstOrDefaultAsync(ct);
            var token = user.FindFirstValue(ApiTokenAuthentication.TokenNameClaim) is { } name
                && DateTime.TryParse(user.FindFirstValue(ApiTokenAuthentication.TokenExpiresClaim), CultureInfo.InvariantCulture,
                    DateTimeStyles.RoundtripKind, out var expires)
                ? new TokenInfo(name, expires)
                : null;
            return TypedResults.Ok(new Me(user.DisplayName(), user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name,
                Roles.All.FirstOrDefault(user.IsInRole), unit, token));
        }).RequireAuthorization().WithName("GetMe").WithTags("Account").WithSummary("Who the caller is")
            .WithDescription("The caller's name, e-mail, role and unit; for a personal access token, also its name and expiry.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
}
