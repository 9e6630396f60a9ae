using System.Security.Claims;

namespace PlanTracker.Web.Features.Account;

/// <summary>
/// Keeps a signed-in person on one account page until a step is done: a password the admin chose is replaced
/// first, then an admin without a second factor enrols one. The steps ride in the cookie as claims written at
/// sign-in (no database read per request, like <see cref="Infrastructure.SessionCheck"/>); each step's page
/// refreshes the sign-in when done, and whatever sets a step again (an admin's reset) changes the security stamp,
/// which ends the session.
/// </summary>
public static class AccountGate
{
    public const string MustChangePasswordClaim = "plantracker:must-change-password";
    public const string NeedsTwoFactorClaim = "plantracker:needs-two-factor";
    public const string PasswordPage = "/account/password";
    public const string TwoFactorPage = "/account/two-factor";

    private static readonly string[] AlwaysOpen = ["/account/logout", "/account/login", "/account/denied", "/error"];

    public static void AddClaims(ClaimsIdentity identity, AppUser user)
    {
        if (user.MustChangePassword) identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        if (identity.HasClaim(identity.RoleClaimType, Roles.Admin) && !user.TwoFactorEnabled)
            identity.AddClaim(new Claim(NeedsTwoFactorClaim, "true"));
    }

    /// <summary>The page this person must finish first, or null.</summary>
    public static string? PendingStep(ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type == MustChangePasswordClaim) ? PasswordPage
        : user.HasClaim(c => c.Type == NeedsTwoFactorClaim) ? TwoFactorPage
        : null;

    public static IApplicationBuilder UseAccountGate(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && PendingStep(context.User) is { } page)
        {
            var path = context.Request.Path;
            // A program cannot follow a redirect to a form: the API says what the person must do, and where.
            if (Api.ApiProblems.IsApi(context))
                return page == PasswordPage
                    ? Tokens.ApiTokenAuthentication.WriteProblemAsync(context, StatusCodes.Status403Forbidden,
                        ("Cần đổi mật khẩu", $"Tài khoản này phải đổi mật khẩu trước khi dùng API: mở {page} trong trình duyệt."),
                        ("Password change required", $"This account must change its password before using the API: open {page} in a browser."))
                    : Tokens.ApiTokenAuthentication.WriteProblemAsync(context, StatusCodes.Status403Forbidden,
                        ("Cần bật xác thực hai lớp", $"Tài khoản quản trị phải bật xác thực hai lớp trước khi dùng API: mở {page} trong trình duyệt."),
                        ("Two-factor authentication required", $"An admin account must turn on two-factor authentication before using the API: open {page} in a browser."));
            if (!path.StartsWithSegments(page, StringComparison.OrdinalIgnoreCase)
                && !AlwaysOpen.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.Redirect(page);
                return Task.CompletedTask;
            }
        }
        return next(context);
    });
}
