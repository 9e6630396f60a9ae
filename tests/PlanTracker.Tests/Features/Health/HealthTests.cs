using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Tests.Features.Reminders.Support;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Features.Reminders;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Features.Health;

public class HealthTests(HealthTests.Host host, ITestOutputHelper output) : IClassFixture<HealthTests.Host>
{
    public sealed class Host : PlanTrackerFactory;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_without_sign_in(string path)
    {
        var response = await host.NewClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_reports_the_database()
    {
        var json = JsonDocument.Parse(await host.NewClient().GetStringAsync("/health/ready")).RootElement;

        Assert.Equal("Healthy", json.GetProperty("checks").GetProperty("database").GetString());
        Assert.Equal("Healthy", json.GetProperty("checks").GetProperty("mail").GetString()); // the pickup folder
    }

    [Fact]
    public async Task A_mail_server_that_does_not_answer_makes_readiness_degraded_but_still_serving()
    {
        using var smtpDown = new PlanTrackerFactory();
        smtpDown.Settings["Mail:Mode"] = "Smtp";
        smtpDown.Settings["Mail:Smtp:Host"] = "127.0.0.1";
        smtpDown.Settings["Mail:Smtp:Port"] = "9"; // nothing listens on discard
        smtpDown.Settings["Mail:Smtp:Security"] = "None";

        var response = await smtpDown.NewClient().GetAsync("/health/ready");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", json.GetProperty("status").GetString());
        Assert.Equal("Degraded", json.GetProperty("checks").GetProperty("mail").GetString());
        Assert.Equal("Healthy", json.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task Readiness_answers_at_once_and_degraded_when_the_mail_server_hangs()
    {
        using var hanging = new SmtpSink();
        hanging.Start(hang: true); // accepts the connection, never sends the greeting
        using var app = new PlanTrackerFactory();
        app.Settings["Mail:Mode"] = "Smtp";
        app.Settings["Mail:Smtp:Host"] = "127.0.0.1";
        app.Settings["Mail:Smtp:Port"] = hanging.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Mail:Smtp:Security"] = "None";
        app.Settings["Mail:ProbeTimeoutSeconds"] = "1";
        var client = app.NewClient();
        var status = app.Services.GetRequiredService<MailStatus>();

        await client.GetAsync("/health/live"); // the first request of a fresh app pays for its start-up
        var before = await TimedReadyAsync(client); // the background check may still be waiting on the server
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!status.Current.IsKnown && DateTime.UtcNow < deadline) await Task.Delay(20);
        var after = new List<(TimeSpan Took, HttpStatusCode Code, string Mail)>();
        for (var i = 0; i < 10; i++) after.Add(await TimedReadyAsync(client));

        output.WriteLine($"first probe {before.Took.TotalMilliseconds:0} ms; after the check gave up: " +
            $"{string.Join(", ", after.Select(a => $"{a.Took.TotalMilliseconds:0}"))} ms; state: {status.Current}");
        Assert.False(status.Current.CanSend);
        Assert.Contains("did not answer within 1 s", status.Current.LastError);
        foreach (var (took, code, mail) in after.Prepend(before))
        {
            Assert.Equal((HttpStatusCode.OK, "Degraded"), (code, mail));
            Assert.True(took < TimeSpan.FromSeconds(2), $"readiness took {took.TotalMilliseconds:0} ms");
        }
    }

    [Fact]
    public async Task Readiness_is_healthy_once_the_mail_server_has_answered()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();
        var status = host.Services.GetRequiredService<MailStatus>();
        await host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Web.Features.Health.MailMonitor>().Single()
            .ProbeAsync(CancellationToken.None);

        var (_, code, mail) = await TimedReadyAsync(host.NewClient());

        Assert.True(status.Current.CanSend);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (code, mail));
    }

    private static async Task<(TimeSpan Took, HttpStatusCode Code, string Mail)> TimedReadyAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        var response = await client.GetAsync("/health/ready");
        var took = clock.Elapsed;
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (took, response.StatusCode, json.GetProperty("checks").GetProperty("mail").GetString()!);
    }
}
