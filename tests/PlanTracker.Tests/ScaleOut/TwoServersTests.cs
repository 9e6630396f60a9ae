using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.ScaleOut;

/// <summary>Two app servers on one database, as behind a load balancer.</summary>
public sealed class TwoServersTests : IDisposable
{
    private readonly PlanTrackerFactory first = new();
    private readonly PlanTrackerFactory second = new();

    public TwoServersTests()
    {
        second.Settings["ConnectionStrings:PlanTracker"] = first.Settings["ConnectionStrings:PlanTracker"];
        second.Settings["Database:Provider"] = first.Settings.GetValueOrDefault("Database:Provider");
    }

    public void Dispose()
    {
        second.Dispose();
        first.Dispose();
    }

    private static HttpClient CookieLess(PlanTrackerFactory host) =>
        host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static string Cookies(HttpResponseMessage response, string existing = "") =>
        string.Join("; ", (response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
            .Select(c => c.Split(';')[0]).Prepend(existing).Where(c => c.Length > 0));

    [Fact]
    public async Task Both_servers_starting_together_migrate_and_seed_once()
    {
        await Task.WhenAll(Task.Run(first.StartServer), Task.Run(second.StartServer));

        await using var db = first.NewDbContext();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync()); // each once
        Assert.Equal(1, await db.Plans.CountAsync());
        Assert.Equal(41, await db.Units.CountAsync());
        Assert.Single(await db.DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task A_user_signed_in_on_one_server_is_signed_in_on_the_other_and_its_forms_post_there()
    {
        first.StartServer();
        second.StartServer();
        var email = await first.CreateUserAsync(Roles.UnitEditor, "STP");
        var a = CookieLess(first);
        var b = CookieLess(second);

        var loginPage = await a.GetAsync("/account/login");
        var cookies = Cookies(loginPage);
        var login = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent([new("Email", email), new("Password", PlanTrackerFactory.Password),
                new("__RequestVerificationToken", FormPosting.AntiforgeryToken(await loginPage.Content.ReadAsStringAsync()))]),
        };
        login.Headers.Add("Cookie", cookies);
        var signedIn = await a.SendAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        cookies = Cookies(signedIn, cookies);

        var onSecond = new HttpRequestMessage(HttpMethod.Get, "/my");
        onSecond.Headers.Add("Cookie", cookies);
        var page = await b.SendAsync(onSecond);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Sở Tư pháp", await page.Content.ReadAsStringAsync());

        // A form served by the first server posts to the second: the anti-forgery token is understood there too.
        var (taskId, _) = await first.DeliverableAsync("1.a");
        var taskPage = new HttpRequestMessage(HttpMethod.Get, $"/tasks/{taskId}");
        taskPage.Headers.Add("Cookie", cookies);
        var html = await (await a.SendAsync(taskPage)).Content.ReadAsStringAsync();
        var comment = new HttpRequestMessage(HttpMethod.Post, $"/tasks/{taskId}?handler=Comment")
        {
            Content = new FormUrlEncodedContent([new("CommentText", "Gửi qua máy chủ thứ hai"), new("__RequestVerificationToken", FormPosting.AntiforgeryToken(html))]),
        };
        comment.Headers.Add("Cookie", cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await b.SendAsync(comment)).StatusCode);
    }
}

/// <summary>Two servers run the same days of reminders at once; the mail server gets each digest once.</summary>
public class TwoServersRemindersTests
{
    [Fact]
    public async Task Two_servers_running_the_same_mornings_send_each_digest_exactly_once()
    {
        using var first = new PlanTracker.Tests.Features.Reminders.Support.ReminderHost();
        using var second = new PlanTracker.Tests.Features.Reminders.Support.ReminderHost();
        second.Settings["ConnectionStrings:PlanTracker"] = first.Settings["ConnectionStrings:PlanTracker"];
        second.Settings["Database:Provider"] = first.Settings.GetValueOrDefault("Database:Provider");
        second.Settings["Mail:Smtp:Port"] = first.Settings["Mail:Smtp:Port"];
        first.StartServer();
        second.StartServer();
        first.Smtp.Start();

        var planned = 0;
        foreach (var day in new[] { new DateOnly(2019, 4, 1), new DateOnly(2019, 4, 2), new DateOnly(2019, 4, 3) })
        {
            var runs = await Task.WhenAll(first.RunMorningAsync(day), Task.Run(() => second.RunMorningAsync(day)));
            planned += runs.Sum(r => r.Messages);
            Assert.Contains(runs, r => r.Plan.AlreadyCovered); // the second server found the morning already planned
        }

        var received = first.Smtp.Received();
        Assert.True(planned > 0);
        Assert.Equal(planned, received.Count);
        Assert.Equal(received.Count, received.Select(r => r.Message.MessageId).Distinct().Count());
        await using var db = first.NewDbContext();
        Assert.Equal(3, await PlanTracker.Core.Reminders.ReminderSets.ReminderRuns(db).CountAsync());
    }
}
