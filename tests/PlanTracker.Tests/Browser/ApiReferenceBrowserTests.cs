using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Browser;

/// <summary>The API's reference page (Scalar) draws the document's operations under its own Content-Security-Policy.</summary>
public class ApiReferenceBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Reference_page_lists_the_operations_with_nothing_refused()
    {
        var page = await host.SignedInPageAsync(Roles.Viewer);
        var refusals = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) refusals.Add(message.Text);
        };

        await page.GotoAsync(host.BaseUrl + "/scalar/v1");

        await page.GetByText("Plans, newest first").First.WaitForAsync(new() { Timeout = 60_000 });
        Assert.Empty(refusals);
    }
}
