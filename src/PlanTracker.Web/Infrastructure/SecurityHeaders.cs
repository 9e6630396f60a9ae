namespace PlanTracker.Web.Infrastructure;

/// <summary>
/// Headers every answer carries. The pages run no inline script or style (scripts live under wwwroot/js), so the
/// Content-Security-Policy allows only the app's own files: injected markup cannot run script.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; " +
        "form-action 'self'; base-uri 'self'; object-src 'none'";

    /// <summary>Hangfire's dashboard (admins only, mapped in HangfireHosting) is its own page, with inline script and style of its own.</summary>
    public const string HangfireDashboardPath = "/hangfire";

    /// <summary>
    /// The API's reference page (Scalar, mapped in Features/Api/ApiSetup, signed-in users only) starts itself with an inline
    /// module script whose text carries its settings, and its components add style elements at run time: neither can take
    /// a nonce or a fixed hash, so that page alone allows inline script and style. It shows only the API's own document.
    /// </summary>
    public const string ApiReferencePath = "/scalar";

    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (context.Request.Path.StartsWithSegments(ApiReferencePath))
                headers.ContentSecurityPolicy = ApiReferencePolicy;
            else if (!context.Request.Path.StartsWithSegments(HangfireDashboardPath))
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return next();
        });
        return app;
    }
}
