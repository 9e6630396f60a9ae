using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Browser;

/// <summary>
/// Sở Nội vụ turns verification on for Plan 163 in the plan editor; Sở Tư pháp reports 1.a's plan (due Q4/2018) done,
/// Sở Nội vụ returns it, the unit fixes it, Sở Nội vụ accepts it, and the dashboard counts it done late.
/// </summary>
public class VerificationBrowserTests(VerificationBrowserTests.Host host) : IClassFixture<VerificationBrowserTests.Host>
{
    public sealed class Host : BrowserHost
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    private static async Task<int> FigureAsync(IPage page, string figure) =>
        int.Parse((await page.InnerTextAsync($"a.card[data-figure={figure}] .figure")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task ReportDoneAsync(IPage unit, ILocator row, string on, string result)
    {
        await row.GetByRole(AriaRole.Link, new() { Name = "Cập nhật" }).ClickAsync();
        await unit.SelectOptionAsync("select[name='Input.Status']", "Done");
        await unit.FillAsync("input[name='Input.CompletedOn']", on);
        await unit.FillAsync("textarea[name='Input.ResultText']", result);
        await unit.FillAsync("input[name='Input.EvidenceNumber']", "25/KH-STP");
        await unit.ClickAsync("form.stack button[type=submit]");
        await BrowserHost.ArrivedAtAsync(unit, "text=Đã lưu cập nhật", url => url.Contains("/tasks/"));
    }

    [Fact]
    public async Task A_completion_returned_then_fixed_then_accepted_counts_as_done_on_the_dashboard()
    {
        int planId;
        await using (var db = host.NewDbContext()) planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var admin = await host.SignedInPageAsync(Roles.Admin);
        var dashboard = $"{host.BaseUrl}/dashboard?Plan={planId}&AsOf=2019-10-01";
        await admin.GotoAsync(dashboard);
        var doneLateBefore = await FigureAsync(admin, "DoneLate");

        await admin.GotoAsync($"{host.BaseUrl}/admin/plans/{planId}");
        await admin.CheckAsync("input[type=checkbox][name='Header.VerifiesCompletions']");
        await admin.ClickAsync("text=Lưu thông tin kế hoạch");
        await BrowserHost.ArrivedAtAsync(admin, "text=Đã lưu kế hoạch", url => url.Contains($"/admin/plans/{planId}"));

        var unit = await host.SignedInPageAsync(Roles.UnitEditor, "STP");
        await unit.GotoAsync(host.BaseUrl + "/my");
        await ReportDoneAsync(unit, unit.Locator("section[data-state=Overdue] tr", new() { HasText = "Quý IV năm 2018" }).First,
            "2019-02-20", "Đã ban hành kế hoạch");
        await unit.GotoAsync(host.BaseUrl + "/my");
        Assert.Contains("1.a", await unit.InnerTextAsync("section[data-state=AwaitingVerification]"));

        await admin.GotoAsync(host.BaseUrl + "/verification");
        var claim = admin.Locator("#awaiting tr", new() { HasText = "1.a" });
        Assert.Contains("20/02/2019", await claim.InnerTextAsync());
        await claim.Locator("textarea[name=reason]").FillAsync("Thiếu tệp kế hoạch đã ký");
        await claim.GetByRole(AriaRole.Button, new() { Name = "Trả lại" }).ClickAsync();
        await BrowserHost.ArrivedAtAsync(admin, "#notice", url => url.Contains("/verification"));

        await unit.GotoAsync(host.BaseUrl + "/my");
        var returned = unit.Locator("tr.returned", new() { HasText = "1.a" }).First;
        Assert.Contains("Thiếu tệp kế hoạch đã ký", await returned.InnerTextAsync());
        await ReportDoneAsync(unit, returned, "2019-02-25", "Đã ban hành kế hoạch, kèm bản đã ký");

        await admin.GotoAsync(host.BaseUrl + "/verification");
        claim = admin.Locator("#awaiting tr", new() { HasText = "1.a" });
        Assert.Contains("25/02/2019", await claim.InnerTextAsync());
        await claim.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await BrowserHost.ArrivedAtAsync(admin, "#notice", url => url.Contains("/verification"));
        Assert.Contains("Đã xác nhận hoàn thành", await admin.InnerTextAsync("#notice"));

        await admin.GotoAsync(dashboard);
        Assert.Equal(doneLateBefore + 1, await FigureAsync(admin, "DoneLate"));
        Assert.Equal(0, await FigureAsync(admin, "AwaitingVerification"));
        await BrowserHost.ScreenshotAsync(admin, "dashboard-after-verification");
    }
}
