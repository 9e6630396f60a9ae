using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Progress;
using PlanTracker.Core.Reminders;
using PlanTracker.Core.States;
using PlanTracker.Tests.Features.Reminders.Support;

namespace PlanTracker.Tests.Features.Reminders;

/// <summary>
/// A unit's digest lists everything the unit owes on its day (every overdue item and report, what falls due within
/// 7 days, returned completions, extension decisions), marking what its last digest did not show.
/// </summary>
public partial class WholePictureTests
{
    private static DateOnly D(int month, int day) => new(2019, month, day);

    [Fact]
    public async Task Walk_through_2019_every_digest_lists_every_item_and_report_overdue_for_its_unit_that_day()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();
        await host.MarkDoneAsync(await host.DeliverableIdAsync("6.đ"), "STTTT", D(4, 25));
        await host.RecordReportAsync("STP", "2019-Q1", D(4, 3));

        for (var day = D(1, 2); day <= D(12, 31); day = day.AddDays(1))
            await host.RunMorningAsync(day);

        var units = new Dictionary<int, string>();
        foreach (var code in new[] { "STTTT", "STP", "VPUBND", "SNV", "UBND_NINHKIEU", "SNGV" })
            units[await host.UnitIdAsync(code)] = code;
        var schedule = host.Services.GetRequiredService<ReportSchedule>();
        var outbox = (await host.OutboxAsync()).Where(m => units.ContainsKey(m.UnitId!.Value)).ToList();
        Assert.True(outbox.Count > 100, $"{outbox.Count} digests");
        var checkedLines = 0;
        await using var db = host.NewDbContext();
        foreach (var message in outbox)
        {
            var unit = message.UnitId!.Value;
            var day = message.PlannedFor;
            var overdue = (await WorkItems.LoadAsync(db, day, unitId: unit)).Where(w => w.State == DeliverableState.Overdue).ToList();
            var reports = (await ReportObligations.LoadAsync(db, schedule, day, unitId: unit)).Where(o => o.State == ReportState.Missing).ToList();
            var text = message.TextBody;
            var expected = overdue.Count + reports.Count;
            if (expected == 0)
            {
                Assert.DoesNotContain("ĐÃ QUÁ HẠN (", text);
                continue;
            }
            // The section counts all of them; what the line cap leaves out is counted with a link to the full list.
            Assert.Contains($"ĐÃ QUÁ HẠN ({expected})", text);
            var section = Section(text, "ĐÃ QUÁ HẠN");
            var listed = ListedLines().Count(section);
            if (listed < expected)
                Assert.Contains($"… và {expected - listed} việc khác không liệt kê trong thư này", section);
            foreach (var group in overdue.GroupBy(w => (w.TaskCode, w.Period)))
            {
                var title = $"] Nhiệm vụ {group.Key.TaskCode}{(group.Key.Period.Length > 0 ? $" ({Periods.Label(group.Key.Period)})" : "")} –";
                var shown = Regex.Count(section, Regex.Escape(title));
                Assert.True(shown == group.Count() || listed < expected,
                    $"{units[unit]} {day}: {group.Count()} overdue of {title}, {shown} listed\n{text}");
                checkedLines += shown;
            }
            foreach (var report in reports)
                Assert.True(section.Contains($"] {report.Period.Name} gửi Sở Nội vụ", StringComparison.Ordinal) || listed < expected,
                    $"{units[unit]} {day}: {report.Period.Name} missing\n{text}");
        }
        Assert.True(checkedLines > 500, $"{checkedLines} overdue lines checked");
        // Still one digest a unit a day.
        Assert.Equal(outbox.Count, outbox.Select(m => (m.UnitId, m.PlannedFor)).Distinct().Count());
    }

    [Fact]
    public async Task What_the_last_digest_did_not_show_is_marked_new()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();

        await host.RunMorningAsync(D(4, 1));
        await host.RunMorningAsync(D(4, 8));

        var first = MailTo(host, "stttt@cantho.example", "01/04/2019");
        Assert.Contains("- (mới) [Quá hạn 1 ngày] Nhiệm vụ 6.đ", first.Text); // the first digest ever: all new
        var week = MailTo(host, "stttt@cantho.example", "08/04/2019");
        Assert.Contains("- [Quá hạn 8 ngày] Nhiệm vụ 6.đ", week.Text); // shown on 01/04 already
        Assert.DoesNotContain("(mới) [Quá hạn 8 ngày] Nhiệm vụ 6.đ", week.Text);
        Assert.Contains("<strong style=\"color:#b3261e\">Mới</strong>", first.Html);
    }

    [Fact]
    public async Task A_returned_completion_and_an_extension_decision_appear_in_the_units_next_digest()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();
        var stttt = await host.UnitIdAsync("STTTT");
        var task6d = await host.DeliverableIdAsync("6.đ");
        var task2m = await host.DeliverableIdAsync("2.m");
        var vpubnd = await host.UnitIdAsync("VPUBND");
        await host.RunMorningAsync(D(4, 1));
        await using (var db = host.NewDbContext())
        {
            db.Progress.Add(new DeliverableProgress
            {
                DeliverableId = task6d, UnitId = stttt, Status = ProgressStatus.InProgress, ProgressPercent = 90,
                ReturnReason = "Chưa đính kèm văn bản kết quả.", ReturnedAtUtc = new DateTime(2019, 4, 3, 2, 0, 0, DateTimeKind.Utc),
                UpdatedAtUtc = DateTime.UtcNow, UpdatedByName = "test",
            });
            db.DeadlineExtensions.Add(new DeadlineExtension
            {
                DeliverableId = task2m, UnitId = vpubnd, Period = "Q2", CurrentDue = D(6, 30), RequestedDue = D(7, 31),
                Reason = "Chờ số liệu của các quận, huyện.", RequestedAtUtc = new DateTime(2019, 4, 2, 2, 0, 0, DateTimeKind.Utc),
                Status = ExtensionStatus.Approved, DecidedAtUtc = new DateTime(2019, 4, 4, 2, 0, 0, DateTimeKind.Utc),
                DecidedByName = "Sở Nội vụ", DecisionNote = "Đồng ý.",
            });
            await db.SaveChangesAsync();
        }

        await host.RunMorningAsync(D(4, 8));

        var stttMail = MailTo(host, "stttt@cantho.example", "08/04/2019");
        Assert.Contains("KẾT QUẢ BỊ SỞ NỘI VỤ TRẢ LẠI, CẦN BỔ SUNG (1)", stttMail.Text);
        Assert.Contains("- (mới) [Bị trả lại] Nhiệm vụ 6.đ", stttMail.Text);
        Assert.Contains("Lý do trả lại: Chưa đính kèm văn bản kết quả.", stttMail.Text);
        Assert.Contains("1 việc bị trả lại", stttMail.Message.Subject);
        // The Văn phòng UBND gets a digest on 08/04 (its items due soon or overdue) and the decision is in it.
        var vp = MailTo(host, "vpubnd@cantho.example", "08/04/2019");
        Assert.Contains("QUYẾT ĐỊNH VỀ ĐỀ NGHỊ GIA HẠN (1)", vp.Text);
        Assert.Contains("- (mới) [Được gia hạn] Nhiệm vụ 2.m (Quý 2)", vp.Text);
        Assert.Contains("Đề nghị gia hạn đến 31/07/2019: đã được Sở Nội vụ đồng ý (Đồng ý.)", vp.Text);
    }

    [Fact]
    public async Task An_items_officer_is_copied_on_the_units_digest_and_named_on_the_line()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();
        var officer = await host.CreateUserAsync(Roles.UnitEditor, "STTTT", "pham.d@stttt.cantho.example");
        var colleague = await host.CreateUserAsync(Roles.UnitEditor, "STTTT", "vo.e@stttt.cantho.example");
        var stttt = await host.UnitIdAsync("STTTT");
        var task6d = await host.DeliverableIdAsync("6.đ");
        await using (var db = host.NewDbContext())
        {
            var officerId = await db.Users.Where(u => u.Email == officer).Select(u => u.Id).SingleAsync();
            var colleagueId = await db.Users.Where(u => u.Email == colleague).Select(u => u.Id).SingleAsync();
            db.ItemFollowers.Add(new ItemFollower { DeliverableId = task6d, UnitId = stttt, UserId = officerId, Role = FollowerRole.Officer });
            db.ItemFollowers.Add(new ItemFollower { DeliverableId = task6d, UnitId = stttt, UserId = colleagueId, Role = FollowerRole.Watcher });
            await db.SaveChangesAsync();
        }

        await host.RunMorningAsync(D(4, 1));

        var mail = MailTo(host, "stttt@cantho.example", "01/04/2019");
        Assert.Contains(officer, mail.EnvelopeTo);
        Assert.DoesNotContain(colleague, mail.EnvelopeTo); // a watcher follows comments, not the reminders
        Assert.Contains($"người phụ trách: Người dùng {officer}", mail.Text);
        Assert.Single(host.Smtp.Received(), r => r.EnvelopeTo.Contains(officer));
    }

    private static string Section(string text, string heading)
    {
        var start = text.IndexOf(heading, StringComparison.Ordinal);
        var end = text.IndexOf("\r\n\r\n", start, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    [GeneratedRegex(@"^- (\(mới\) )?\[", RegexOptions.Multiline)]
    private static partial Regex ListedLines();

    private static ReceivedMail MailTo(ReminderHost host, string address, string day) =>
        Assert.Single(host.Smtp.Received(), r => r.EnvelopeTo.Contains(address) && r.Message.Subject!.Contains(day));
}
