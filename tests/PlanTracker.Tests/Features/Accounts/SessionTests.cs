using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Accounts;

/// <summary>Issue 15, point 2: a session ends on the server at logout, and at the latest 12 hours after sign-in.</summary>
public class SessionTests
{
    private const string AuthCookie = "PlanTracker.Auth";

    [Fact]
    public async Task A_cookie_saved_before_logout_no_longer_opens_the_edit_form()
    {
        using var host = new PlanTrackerFactory();
        var (client, cookie) = await SignInAsync(host, "dangxuat@cantho.example");
        var (_, deliverableId) = await host.DeliverableAsync("1.a");
        var form = $"/deliverables/{deliverableId}/progress?unit={await host.UnitIdAsync("STP")}&period=";
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(host, cookie).GetAsync(form)).StatusCode);

        var logout = await client.PostFormAsync("/tasks", [], "/account/logout");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var replayed = await WithCookie(host, cookie).GetAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/login", replayed.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Logout_ends_the_accounts_other_sessions_too()
    {
        using var host = new PlanTrackerFactory();
        var (first, _) = await SignInAsync(host, "haimay@cantho.example");
        var (second, _) = await SignInAsync(host, "haimay@cantho.example");

        await first.PostFormAsync("/tasks", [], "/account/logout");

        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/tasks")).StatusCode);
    }

    [Fact]
    public async Task Sliding_renewals_keep_a_session_open_until_its_absolute_lifetime_then_it_is_refused()
    {
        using var host = new ClockHost();
        var (client, cookieAtSignIn) = await SignInAsync(host, "lienuc@cantho.example");

        host.Time.Advance(TimeSpan.FromHours(5)); // past half of the 8 h sliding expiry: renewed
        var renewed = await client.GetAsync("/tasks");
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Contains(SetCookies(renewed), c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal));

        host.Time.Advance(TimeSpan.FromHours(5)); // 10 h: the first cookie has expired, the renewed one holds
        Assert.Equal(HttpStatusCode.Redirect, (await WithCookie(host, cookieAtSignIn).GetAsync("/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tasks")).StatusCode);

        host.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1)); // 12 h 1 min: renewed at 10 h, yet refused
        var late = await client.GetAsync("/tasks");
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.StartsWith("/account/login", late.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_absolute_lifetime_is_a_setting()
    {
        using var host = new ClockHost();
        host.Settings["Sessions:AbsoluteHours"] = "1";
        var (client, _) = await SignInAsync(host, "motgio@cantho.example");

        host.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tasks")).StatusCode);
        host.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/tasks")).StatusCode);
    }

    /// <summary>The app on a clock the test moves; it starts at the real time, so that cookie handling in the client is unaffected.</summary>
    private sealed class ClockHost : PlanTrackerFactory
    {
        public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        }
    }

    /// <summary>An admin signed in through the form, and a copy of the sign-in cookie as another browser would replay it.</summary>
    internal static async Task<(HttpClient Client, string Cookie)> SignInAsync(PlanTrackerFactory host, string email)
    {
        await host.CreateUserAsync(Roles.Admin, email: email);
        var client = host.NewClient();
        var response = await client.PostFormAsync("/account/login", ("Email", email), ("Password", PlanTrackerFactory.Password));
        if (response.Headers.Location?.OriginalString.StartsWith("/account/login-2fa", StringComparison.Ordinal) == true)
            response = await client.PostFormAsync(response.Headers.Location.OriginalString, ("Code", await host.AuthenticatorCodeAsync(email)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = SetCookies(response).Single(c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal));
        return (client, cookie.Split(';')[0]);
    }

    internal static HttpClient WithCookie(PlanTrackerFactory host, string cookie)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
