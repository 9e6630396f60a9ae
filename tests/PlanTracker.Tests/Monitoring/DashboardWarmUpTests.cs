using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Web.Features.Dashboard;
using static PlanTracker.Tests.Monitoring.MonitoringPages;

namespace PlanTracker.Tests.Monitoring;

/// <summary>The server reads the current plan's overview at start; what changed after that read still shows.</summary>
public class DashboardWarmUpTests(DashboardWarmUpTests.Host host) : IClassFixture<DashboardWarmUpTests.Host>
{
    public sealed class Host : MonitoringHost;

    [Fact]
    public async Task Completions_saved_after_the_start_up_read_show_on_the_first_view()
    {
        await host.Services.GetRequiredService<OverviewWarmUp>().Done; // the plan read before the completions exist
        await host.ReadyAsync();
        var viewer = await host.ViewerAsync();

        var page = await viewer.GetStringAsync("/dashboard");

        Assert.Equal("3", Figure(page, "DoneOnTime"));
        Assert.Equal("2", Figure(page, "DoneLate"));
        Assert.Equal("8", Figure(page, "Overdue"));
        Assert.Equal("23,1%", Figure(page, "rate"));
    }
}
