using Microsoft.Playwright;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Browser;

public class ExtensionBrowserTests(ExtensionBrowserTests.Host host) : IClassFixture<ExtensionBrowserTests.Host>
{
    public sealed class Host : BrowserHost
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    [Fact]
    public async Task A_unit_asks_for_an_extension_Sở_Nội_vụ_approves_it_and_the_item_leaves_Quá_hạn_on_the_task_list()
    {
        var (taskId, _) = await host.DeliverableAsync("6.g"); // Sở Thông tin và Truyền thông, due 30/06/2019
        var unit = await host.UnitIdAsync("STTTT");
        var list = $"{host.BaseUrl}/tasks?Unit={unit}&Role=Lead&State=";
        var editor = await host.SignedInPageAsync(Roles.UnitEditor, "STTTT");
        await editor.GotoAsync(list + "Overdue");
        Assert.Equal(1, await editor.Locator("table.items tr:has(a:text-is('6.g'))").CountAsync());

        await editor.GotoAsync($"{host.BaseUrl}/tasks/{taskId}");
        await editor.ClickAsync("a.ask-extension");
        await BrowserHost.ArrivedAtAsync(editor, "#extension-form", url => url.Contains("/extension"));
        await editor.FillAsync("input[name=RequestedDue]", "31/12/2019");
        await editor.FillAsync("textarea[name=Reason]", "Chờ Bộ Thông tin và Truyền thông ban hành hướng dẫn");
        await editor.ClickAsync("#extension-form button[type=submit]");
        await BrowserHost.ArrivedAtAsync(editor, "text=Đã gửi đề nghị gia hạn", url => url.Contains($"/tasks/{taskId}"));
        Assert.Contains("Đang xin gia hạn đến 31/12/2019", await editor.InnerTextAsync("main"));

        var admin = await host.SignedInPageAsync(Roles.Admin);
        await admin.GotoAsync(host.BaseUrl + "/extensions");
        var row = admin.Locator("#extensions tr", new() { HasText = "Chờ Bộ Thông tin và Truyền thông ban hành hướng dẫn" });
        await row.Locator("button.approve").ClickAsync();
        await BrowserHost.ArrivedAtAsync(admin, "text=Đã chấp thuận gia hạn", url => url.Contains("/extensions"));
        await BrowserHost.ScreenshotAsync(admin, "extensions-approved");

        await editor.GotoAsync(list + "Overdue");
        Assert.Equal(0, await editor.Locator("table.items tr:has(a:text-is('6.g'))").CountAsync());
        await editor.GotoAsync(list + "InProgress");
        var inProgress = editor.Locator("table.items tr:has(a:text-is('6.g'))");
        Assert.Contains("Hạn gốc 30/06/2019 · Gia hạn đến 31/12/2019", await inProgress.InnerTextAsync());
        Assert.Contains("Đang thực hiện trong hạn", await inProgress.InnerTextAsync());
    }
}
