using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace PlanTracker.Web.Infrastructure;

/// <summary>
/// Ends a session at its next request once the account is disabled or its security stamp changed (password
/// reset, disabling). Identity's own validator with a zero interval did the same by reloading the user, its roles
/// and claims and writing a new cookie on every request: a third of a status update's CPU. Roles and units are
/// fixed when an account is created, so the cookie's claims stay true while the stamp is unchanged, and one
/// indexed read of the stamp is enough. Logging out changes the stamp, so a copy of the cookie taken before
/// is refused too. A session also ends <c>Sessions:AbsoluteHours</c> after its sign-in, however often
/// the 8 h sliding expiry renewed it.
/// </summary>
public static class SessionCheck
{
    private sealed record Account(string? SecurityStamp, bool IsDisabled);

    private static readonly Func<PlanTrackerDbContext, string, Task<Account?>> LoadAccount = EF.CompileAsyncQuery(
        (PlanTrackerDbContext db, string id) => db.Users.Where(u => u.Id == id).Select(u => new Account(u.SecurityStamp, u.IsDisabled)).FirstOrDefault());

    /// <summary>Kept in the ticket's properties: sliding renewals rewrite IssuedUtc, not this.</summary>
    private const string SignedInItem = ".plantracker.signedin";

    public static TimeSpan AbsoluteLifetime(IConfiguration config) =>
        TimeSpan.FromHours(config.GetValue("Sessions:AbsoluteHours", 12.0));

    /// <summary>Notes when the session began; a refresh of an open session (password change) keeps the first time.</summary>
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        if (!context.Properties.Items.ContainsKey(SignedInItem))
            context.Properties.Items[SignedInItem] = context.Options.TimeProvider!.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // The error page after an exception shows no account and needs no database: during an outage this very
        // check is what failed. The session is checked again at the next request.
        if (context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            context.RejectPrincipal();
            return;
        }
        if (WithinLifetime(context) && await StampHoldsAsync(context)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private static async Task<bool> StampHoldsAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stampClaim = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>()
            .Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal?.FindFirstValue(stampClaim);
        if (userId is null || stamp is null) return false;
        var db = context.HttpContext.RequestServices.GetRequiredService<PlanTrackerDbContext>();
        return await LoadAccount(db, userId) is { IsDisabled: false } account && account.SecurityStamp == stamp;
    }

    /// <summary>A cookie without the sign-in time (made before this check existed) counts from its own issue time.</summary>
    private static bool WithinLifetime(CookieValidatePrincipalContext context)
    {
        var signedIn = context.Properties.Items.TryGetValue(SignedInItem, out var text)
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
                ? at
                : context.Properties.IssuedUtc;
        var config = context.HttpContext.RequestServices.GetRequiredService<IConfiguration>();
        return signedIn is { } start && context.Options.TimeProvider!.GetUtcNow() - start < AbsoluteLifetime(config);
    }
}
