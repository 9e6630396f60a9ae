using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Reminders;
using PlanTracker.Web.Features.Reminders;
using PlanTracker.Tests.Features.Reminders.Support;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Reminders;

/// <summary>The operator's page and the Hangfire dashboard: admins only, a dry run that writes nothing, run now, resend.</summary>
public class AdminPageTests
{
    private static readonly DateOnly Monday = new(2019, 4, 1);

    [Fact]
    public async Task Preview_shows_what_today_would_send_and_writes_nothing()
    {
        using var host = new ReminderHost();
        host.Time.SetMorning(Monday);
        var admin = await host.AdminAsync();

        var html = await admin.GetStringAsync("/admin/reminders");

        Assert.Contains("Xem trước lần chạy hôm nay", html);
        // Everything Sở Tư pháp owes: tasks 1.a and 2.m.1, its annual plan and its Q1 report.
        Assert.Contains("Nhắc việc CCHC ngày 01/04/2019 – Sở Tư pháp: 4 việc quá hạn", html);
        await using var db = host.NewDbContext();
        Assert.Equal(0, await db.ReminderRuns().CountAsync());
        Assert.Equal(0, await db.OutboxMessages().CountAsync());
    }

    [Fact]
    public async Task Run_now_sends_todays_digests_and_pressing_it_again_sends_nothing()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();
        host.Time.SetMorning(Monday);
        var admin = await host.AdminAsync();

        var first = await admin.PostFormAsync("/admin/reminders", [], "/admin/reminders?handler=Run");
        var afterFirst = host.Smtp.Received().Count;
        var second = await admin.PostFormAsync("/admin/reminders", [], "/admin/reminders?handler=Run");
        var page = await admin.GetStringAsync("/admin/reminders");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.True(afterFirst > 0);
        Assert.Equal(afterFirst, host.Smtp.Received().Count);
        Assert.Contains("Đã gửi", page); // the outbox lists the messages as sent
        await using var db = host.NewDbContext();
        Assert.Equal(afterFirst, await db.OutboxMessages().CountAsync(m => m.State == OutboxState.Sent));
    }

    [Fact]
    public async Task Dead_messages_are_shown_to_admins_who_can_send_them_again()
    {
        using var host = new ReminderHost();
        host.Settings["Mail:MaxAttempts"] = "1";
        var run = await host.RunMorningAsync(Monday); // no server: every message dies at its first failure
        var admin = await host.AdminAsync();

        var page = await admin.GetStringAsync("/admin/reminders?State=Dead");
        Assert.Contains("Lỗi, ngừng gửi", page);
        Assert.Contains("Không kết nối được máy chủ thư", page);

        host.Smtp.Start();
        var dead = (await host.OutboxAsync()).First();
        var response = await admin.PostFormAsync("/admin/reminders", [], $"/admin/reminders?id={dead.Id}&handler=Resend");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = Assert.Single(host.Smtp.Received());
        Assert.Equal(dead.MessageId, mail.Message.MessageId);
        var outbox = await host.OutboxAsync();
        Assert.Equal(OutboxState.Sent, outbox.Single(m => m.Id == dead.Id).State);
        Assert.Equal(run.Messages - 1, outbox.Count(m => m.State == OutboxState.Dead));
    }

    [Fact]
    public async Task Reminder_page_and_hangfire_dashboard_are_for_admins_only()
    {
        using var host = new ReminderHost();
        var anonymous = host.NewClient();
        var viewer = await host.ViewerAsync();
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var admin = await host.AdminAsync();

        foreach (var url in new[] { "/admin/reminders", "/hangfire", "/hangfire/recurring" })
        {
            var signIn = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.StartsWith("/account/login", signIn.Headers.Location!.AbsolutePath);
            foreach (var client in new[] { viewer, editor })
            {
                var denied = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            }
        }
        var posted = await editor.PostAsync("/admin/reminders?handler=Run", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
        await using (var db = host.NewDbContext())
            Assert.Equal(0, await db.ReminderRuns().CountAsync());

        var dashboard = await admin.GetStringAsync("/hangfire/recurring");
        Assert.Contains("reminders-daily", dashboard);
        Assert.Contains("reminders-dispatch", dashboard);
    }

    [Fact]
    public async Task A_year_missing_from_the_holiday_list_is_shown_to_the_admin()
    {
        using var host = new ReminderHost();
        host.Settings["Clock:Today"] = "2027-01-04";
        var admin = await host.AdminAsync();

        var html = await admin.GetStringAsync("/admin/reminders");

        Assert.Contains("Danh sách ngày nghỉ lễ chưa có năm 2027:", html);
        Assert.DoesNotContain("Lần chạy gần nhất mang ngày", html);
    }

    [Fact]
    public async Task A_run_dated_after_today_is_shown_and_does_not_silence_todays_run()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();
        host.Time.SetMorning(Monday);
        // A run made while Clock:Today was set ahead to 03/06/2019, then the clock put back to 01/04/2019.
        await host.Runner.PlanAndWriteAsync(new DateOnly(2019, 6, 3), RunTrigger.CommandLine, null);
        var planned = (await host.OutboxAsync()).Count;
        var admin = await host.AdminAsync();

        var html = await admin.GetStringAsync("/admin/reminders");
        Assert.Contains("Lần chạy gần nhất mang ngày 03/06/2019, sau hôm nay (01/04/2019)", html);
        Assert.DoesNotContain("Danh sách ngày nghỉ lễ chưa có năm", html);

        var run = await host.RunMorningAsync(Monday);

        Assert.False(run.Plan.AlreadyCovered);
        Assert.Equal(Monday, run.Plan.CoveredFrom); // as a first run: today only
        Assert.True(run.Messages > 0);
        Assert.Contains(host.Smtp.Received(), m => m.Message.Subject == "Nhắc việc CCHC ngày 01/04/2019 – Sở Tư pháp: 4 việc quá hạn");
        Assert.Equal(planned + run.Messages, (await host.OutboxAsync()).Count);
        // The next working day covers only itself: the run of 01/04 is where it starts, not the one of 03/06.
        var tuesday = await host.RunMorningAsync(Monday.AddDays(1));
        Assert.Equal(Monday.AddDays(1), tuesday.Plan.CoveredFrom);
    }
}
