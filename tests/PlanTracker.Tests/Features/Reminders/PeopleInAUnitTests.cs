using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Progress;
using PlanTracker.Core.Reminders;
using PlanTracker.Tests.Features.Reminders.Support;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Reminders;

/// <summary>
/// Task 1.a is led by Sở Tư pháp and coordinated by "Sở, ngành TP" and "UBND quận, huyện": its officer and watchers
/// inside Sở Tư pháp, and the mail a comment on it queues.
/// </summary>
public class PeopleInAUnitTests
{
    [Fact]
    public async Task A_comment_is_queued_to_the_lead_unit_the_officer_and_the_watchers_but_not_the_author()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();
        host.Time.SetMorning(new DateOnly(2019, 5, 6));
        var (taskId, deliverableId) = await host.DeliverableAsync("1.a", 0);
        var stp = await host.UnitIdAsync("STP");
        var lead = await host.SignedInClientAsync(Roles.UnitEditor, "STP", "truong.phong@stp.cantho.example");
        var officer = await host.CreateUserAsync(Roles.UnitEditor, "STP", "can.bo@stp.cantho.example");
        var watcherClient = await host.SignedInClientAsync(Roles.UnitEditor, "STP", "theo.doi@stp.cantho.example");
        await using (var db = host.NewDbContext())
        {
            var officerId = await db.Users.Where(u => u.Email == officer).Select(u => u.Id).SingleAsync();
            var give = await lead.PostFormAsync($"/tasks/{taskId}", [new("deliverableId", Id(deliverableId)), new("unitId", Id(stp)),
                new("officerId", officerId)], $"/tasks/{taskId}?handler=Officer");
            Assert.Equal(System.Net.HttpStatusCode.Redirect, give.StatusCode);
        }
        var watch = await watcherClient.PostFormAsync($"/tasks/{taskId}", [new("deliverableId", Id(deliverableId)), new("unitId", Id(stp)),
            new("watch", "true")], $"/tasks/{taskId}?handler=Watch");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, watch.StatusCode);
        var page = PageText.Parse(await lead.GetStringAsync($"/tasks/{taskId}"));
        Assert.Equal(officer, page.QuerySelector("select[name=officerId] option[selected]")!.TextContent.Replace("Người dùng ", "", StringComparison.Ordinal));
        await using (var db = host.NewDbContext())
            Assert.Contains(await db.ChangeRecords.Where(c => c.TaskId == taskId).Select(c => c.Summary).ToListAsync(),
                s => s == $"Giao người phụ trách (Sở Tư pháp): Người dùng {officer}");

        // A district that coordinates writes: Sở Tư pháp, its officer and its watcher are told; the district is not.
        var district = await host.SignedInClientAsync(Roles.UnitEditor, "UBND_NINHKIEU", "cb@ninhkieu.cantho.example");
        var before = (await host.OutboxAsync()).Count;
        await district.PostFormAsync($"/tasks/{taskId}", [new("CommentText", "Quận Ninh Kiều đề nghị bổ sung mẫu báo cáo.")], $"/tasks/{taskId}?handler=Comment");

        var queued = (await host.OutboxAsync()).Skip(before).Single();
        Assert.Equal(OutboxState.Pending, queued.State); // queued, not sent inline
        Assert.Equal(["can.bo@stp.cantho.example", "stp@cantho.example", "theo.doi@stp.cantho.example"], queued.RecipientList.Order());
        Assert.Contains("Quận Ninh Kiều đề nghị bổ sung mẫu báo cáo.", queued.TextBody);
        await host.Dispatcher.DispatchAsync();
        var mail = Assert.Single(host.Smtp.Received());
        Assert.StartsWith("Ý kiến mới về nhiệm vụ 1.a", mail.Message.Subject);
        Assert.Contains($"{ReminderHost.BaseUrl}/tasks/{taskId}#comments", mail.Text);

        // The officer writes: not told of their own comment, nor is their unit's address; the watcher is.
        var officerClient = await host.SignedInClientAsync(Roles.UnitEditor, "STP", officer);
        before = (await host.OutboxAsync()).Count;
        await officerClient.PostFormAsync($"/tasks/{taskId}", [new("CommentText", "Đã nhận, sẽ bổ sung.")], $"/tasks/{taskId}?handler=Comment");
        var reply = (await host.OutboxAsync()).Skip(before).Single();
        Assert.Equal(["theo.doi@stp.cantho.example"], reply.RecipientList);
    }

    [Fact]
    public async Task Stopping_to_watch_removes_the_watcher()
    {
        using var host = new ReminderHost();
        var (taskId, deliverableId) = await host.DeliverableAsync("1.a", 0);
        var stp = await host.UnitIdAsync("STP");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        await client.PostFormAsync($"/tasks/{taskId}", [new("deliverableId", Id(deliverableId)), new("unitId", Id(stp)), new("watch", "true")], $"/tasks/{taskId}?handler=Watch");
        Assert.Contains("Bỏ theo dõi", await client.GetStringAsync($"/tasks/{taskId}"));
        await client.PostFormAsync($"/tasks/{taskId}", [new("deliverableId", Id(deliverableId)), new("unitId", Id(stp)), new("watch", "false")], $"/tasks/{taskId}?handler=Watch");

        await using var db = host.NewDbContext();
        Assert.False(await db.ItemFollowers.AnyAsync(f => f.Role == FollowerRole.Watcher));
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
