using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Accounts;

/// <summary>
/// Issue 15, point 3: behind a TLS proxy the app learns the scheme from X-Forwarded-Proto, but only from the
/// configured proxy; then its cookies are Secure and it sends HSTS.
/// </summary>
public class HttpsTests(HttpsTests.Host host) : IClassFixture<HttpsTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Https:KnownProxies:0"] = Proxy.ToString();
    }

    private static readonly IPAddress Proxy = IPAddress.Parse("10.20.0.5");
    private static readonly IPAddress Stranger = IPAddress.Parse("198.51.100.20");
    private const string SiteName = "cchc.cantho.example"; // HSTS is never sent for localhost

    [Fact]
    public async Task Through_the_configured_proxy_cookies_are_Secure_and_HSTS_is_sent()
    {
        var page = await SendAsync(Proxy, "GET", "/account/login");
        Assert.Equal(StatusCodes.Status200OK, page.Response.StatusCode);
        Assert.Contains("; secure", AntiforgeryCookie(page), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("max-age=31536000", page.Response.Headers.StrictTransportSecurity.ToString());

        var signIn = await SignInAsync(Proxy, page);
        Assert.Equal(StatusCodes.Status302Found, signIn.Response.StatusCode);
        Assert.Contains("; secure", AuthCookie(signIn), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_same_headers_from_an_unknown_address_are_ignored()
    {
        var page = await SendAsync(Stranger, "GET", "/account/login");
        Assert.Equal(StatusCodes.Status200OK, page.Response.StatusCode);
        Assert.DoesNotContain("secure", AntiforgeryCookie(page), StringComparison.OrdinalIgnoreCase);
        Assert.False(page.Response.Headers.ContainsKey("Strict-Transport-Security"));

        var signIn = await SignInAsync(Stranger, page);
        Assert.Equal(StatusCodes.Status302Found, signIn.Response.StatusCode);
        Assert.DoesNotContain("secure", AuthCookie(signIn), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_a_configured_proxy_forwarded_headers_are_ignored()
    {
        using var direct = new PlanTrackerFactory();
        var page = await SendAsync(direct, IPAddress.Loopback, "GET", "/account/login");

        Assert.DoesNotContain("secure", AntiforgeryCookie(page), StringComparison.OrdinalIgnoreCase);
        Assert.False(page.Response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    [Fact]
    public async Task HSTS_is_a_setting()
    {
        using var off = new PlanTrackerFactory();
        off.Settings["Https:KnownProxies:0"] = Proxy.ToString();
        off.Settings["Https:Hsts"] = "false";

        var page = await SendAsync(off, Proxy, "GET", "/account/login");

        Assert.Contains("; secure", AntiforgeryCookie(page), StringComparison.OrdinalIgnoreCase);
        Assert.False(page.Response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    private async Task<HttpContext> SignInAsync(IPAddress from, HttpContext loginPage)
    {
        var email = await host.CreateUserAsync(Roles.Viewer, email: $"proxy.{from}@cantho.example");
        var html = await new StreamReader(loginPage.Response.Body).ReadToEndAsync();
        var form = new FormUrlEncodedContent([
            new("Email", email), new("Password", PlanTrackerFactory.Password),
            new("__RequestVerificationToken", FormPosting.AntiforgeryToken(html))]);
        return await SendAsync(from, "POST", "/account/login", AntiforgeryCookie(loginPage).Split(';')[0], await form.ReadAsStringAsync());
    }

    private Task<HttpContext> SendAsync(IPAddress from, string method, string path, string? cookie = null, string? form = null) =>
        SendAsync(host, from, method, path, cookie, form);

    /// <summary>A request as the proxy passes it on: the client's address and HTTPS in X-Forwarded-* headers.</summary>
    private static Task<HttpContext> SendAsync(PlanTrackerFactory factory, IPAddress from, string method, string path,
        string? cookie = null, string? form = null) =>
        factory.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = from;
            context.Request.Method = method;
            context.Request.Scheme = "http";
            context.Request.Host = new HostString(SiteName);
            context.Request.Path = path;
            context.Request.Headers["X-Forwarded-Proto"] = "https";
            context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
            if (cookie is not null) context.Request.Headers.Cookie = cookie;
            if (form is not null)
            {
                context.Request.ContentType = "application/x-www-form-urlencoded";
                context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(form));
            }
        });

    private static string AntiforgeryCookie(HttpContext context) => SetCookie(context, ".AspNetCore.Antiforgery.");
    private static string AuthCookie(HttpContext context) => SetCookie(context, "PlanTracker.Auth=");

    private static string SetCookie(HttpContext context, string prefix) =>
        context.Response.Headers.SetCookie.Single(c => c!.StartsWith(prefix, StringComparison.Ordinal))!;
}
