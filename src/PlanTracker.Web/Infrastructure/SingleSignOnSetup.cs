using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PlanTracker.Web.Infrastructure;

/// <summary>
/// Single sign-on with the city's OpenID provider, off unless <c>OpenIdConnect:Authority</c> is set. The provider
/// only proves who someone is: the account, its role and unit stay PlanTracker's (Features/Account/SingleSignOn).
/// Read while services are registered, like the key ring's certificate: a half-done configuration stops the start.
/// </summary>
public static class SingleSignOnSetup
{
    public const string Scheme = "oidc";
    public const string CallbackPath = "/signin-oidc";

    /// <summary>The TempData entry the login page shows when a sign-in through the provider was refused.</summary>
    public const string ErrorKey = "SingleSignOnError";

    public static WebApplicationBuilder AddSingleSignOn(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("OpenIdConnect");
        var authority = section["Authority"];
        if (string.IsNullOrWhiteSpace(authority)) return builder;
        var clientId = section["ClientId"];
        var secret = section["ClientSecret"];
        if (string.IsNullOrWhiteSpace(clientId))
            throw new InvalidOperationException(
                $"Single sign-on: OpenIdConnect:Authority is set ({authority}) but OpenIdConnect:ClientId is empty. Set the client id " +
                "the provider registered for PlanTracker, or empty OpenIdConnect:Authority to turn single sign-on off.");
        if (string.IsNullOrWhiteSpace(secret))
            throw new InvalidOperationException(
                "Single sign-on: OpenIdConnect:Authority is set but the client secret is missing. Set it in the environment " +
                "variable OpenIdConnect__ClientSecret (never in appsettings.json), or empty OpenIdConnect:Authority to turn single sign-on off.");
        var requireHttps = section.GetValue("RequireHttpsMetadata", true);
        if (requireHttps && !authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"Single sign-on: OpenIdConnect:Authority ({authority}) is not an https address. Use the provider's https address; " +
                "OpenIdConnect:RequireHttpsMetadata=false allows http for a test provider only.");
        var displayName = section["DisplayName"] is { Length: > 0 } name ? name : "tài khoản công vụ";

        builder.Services.AddAuthentication().AddOpenIdConnect(Scheme, displayName, options =>
        {
            // The provider's answer lands in Identity's short-lived external cookie; the callback page decides the account.
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.Authority = authority;
            options.ClientId = clientId;
            options.ClientSecret = secret;
            options.RequireHttpsMetadata = requireHttps;
            options.CallbackPath = CallbackPath;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("email");
            options.Scope.Add("profile");
            // Providers often leave email and email_verified out of the id token: ask the userinfo endpoint too.
            options.GetClaimsFromUserInfoEndpoint = true;
            options.MapInboundClaims = false; // keep the protocol's names: sub, email, email_verified
            options.ClaimActions.MapUniqueJsonKey("email_verified", "email_verified");
            // The answer comes back as a top-level GET (query), not a cross-site form post, so the correlation and
            // nonce cookies can be SameSite=Lax; Secure whenever the request is HTTPS, as the other cookies
            // (HttpsSetup). A SameSite=None cookie must be Secure and would be dropped on plain http.
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Events.OnRemoteFailure = async context =>
            {
                // Cancelled at the provider, an expired round trip, a provider error: back to the login page, said plainly.
                await context.HttpContext.RequestServices.GetRequiredService<SecurityLog>().RecordAsync(
                    SecurityEventKinds.SignInFailed, detail: $"Đăng nhập một lần thất bại: {context.Failure?.Message}");
                ShowOnLoginPage(context.HttpContext, $"Đăng nhập bằng {displayName} không thành công. Vui lòng thử lại.");
                context.Response.Redirect("/account/login");
                context.HandleResponse();
            };
        });
        return builder;
    }

    /// <summary>Keeps a message for the login page's next display.</summary>
    public static void ShowOnLoginPage(HttpContext context, string message)
    {
        var tempData = context.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context);
        tempData[ErrorKey] = message;
        tempData.Save();
    }
}
