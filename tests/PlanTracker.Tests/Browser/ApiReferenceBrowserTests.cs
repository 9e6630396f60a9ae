using System.Text.Json;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Features.Api;
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
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(OpenApiDocumentTests.CommittedDocument));
        var tags = document.RootElement.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject())
            .SelectMany(o => o.Value.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)).Distinct().ToList();

        var response = await page.GotoAsync(host.BaseUrl + "/scalar/v1");

        Assert.NotNull(await response!.HeaderValueAsync("Content-Security-Policy"));
        // The first tag's operations open at once; the others list their operations' paths and open on a click.
        await page.GetByText("Who the caller is").First.WaitForAsync(new() { Timeout = 60_000 });
        foreach (var tag in tags)
            await page.Locator($"a[href='#tag/{tag.ToLowerInvariant()}']").First.WaitForAsync();
        await page.Locator(".endpoint-path", new() { HasTextString = "/api/v1/plans/{id}" }).First.WaitForAsync();
        Assert.Contains("Progress", tags);
        Assert.Empty(refusals);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_sign_in_page()
    {
        var context = await host.Browser.NewContextAsync();
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync(host.BaseUrl + "/scalar/v1");

        await BrowserHost.ArrivedAtAsync(page, "input[name=Password]", url => new Uri(url).AbsolutePath == "/account/login");
        Assert.Contains("ReturnUrl=%2Fscalar%2Fv1", page.Url, StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
