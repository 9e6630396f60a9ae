using Microsoft.EntityFrameworkCore;
using MimeKit;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Reminders;
using PlanTracker.Tests.Features.Reminders.Support;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Features.Reminders;

namespace PlanTracker.Tests.Features.Reminders;

/// <summary>What one run sends over real SMTP: one digest per unit with something to act on, nothing for the others.</summary>
public class DigestTests
{
    private static readonly DateOnly Monday = new(2019, 4, 1);

    [Fact]
    public async Task Each_unit_with_something_to_act_on_gets_one_digest_and_the_others_get_none()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();

        var result = await host.RunMorningAsync(Monday);

        var received = host.Smtp.Received();
        var outbox = await host.OutboxAsync();
        Assert.Equal(outbox.Count, received.Count);
        Assert.Equal(result.Messages, received.Count);
        Assert.True(received.Count >= 10);
        // One message per unit, each to that unit's own addresses.
        Assert.Equal(outbox.Count, outbox.Select(m => m.UnitId).Distinct().Count());
        foreach (var message in outbox)
        {
            var mail = Assert.Single(received, r => r.Message.MessageId == message.MessageId);
            Assert.Equal(message.RecipientList.Order(), mail.EnvelopeTo.Order());
            Assert.NotEmpty(message.Items);
        }
        // Ninh Kiều has nothing due on 01/04/2019: no mail, not even an empty one.
        var ninhKieu = await host.UnitEmailsAsync("UBND_NINHKIEU");
        Assert.DoesNotContain(received, r => r.EnvelopeTo.Any(ninhKieu.Contains));
    }

    [Fact]
    public async Task Each_recipient_sees_only_its_own_units_items()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();

        await host.RunMorningAsync(Monday);

        var stp = MailTo(host, "stp@cantho.example");
        var stttt = MailTo(host, "stttt@cantho.example");
        Assert.Contains("Nhiệm vụ 2.m.1", stp.Text); // led by every sở through "Sở, ngành TP"
        Assert.Contains("Nhiệm vụ 6.đ", stttt.Text); // led by Sở Thông tin và Truyền thông only
        Assert.DoesNotContain("Nhiệm vụ 6.đ", stp.Text);
        Assert.DoesNotContain("Nhiệm vụ 6.đ", stp.Html);
    }

    [Fact]
    public async Task Digest_is_Vietnamese_with_an_encoded_subject_html_and_text_parts_and_links_from_the_base_url()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();

        await host.RunMorningAsync(Monday);

        var mail = MailTo(host, "stttt@cantho.example");
        // Everything it owes that day, not only the items whose reminder fell on it (6.đ, 2.m.1): also 6.a, its annual plan and its Q1 report.
        Assert.Equal("Nhắc việc CCHC ngày 01/04/2019 – Sở Thông tin và Truyền thông: 5 việc quá hạn", mail.Message.Subject);
        var rawSubject = mail.Message.Headers.First(h => h.Field == "Subject").RawValue;
        Assert.All(rawSubject, b => Assert.True(b < 128, "the Subject header is 7-bit on the wire"));
        Assert.Contains("=?utf-8?", System.Text.Encoding.ASCII.GetString(rawSubject), StringComparison.OrdinalIgnoreCase);

        var alternative = Assert.IsType<MultipartAlternative>(mail.Message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.All(alternative, p => Assert.Equal("utf-8", p.ContentType.Charset, ignoreCase: true));

        var taskId = await host.TaskIdAsync("6.đ");
        Assert.Contains($"{ReminderHost.BaseUrl}/tasks/{taskId}", mail.Text);
        Assert.Contains($"{ReminderHost.BaseUrl}/tasks/{taskId}", PageText.Parse(mail.Html).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")));
        Assert.Contains("Kính gửi Sở Thông tin và Truyền thông", mail.Text);
        Assert.Contains("[Quá hạn 1 ngày] Nhiệm vụ 6.đ", mail.Text);
        Assert.Equal("auto-generated", mail.Message.Headers["Auto-Submitted"]);
    }

    [Fact]
    public async Task Overdue_items_come_before_items_due_soon()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();

        // Monday 24/06/2019 covers the weekend: 2.m Q2 (due 30/06) fell due soon on 23/06 for the Văn phòng UBND,
        // and its Q1 (due 31/03) is reminded as overdue again on 24/06.
        await host.RunMorningAsync(new DateOnly(2019, 6, 21));
        await host.RunMorningAsync(new DateOnly(2019, 6, 24));

        var text = Assert.Single(host.Smtp.Received(), r => r.EnvelopeTo.Contains("vpubnd@cantho.example")
            && r.Message.Subject!.Contains("24/06/2019")).Text;
        var overdue = text.IndexOf("ĐÃ QUÁ HẠN", StringComparison.Ordinal);
        var soon = text.IndexOf("SẮP ĐẾN HẠN", StringComparison.Ordinal);
        Assert.True(overdue >= 0 && soon > overdue, text);
        Assert.Contains("[Còn 6 ngày] Nhiệm vụ 2.m (Quý 2)", text[soon..]);
    }

    [Fact]
    public async Task Recipients_are_the_units_addresses_and_its_users_who_opted_in()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();
        var optedIn = await host.CreateUserAsync(Roles.UnitEditor, "STP", "nguyen.a@stp.cantho.example");
        var notOptedIn = await host.CreateUserAsync(Roles.UnitEditor, "STP", "tran.b@stp.cantho.example");
        var disabled = await host.CreateUserAsync(Roles.UnitEditor, "STP", "le.c@stp.cantho.example");
        await using (var db = host.NewDbContext())
        {
            await db.Users.Where(u => u.Email == optedIn || u.Email == disabled).ExecuteUpdateAsync(s => s.SetProperty(u => u.ReceivesReminders, true));
            await db.Users.Where(u => u.Email == disabled).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));
        }

        await host.RunMorningAsync(Monday);

        var mail = MailTo(host, "stp@cantho.example");
        Assert.Equal(["nguyen.a@stp.cantho.example", "stp@cantho.example"], mail.EnvelopeTo.Order());
        Assert.DoesNotContain(host.Smtp.Received(), r => r.EnvelopeTo.Contains(notOptedIn) || r.EnvelopeTo.Contains(disabled));
    }

    [Fact]
    public async Task A_unit_without_any_address_gets_nothing_planned_and_the_preview_says_so()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();
        await using (var db = host.NewDbContext())
            await db.Units.Where(u => u.Code == "STP").ExecuteUpdateAsync(s => s.SetProperty(u => u.Emails, ""));
        host.Time.SetMorning(Monday);

        var preview = await host.Runner.PreviewAsync();
        await host.Runner.RunAsync(RunTrigger.Schedule);

        var stp = await host.UnitIdAsync("STP");
        Assert.Contains(preview.UnitsWithoutAddress, u => u.UnitId == stp);
        Assert.DoesNotContain(await host.OutboxAsync(), m => m.UnitId == stp);
    }

    [Fact]
    public async Task Long_overdue_items_are_copied_to_So_Noi_vu_in_its_own_digest()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();

        // 6.đ of Sở Thông tin và Truyền thông was due 31/03/2019; 16/04 is its third weekly reminder (15 days overdue on 15/04).
        await host.RunMorningAsync(new DateOnly(2019, 4, 15), RunTrigger.Manual);

        var snv = MailTo(host, "snv@cantho.example");
        Assert.Contains("Việc quá hạn từ 14 ngày trở lên của các đơn vị", snv.Html);
        Assert.Contains("Sở Thông tin và Truyền thông: Nhiệm vụ 6.đ", snv.Text);
        var stttt = MailTo(host, "stttt@cantho.example");
        Assert.DoesNotContain("snv@cantho.example", stttt.EnvelopeTo);
    }

    [Fact]
    public async Task Weekly_summary_goes_to_So_Noi_vu_on_Monday_with_counts_newly_overdue_and_missing_reports()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();
        await host.RecordReportAsync("STP", "2019-Q1", new DateOnly(2019, 3, 18));

        await host.RunMorningAsync(Monday);

        var snv = MailTo(host, "snv@cantho.example");
        Assert.Contains("tổng hợp tuần", snv.Message.Subject);
        Assert.Contains("TỔNG HỢP TUẦN: KẾ HOẠCH 163/KH-UBND (NĂM 2019)", snv.Text);
        Assert.Contains("- Quá hạn: ", snv.Text);
        Assert.Contains("Mới quá hạn trong 7 ngày qua", snv.Text);
        Assert.Contains("Sở Thông tin và Truyền thông: Nhiệm vụ 6.đ", snv.Text); // due 31/03, overdue since 01/04
        var missingQ1 = snv.Text.Split('\n').Single(l => l.StartsWith("- Báo cáo CCHC quý I năm 2019", StringComparison.Ordinal));
        Assert.Contains("27 đơn vị chưa nộp", missingQ1); // the 28 sở, ngành and districts other than Sở Nội vụ, less Sở Tư pháp
        Assert.DoesNotContain("Sở Tư pháp", missingQ1);

        // Tuesday brings no summary.
        var before = host.Smtp.Received().Count;
        await host.RunMorningAsync(Monday.AddDays(1));
        Assert.DoesNotContain(host.Smtp.Received().Skip(before), r => (r.Message.Subject ?? "").Contains("tổng hợp tuần"));
    }

    private static ReceivedMail MailTo(ReminderHost host, string address) =>
        Assert.Single(host.Smtp.Received(), r => r.EnvelopeTo.Contains(address));
}
