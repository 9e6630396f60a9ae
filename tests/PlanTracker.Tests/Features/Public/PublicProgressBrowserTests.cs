using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Public;

/// <summary>The public progress page of Plan 163, opted in, read by a stranger on a phone (375×667) in Chromium.</summary>
public class PublicProgressBrowserTests(PublicProgressBrowserTests.Host host) : IClassFixture<PublicProgressBrowserTests.Host>
{
    public sealed class Host : BrowserHost
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    [Fact]
    public async Task On_a_phone_the_page_shows_every_section_without_scrolling_sideways()
    {
        int planId;
        await using (var db = host.NewDbContext())
        {
            planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            await db.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(u => u.SetProperty(p => p.PublicProgress, true));
        }
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 667 }, Locale = "vi-VN",
        });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync($"{host.BaseUrl}/public/plans/{planId}");

        Assert.Equal(200, response!.Status);
        var sections = page.Locator("#section-table tbody tr[data-section]");
        Assert.Equal(7, await sections.CountAsync());
        for (var i = 0; i < 7; i++) Assert.True(await sections.Nth(i).IsVisibleAsync(), $"Section row {i + 1} is hidden.");
        Assert.True(await page.Locator("#unit-table tbody tr[data-unit]").First.IsVisibleAsync());
        // The narrow layout is in force (the tables' heads give way to a label on each figure), not a table wider than the phone.
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#section-table thead')).display"));
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth"),
            await page.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.True(scrollWidth <= innerWidth, $"The page is {scrollWidth} px wide on a {innerWidth} px screen.");
    }
}
