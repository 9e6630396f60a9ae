using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Features.Admin;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Browser;

public class ImportWizardBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Admin_uploads_a_plan_fixes_an_unknown_unit_with_an_alias_confirms_and_lands_on_the_draft_plan()
    {
        var page = await host.SignedInPageAsync(Roles.Admin);
        await page.GotoAsync(host.BaseUrl + "/admin/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập kế hoạch từ tệp Word, Excel hoặc văn bản" }).ClickAsync();
        await BrowserHost.ArrivedAtAsync(page, "input[name=file]", url => url.EndsWith("/admin/plans/import", StringComparison.Ordinal));

        // The plan as a Word document LibreOffice wrote, with one unit name ("Sở Tư Phap") the directory does not know.
        var document = new FilePayload
        {
            Name = "ke-hoach-77.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = await ImportWizardTests.PlanDocxAsync(),
        };
        await page.SetInputFilesAsync("input[name=file]", document);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đọc và xem trước" }).ClickAsync();
        await BrowserHost.ArrivedAtAsync(page, "#rows", url => url.Contains("/admin/plans/import/", StringComparison.Ordinal));
        Assert.Equal("1", await page.InnerTextAsync("[data-count=errors]"));
        Assert.True(await page.IsDisabledAsync("#confirm"));

        var unknown = page.Locator("#unknown-units tr[data-name='Sở Tư Phap'] form.suggestion", new() { HasText = "Sở Tư pháp" }).First;
        await unknown.GetByRole(AriaRole.Button, new() { Name = "Thêm làm tên gọi khác" }).ClickAsync();
        await BrowserHost.ArrivedAtAsync(page, "text=làm tên gọi khác của đơn vị Sở Tư pháp", url => url.Contains("/admin/plans/import/", StringComparison.Ordinal));
        Assert.Equal("0", await page.InnerTextAsync("[data-count=errors]"));
        await BrowserHost.ScreenshotAsync(page, "import-wizard-preview");

        await page.ClickAsync("#confirm");
        await BrowserHost.ArrivedAtAsync(page, "text=ở dạng nháp", url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/admin/plans/\d+$"));
        await using var db = host.NewDbContext();
        Assert.Equal(PlanStatus.Draft, (await db.Plans.SingleAsync(p => p.Number == "77/KH-UBND")).Status);
    }
}
