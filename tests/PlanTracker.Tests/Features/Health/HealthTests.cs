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
    }
}
