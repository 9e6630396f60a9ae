using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;

namespace PlanTracker.Web.Infrastructure;

/// <summary>
/// Ends a session at its next request once the account is disabled or its security stamp changed (password
/// reset, disabling). Identity's own validator with a zero interval did the same by reloading the user, its roles
/// and claims and writing a new cookie on every request: a third of a status update's CPU. Roles and units are
/// fixed when an account is created, so the cookie's claims stay true while the stamp is unchanged, and one
/// indexed read of the stamp is enough.
/// </summary>
public static class SessionCheck
{
    private sealed record Account(string? SecurityStamp, bool IsDisabled);

    private static readonly Func<PlanTrackerDbContext, string, Task<Account?>> LoadAccount = EF.CompileAsyncQuery(
        (PlanTrackerDbContext db, string id) => db.Users.Where(u => u.Id == id).Select(u => new Account(u.SecurityStamp, u.IsDisabled)).FirstOrDefault());

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // The error page after an exception shows no account and needs no database: during an outage this very
        // check is what failed. The session is checked again at the next request.
        if (context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            context.RejectPrincipal();
            return;
        }
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stampClaim = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>()
            .Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal?.FindFirstValue(stampClaim);
        if (userId is not null && stamp is not null)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<PlanTrackerDbContext>();
            if (await LoadAccount(db, userId) is { IsDisabled: false } account && account.SecurityStamp == stamp) return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
