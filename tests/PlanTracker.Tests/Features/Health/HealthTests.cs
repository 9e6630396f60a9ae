using System.Net;
using System.Text.Json;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Health;

public class HealthTests(HealthTests.Host host) : IClassFixture<HealthTests.Host>
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
}
