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

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (!context.Request.Path.StartsWithSegments(HangfireDashboardPath))
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return next();
        });
        return app;
    }
}
