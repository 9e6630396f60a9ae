using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PlanTracker.Web.Features.Account;

namespace PlanTracker.Web.Infrastructure;

public static class AccountsSetup
{
    public const string UnitClaim = "plantracker:unit";
    public const string NameClaim = "plantracker:name";

    public static IServiceCollection AddPlanTrackerAccounts(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                // Length and the common-password list, no composition rules: PasswordPolicy says why.
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<PlanTrackerDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordPolicy>()
            .AddClaimsPrincipalFactory<UnitClaimsFactory>()
            .AddSignInManager<DisabledAwareSignInManager>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.Cookie.Name = "PlanTracker.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // A signed-in user who may not do something gets 403 (and the Vietnamese error page), not a redirect.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            // An API caller is told 401 (a problem, Features/Api/ApiProblems), not sent to the sign-in form.
            cookie.Events.OnRedirectToLogin = context =>
            {
                if (Features.Api.ApiProblems.IsApi(context.HttpContext)) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
            // A disabled account or a reset password ends open sessions at their next request.
            cookie.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
            cookie.Events.OnSigningIn = SessionCheck.OnSigningIn; // the start of the absolute lifetime
        });

        services.AddScoped<FirstAdminSetup>();
        return services;
    }

    public static int? UnitId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(UnitClaim), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(NameClaim) ?? user.Identity?.Name ?? "";

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static Core.History.Actor Actor(this ClaimsPrincipal user) => new(user.UserId(), user.DisplayName());

    private sealed class UnitClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
        : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
    {
        protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
        {
            var identity = await base.GenerateClaimsAsync(user);
            identity.AddClaim(new Claim(NameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
            if (user.UnitId is { } unitId)
                identity.AddClaim(new Claim(UnitClaim, unitId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            AccountGate.AddClaims(identity, user);
            return identity;
        }
    }
}

/// <summary>Refuses sign-in to disabled accounts (their open sessions end at <see cref="SessionCheck"/>).</summary>
public sealed class DisabledAwareSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => !user.IsDisabled && await base.CanSignInAsync(user);
}
