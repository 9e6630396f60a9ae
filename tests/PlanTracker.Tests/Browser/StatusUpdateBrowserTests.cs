using Microsoft.Playwright;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Browser;

public class StatusUpdateBrowserTests(StatusUpdateBrowserTests.Host host) : IClassFixture<StatusUpdateBrowserTests.Host>
{
    public sealed class Host : BrowserHost
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    [Fact]
    public async Task Unit_editor_marks_an_overdue_deliverable_done_with_evidence_and_sees_it_done_late_on_my_tasks()
    {
        var page = await host.SignedInPageAsync(Roles.UnitEditor, "STP");
        await page.GotoAsync(host.BaseUrl + "/my");
        var overdue = page.Locator("section[data-state=Overdue] tr", new() { HasText = "Quý IV năm 2018" }).First;
        Assert.Contains("1.a", await overdue.InnerTextAsync());

        await overdue.GetByRole(AriaRole.Link, new() { Name = "Cập nhật" }).ClickAsync();
        await page.SelectOptionAsync("select[name='Input.Status']", "Done");
        await page.FillAsync("input[name='Input.CompletedOn']", "2019-02-20");
        await page.FillAsync("textarea[name='Input.ResultText']", "Đã ban hành Kế hoạch kiểm tra, rà soát văn bản năm 2019");
        await page.FillAsync("input[name='Input.EvidenceNumber']", "25/KH-STP");
        await page.FillAsync("input[name='Input.EvidenceDate']", "2019-02-20");
        await page.SetInputFilesAsync("input[name=Files]", new FilePayload
        {
            Name = "ke-hoach-25.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray(),
        });
        await page.ClickAsync("form.stack button[type=submit]");
        await BrowserHost.ArrivedAtAsync(page, "text=Đã lưu cập nhật", url => url.Contains("/tasks/"));
        Assert.Contains("Đã lưu cập nhật", await page.InnerTextAsync("main"));
        Assert.Contains("ke-hoach-25.pdf", await page.InnerTextAsync("main"));

        await page.GotoAsync(host.BaseUrl + "/my");
        var doneLate = page.Locator("section[data-state=DoneLate]");
        Assert.Contains("Hoàn thành quá hạn", await doneLate.InnerTextAsync());
        Assert.Contains("1.a", await doneLate.InnerTextAsync());
        Assert.Equal(0, await page.Locator("section[data-state=Overdue] tr", new() { HasText = "Quý IV năm 2018" }).CountAsync());
        await BrowserHost.ScreenshotAsync(page, "my-tasks-after-update");
    }
}
