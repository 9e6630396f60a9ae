using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Features.Account;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Tests.Features.Accounts;

/// <summary>
/// The app on a hand-moved clock, where a request's client address is whatever its X-Test-Address header says
/// (the test server has no connection address of its own).
/// </summary>
public class SignInHost : PlanTrackerFactory
{
    public const string AddressHeader = "X-Test-Address";

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IStartupFilter, TestAddress>();
        });
    }

    /// <summary>A client whose every request comes from <paramref name="address"/>.</summary>
    public HttpClient ClientFrom(string address)
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    public async Task<HttpResponseMessage> SignInAsync(string address, string email, string password) =>
        await ClientFrom(address).PostFormAsync("/account/login", ("Email", email), ("Password", password));

    public async Task<List<SecurityEvent>> EventsAsync(string? email = null)
    {
        await using var db = NewDbContext();
        return await db.SecurityEvents.AsNoTracking().Where(e => email == null || e.Email == email).OrderBy(e => e.Id).ToListAsync();
    }

    private sealed class TestAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[AddressHeader] is [{ } address])
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public static class SignInAnswers
{
    public static async Task<string> ErrorsAsync(this HttpResponseMessage response) =>
        PageText.Text(PageText.Parse(await response.Content.ReadAsStringAsync()).Find(".errors"));
}

public class SignInThrottleTests
{
    private const string Wrong = "khong-dung-123";
    private const string Stranger = "203.0.113.9";
    private const string Desk = "10.1.2.3";

    [Fact]
    public async Task An_unknown_account_and_a_wrong_password_get_the_same_answer()
    {
        using var host = new SignInHost();
        var email = await host.CreateUserAsync(Roles.Viewer, email: "that@cantho.example");

        var real = await host.SignInAsync(Desk, email, Wrong);
        var unknown = await host.SignInAsync(Desk, "khongco@cantho.example", Wrong);

        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(LoginModel.WrongCredentials, await real.ErrorsAsync());
        Assert.Equal(await real.ErrorsAsync(), await unknown.ErrorsAsync());
    }

    [Fact]
    public async Task After_five_failures_the_next_attempt_waits_without_checking_the_password_then_the_right_one_works()
    {
        using var host = new SignInHost();
        var email = await host.CreateUserAsync(Roles.Viewer, email: "cho@cantho.example");
        for (var i = 0; i < SignInThrottle.AccountFreeFailures; i++)
            Assert.Equal(LoginModel.WrongCredentials, await (await host.SignInAsync(Stranger, email, Wrong)).ErrorsAsync());

        var right = await host.SignInAsync(Desk, email, PlanTrackerFactory.Password);
        var wrong = await host.SignInAsync(Desk, email, Wrong);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // refused, though the password is right
        Assert.Equal("Vui lòng thử lại sau 1 giây.", await right.ErrorsAsync());
        Assert.Equal("Vui lòng thử lại sau 1 giây.", await wrong.ErrorsAsync());
        var events = await host.EventsAsync(email);
        Assert.Equal(SignInThrottle.AccountFreeFailures, events.Count(e => e.Kind == SecurityEventKinds.SignInFailed)); // the password was not checked
        Assert.Equal(2, events.Count(e => e.Kind == SecurityEventKinds.Throttled));

        host.Time.Advance(TimeSpan.FromSeconds(1));
        var after = await host.SignInAsync(Desk, email, PlanTrackerFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Each_further_failure_doubles_the_wait_up_to_a_minute()
    {
        Assert.Equal(TimeSpan.Zero, SignInThrottle.Delay(4, 5));
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60],
            Enumerable.Range(5, 9).Select(n => SignInThrottle.Delay(n, 5).TotalSeconds).ToArray());

        using var host = new SignInHost();
        var email = await host.CreateUserAsync(Roles.Viewer, email: "gapdoi@cantho.example");
        for (var failures = 1; failures <= SignInThrottle.AccountFreeFailures + 1; failures++)
        {
            if (failures > 1) host.Time.Advance(SignInThrottle.Delay(failures - 1, SignInThrottle.AccountFreeFailures));
            Assert.Equal(LoginModel.WrongCredentials, await (await host.SignInAsync(Stranger, email, Wrong)).ErrorsAsync());
        }

        var answer = await host.SignInAsync(Stranger, email, Wrong);

        Assert.Equal("Vui lòng thử lại sau 2 giây.", await answer.ErrorsAsync());
    }

    [Fact]
    public async Task A_stranger_cannot_keep_the_real_user_out()
    {
        using var host = new SignInHost();
        var email = await host.CreateUserAsync(Roles.Admin, email: "quantri@cantho.example");
        Assert.Equal(HttpStatusCode.Redirect, (await host.SignInAsync(Desk, email, PlanTrackerFactory.Password)).StatusCode);
        var answers = new List<string>();
        for (var i = 0; i < 30; i++) // a stranger guessing as fast as the waits let them, for a while
        {
            answers.Add(await (await host.SignInAsync(Stranger, email, Wrong)).ErrorsAsync());
            host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var elsewhere = await host.SignInAsync("198.51.100.7", email, PlanTrackerFactory.Password);
        host.Time.Advance(TimeSpan.FromSeconds(60));
        var elsewhereAMinuteLater = await host.SignInAsync("198.51.100.7", email, PlanTrackerFactory.Password);
        for (var i = 0; i < 10; i++) // the stranger again, until the account waits once more
            await host.SignInAsync(Stranger, email, Wrong);
        var atTheDesk = await host.SignInAsync(Desk, email, PlanTrackerFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, atTheDesk.StatusCode); // the address it signed in from before is not held up
        Assert.Contains("Vui lòng thử lại sau", await elsewhere.ErrorsAsync()); // a new address waits ...
        Assert.Equal(HttpStatusCode.Redirect, elsewhereAMinuteLater.StatusCode); // ... at most a minute
        Assert.All(answers, a => Assert.DoesNotContain("khóa", a, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(answers, a => a.StartsWith("Vui lòng thử lại sau", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_address_that_guesses_at_many_accounts_is_slowed_too()
    {
        using var host = new SignInHost();
        for (var i = 0; i < SignInThrottle.AddressFreeFailures; i++)
            await host.SignInAsync(Stranger, $"doan{i}@cantho.example", Wrong);

        var next = await host.SignInAsync(Stranger, "doan-moi@cantho.example", Wrong);
        var fromElsewhere = await host.SignInAsync(Desk, "doan-moi@cantho.example", Wrong);

        Assert.Equal("Vui lòng thử lại sau 1 giây.", await next.ErrorsAsync());
        Assert.Equal(LoginModel.WrongCredentials, await fromElsewhere.ErrorsAsync());
    }

    [Fact]
    public async Task A_disabled_account_is_named_only_to_whoever_knows_its_password()
    {
        using var host = new SignInHost();
        var email = await host.CreateUserAsync(Roles.Viewer, email: "datat@cantho.example");
        await using (var db = host.NewDbContext())
            await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true));

        var guess = await host.SignInAsync(Desk, email, Wrong);
        var owner = await host.SignInAsync(Desk, email, PlanTrackerFactory.Password);

        Assert.Equal(LoginModel.WrongCredentials, await guess.ErrorsAsync());
        Assert.Contains("Tài khoản này đã bị khóa", await owner.ErrorsAsync());
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }
}

public class SignInRateLimitTests
{
    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_from_one_address_answer_429()
    {
        using var host = new SignInHost();
        host.Settings[SignInRateLimit.Setting] = "3";
        var client = host.ClientFrom("203.0.113.50");
        var token = FormPosting.AntiforgeryToken(await client.GetStringAsync("/account/login"));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 8; i++) // within a minute: at most two windows of 3, so at least 2 refused
        {
            var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(
                [new("Email", "ai@cantho.example"), new("Password", "khong-dung-123"), new("__RequestVerificationToken", token)]));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
        }
        var otherAddress = await host.ClientFrom("203.0.113.51").PostFormAsync("/account/login", ("Email", "ai@cantho.example"), ("Password", "khong-dung-123"));

        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 2, string.Join(", ", statuses));
        Assert.Equal(SignInRateLimit.TooMany, await refused!.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, otherAddress.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode); // the page itself is not limited
        Assert.Contains(await host.EventsAsync(), e => e.Kind == SecurityEventKinds.RateLimited && e.IpAddress == "203.0.113.50");
    }
}
