using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Reminders;
using PlanTracker.Tests.Features.Reminders.Support;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Features.Reminders;

namespace PlanTracker.Tests.Features.Reminders;

/// <summary>What /admin/reminders tells an operator about mail: where it goes, whether it really left, a test mail, example addresses.</summary>
public class MailTrustTests
{
    private static readonly DateOnly Monday = new(2019, 4, 1);

    [Fact]
    public async Task Pickup_mode_says_messages_are_written_to_files_not_sent()
    {
        using var host = new ReminderHost(pickup: true);
        await host.RunMorningAsync(Monday);
        await host.Dispatcher.DispatchAsync();
        var admin = await host.AdminAsync();

        var page = await admin.GetDocumentAsync("/admin/reminders");

        var mode = PageText.Text(page.Find(".mail-mode"));
        Assert.Contains("thư mục nhận (pickup)", mode);
        Assert.Contains("ghi ra tệp .eml, không gửi đi", mode);
        Assert.Contains(host.Folder.File("mail"), mode);
        var states = page.QuerySelectorAll("table.outbox tbody tr td:nth-child(5)").Select(PageText.Text).ToList();
        Assert.NotEmpty(states);
        Assert.All(states, state => Assert.Equal("Đã ghi ra tệp (không gửi đi)", state));
    }

    [Fact]
    public async Task Smtp_mode_names_the_server_and_a_test_mail_reaches_it()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();
        var admin = await host.AdminAsync();

        var before = await admin.GetDocumentAsync("/admin/reminders");
        Assert.Contains($"máy chủ thư (SMTP)", PageText.Text(before.Find(".mail-mode")));
        Assert.Contains($"127.0.0.1:{host.Smtp.Port}", PageText.Text(before.Find(".mail-mode")));
        var response = await admin.PostFormAsync("/admin/reminders", [new("testAddress", "cchc.snv@cantho.gov.vn")], "/admin/reminders?handler=TestMail");
        var after = await admin.GetDocumentAsync("/admin/reminders");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = Assert.Single(host.Smtp.Received());
        Assert.Equal("Thư thử từ PlanTracker", mail.Message.Subject);
        Assert.Equal(["cchc.snv@cantho.gov.vn"], mail.EnvelopeTo);
        Assert.Contains("Đã gửi thư thử tới cchc.snv@cantho.gov.vn", PageText.Text(after.Find("p.notice")));
        await using var db = host.NewDbContext();
        Assert.Equal(0, await db.OutboxMessages().CountAsync()); // a test mail is not a reminder
    }

    [Fact]
    public async Task A_test_mail_to_a_server_that_is_down_says_why_instead_of_failing()
    {
        using var host = new ReminderHost(); // the SMTP server is never started
        var admin = await host.AdminAsync();

        var response = await admin.PostFormAsync("/admin/reminders", [], "/admin/reminders?handler=TestMail");
        var page = await admin.GetDocumentAsync("/admin/reminders");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var notice = PageText.Text(page.Find("p.notice"));
        Assert.Contains($"Không gửi được thư thử tới admin@cantho.example qua 127.0.0.1:{host.Smtp.Port}", notice);
    }

    [Fact]
    public async Task A_test_mail_needs_an_e_mail_address()
    {
        using var host = new ReminderHost();
        var admin = await host.AdminAsync();

        await admin.PostFormAsync("/admin/reminders", [new("testAddress", "không phải địa chỉ")], "/admin/reminders?handler=TestMail");
        var page = await admin.GetDocumentAsync("/admin/reminders");

        Assert.Contains("không phải là địa chỉ thư điện tử", PageText.Text(page.Find("p.notice")));
    }

    [Fact]
    public async Task A_banner_counts_units_on_the_example_domain_until_their_addresses_are_real()
    {
        using var host = new ReminderHost();
        var admin = await host.AdminAsync();
        int onExample;
        await using (var db = host.NewDbContext())
            onExample = (await db.Units.Select(u => u.Emails).ToListAsync()).Count(e => e.Contains(ExampleAddresses.Domain, StringComparison.Ordinal));
        Assert.True(onExample > 0);

        foreach (var page in new[] { "/admin", "/admin/reminders" })
            Assert.StartsWith($"{onExample} đơn vị vẫn dùng địa chỉ thư mẫu", PageText.Text((await admin.GetDocumentAsync(page)).Find(".example-domain")));

        await using (var db = host.NewDbContext())
            await db.Units.ExecuteUpdateAsync(s => s.SetProperty(u => u.Emails, u => u.Code + "@cantho.gov.vn"));

        foreach (var page in new[] { "/admin", "/admin/reminders" })
            Assert.Null((await admin.GetDocumentAsync(page)).QuerySelector(".example-domain"));
    }
}
