using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;

namespace PlanTracker.Web.Infrastructure;

/// <summary>
/// HTTPS behind a TLS proxy (nginx, Caddy): the scheme and client address come from X-Forwarded-Proto and
/// X-Forwarded-For only when the request comes from an address in <c>Https:KnownProxies</c>; anyone else's
/// forwarded headers are ignored. Cookies are Secure whenever the request is HTTPS, directly or through a known
/// proxy (SameAsRequest rather than Always: the default <c>Urls</c> is plain http on localhost, where a Secure
/// cookie would make signing in impossible; behind the proxy every request is HTTPS, so every cookie is Secure).
/// </summary>
public static class HttpsSetup
{
    public static WebApplicationBuilder AddPlanTrackerHttps(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, config) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only the configured proxies count.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in KnownProxies(config))
                options.KnownProxies.Add(proxy);
        });
        builder.Services.AddOptions<HstsOptions>().Configure<IConfiguration>((options, config) =>
            options.MaxAge = TimeSpan.FromDays(config.GetValue("Https:HstsMaxAgeDays", 365)));
        builder.Services.ConfigureApplicationCookie(cookie => cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>First in the pipeline, so that everything after it (logging, cookies, redirects) sees the client's scheme and address.</summary>
    public static WebApplication UsePlanTrackerHttps(this WebApplication app)
    {
        // No proxy configured: no forwarded header is trusted (an empty list would make the middleware trust all).
        if (KnownProxies(app.Configuration).Count > 0)
            app.UseForwardedHeaders();
        // Sent on HTTPS responses only, and never for localhost (HstsOptions.ExcludedHosts).
        if (app.Configuration.GetValue("Https:Hsts", true))
            app.UseHsts();
        return app;
    }

    private static List<IPAddress> KnownProxies(IConfiguration config) =>
        (config.GetSection("Https:KnownProxies").Get<string[]>() ?? [])
        .Where(text => !string.IsNullOrWhiteSpace(text))
        .Select(text => IPAddress.TryParse(text.Trim(), out var address)
            ? address
            : throw new InvalidOperationException($"Https:KnownProxies: '{text}' is not an IP address (e.g. 127.0.0.1 for a proxy on the same machine)."))
        .ToList();
}
