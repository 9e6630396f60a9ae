using Microsoft.Playwright;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Monitoring;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Browser;

public class DashboardBrowserTests(DashboardBrowserTests.Host host) : IClassFixture<DashboardBrowserTests.Host>
{
    public sealed class Host : BrowserHost
    {
        public Host()
        {
            MonitoringFixture.SeedFolderAsync(Folder).GetAwaiter().GetResult();
            Settings["Seed:Directory"] = Folder.File("seed");
            Settings["Clock:Today"] = "2019-10-01";
        }
    }

    private static async Task<(double Width, double Height)> DrawnChartAsync(IPage page, string id)
    {
        var canvas = page.Locator($"canvas#{id}[data-drawn=true]");
        await canvas.WaitForAsync(); // the context's timeout (BrowserHost: 90 s), not a shorter one a loaded machine misses
        Assert.True(await page.EvaluateAsync<bool>($"() => !!Chart.getChart(document.getElementById('{id}'))"), $"Chart.js did not draw {id}.");
        var box = await canvas.BoundingBoxAsync();
        return (box!.Width, box.Height);
    }

    [Fact]
    public async Task Dashboard_draws_its_charts_and_a_figure_leads_to_its_items()
    {
        await using (var db = host.NewDbContext()) await MonitoringFixture.AddCompletionsAsync(db);
        var page = await host.SignedInPageAsync(Roles.Admin);
        await page.GotoAsync(host.BaseUrl + "/dashboard");

        foreach (var id in new[] { "chart-sections", "chart-quarters", "chart-units" })
        {
            var (width, height) = await DrawnChartAsync(page, id);
            Assert.True(width > 300 && height > 200, $"{id} is {width}×{height}.");
        }
        // Something is painted: a drawn chart's image is far larger than a blank canvas's.
        var painted = await page.EvaluateAsync<int>("() => document.getElementById('chart-sections').toDataURL().length");
        Assert.True(painted > 5000, $"The section chart looks blank ({painted} bytes).");
        await BrowserHost.ScreenshotAsync(page, "dashboard");

        await page.ClickAsync("a[data-figure=Overdue]");
        await BrowserHost.ArrivedAtAsync(page, "#item-count", url => url.Contains("/tasks") && url.Contains("State=Overdue"));
        Assert.Equal("8", await page.GetAttributeAsync("#item-count", "data-count"));
        Assert.Equal(8, await page.Locator("table.items tbody tr[data-state=Overdue]").CountAsync());
        await BrowserHost.ScreenshotAsync(page, "dashboard-overdue-list");
    }

    [Fact]
    public async Task Dashboard_fits_a_phone_screen()
    {
        var page = await host.SignedInPageAsync(Roles.Viewer, width: 390, height: 844);
        await page.GotoAsync(host.BaseUrl + "/dashboard");

        var (width, height) = await DrawnChartAsync(page, "chart-sections");
        Assert.True(width is > 200 and <= 390 && height > 200, $"On a phone the chart is {width}×{height}.");
        var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(pageWidth <= 400, $"The page scrolls sideways on a phone ({pageWidth}px).");
        await BrowserHost.ScreenshotAsync(page, "dashboard-phone");
    }
}
