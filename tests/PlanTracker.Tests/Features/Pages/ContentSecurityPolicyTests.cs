using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Pages;

/// <summary>Every page carries a Content-Security-Policy that allows no inline script, and runs none; /Error answers no status a caller picks.</summary>
public class ContentSecurityPolicyTests(ContentSecurityPolicyTests.Host host) : IClassFixture<ContentSecurityPolicyTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    public static TheoryData<string> Pages =>
    [
        "/dashboard", "/tasks", "/tasks/{task}", "/deliverables/{deliverable}/progress?unit={unit}&period=", "/my",
        "/admin/plans/{plan}", "/admin/plans/tasks/{task}", "/admin/plans/deliverables/{deliverable}", "/reports",
        "/reports/periodic", "/indicators", "/par-index", "/account/login",
    ];

    private async Task<string> UrlAsync(string page)
    {
        var (task, deliverable) = await host.DeliverableAsync("1.a", 0);
        await using var db = host.NewDbContext();
        var plan = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        return page.Replace("{task}", $"{task}").Replace("{deliverable}", $"{deliverable}")
            .Replace("{unit}", $"{await host.UnitIdAsync("STP")}").Replace("{plan}", $"{plan}");
    }

    [Theory, MemberData(nameof(Pages))]
    public async Task Page_carries_the_policy_and_has_no_inline_script_or_style(string page)
    {
        var client = page.StartsWith("/deliverables", StringComparison.Ordinal) || page == "/my"
            ? await host.SignedInClientAsync(Roles.UnitEditor, "STP")
            : page == "/account/login" ? host.NewClient() : await host.AdminAsync();

        var response = await client.GetAsync(await UrlAsync(page));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));

        var document = PageText.Parse(await response.Content.ReadAsStringAsync());
        Assert.All(document.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"Inline script on {page}: {s.OuterHtml}"));
        Assert.Empty(document.QuerySelectorAll("style"));
        var handlers = document.All.SelectMany(e => e.Attributes.Select(a => (e.LocalName, a.Name)))
            .Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style").ToList();
        Assert.Empty(handlers);
    }

    [Theory]
    [InlineData(418)]
    [InlineData(200)]
    [InlineData(503)]
    [InlineData(500)]
    public async Task Error_page_visited_directly_answers_not_found_whatever_code_is_asked(int code)
    {
        var response = await host.NewClient().GetAsync($"/Error?code={code}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_page_still_answers_with_the_status_the_app_gave()
    {
        var admin = await host.AdminAsync();
        var missing = await admin.GetAsync("/tasks/999999?code=418");
        var wrongMethod = await admin.PostAsync("/reports/periodic.docx?code=418", null);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Không tìm thấy trang", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
    }
}
