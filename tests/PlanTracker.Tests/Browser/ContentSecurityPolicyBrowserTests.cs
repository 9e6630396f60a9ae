using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Browser;

/// <summary>The scripts moved out of the pages still run under the Content-Security-Policy, and the browser refuses nothing.</summary>
public class ContentSecurityPolicyBrowserTests(ContentSecurityPolicyBrowserTests.Host host) : IClassFixture<ContentSecurityPolicyBrowserTests.Host>
{
    public sealed class Host : BrowserHost
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    /// <summary>Chromium reports every refused script, style or frame on the console.</summary>
    private static List<string> Refusals(IPage page)
    {
        var refusals = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) refusals.Add(message.Text);
        };
        return refusals;
    }

    [Fact]
    public async Task Deadline_preview_reads_the_text_as_it_is_typed()
    {
        var (_, deliverable) = await host.DeliverableAsync("1.a", 0);
        var page = await host.SignedInPageAsync(Roles.Admin);
        var refusals = Refusals(page);
        await page.GotoAsync($"{host.BaseUrl}/admin/plans/deliverables/{deliverable}");

        await page.FillAsync("input[data-deadline-preview]", "Quý II năm 2019");

        await page.Locator("output.deadline-preview", new() { HasTextString = "30/06/2019" }).WaitForAsync();
        Assert.Empty(refusals);
    }

    [Fact]
    public async Task Closing_a_plan_asks_first_and_nothing_changes_when_refused()
    {
        int planId;
        await using (var db = host.NewDbContext()) planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var page = await host.SignedInPageAsync(Roles.Admin);
        var refusals = Refusals(page);
        await page.GotoAsync($"{host.BaseUrl}/admin/plans/{planId}");
        var asked = new TaskCompletionSource<string>();
        page.Dialog += (_, dialog) => { asked.TrySetResult(dialog.Message); _ = dialog.DismissAsync(); };

        await page.ClickAsync("form[data-confirm] button[type=submit]");

        Assert.Contains("kế hoạch", await asked.Task, StringComparison.Ordinal);
        Assert.Equal($"{host.BaseUrl}/admin/plans/{planId}", page.Url);
        Assert.Empty(refusals);
    }

    [Fact]
    public async Task Dashboard_draws_its_charts_with_nothing_refused()
    {
        var page = await host.SignedInPageAsync(Roles.Viewer);
        var refusals = Refusals(page);
        await page.GotoAsync(host.BaseUrl + "/dashboard");

        await page.Locator("canvas#chart-units[data-drawn=true]").WaitForAsync();
        var height = (await page.Locator("canvas#chart-units").BoundingBoxAsync())!.Height;
        Assert.True(height > 200, $"The unit chart is {height}px high: its data-height was not applied.");
        Assert.Empty(refusals);
    }
}
