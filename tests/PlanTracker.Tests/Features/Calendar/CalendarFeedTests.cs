using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Progress;
using PlanTracker.Core.States;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Calendar;

/// <summary>
/// Today is frozen at 01/10/2019. Sở Tư pháp (STP) subscribes to its unit's feed; each test that changes an item
/// picks its own overdue one-off item, so their order does not matter.
/// </summary>
public class CalendarFeedTests(CalendarFeedTests.Host host) : IClassFixture<CalendarFeedTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    private static readonly DateOnly Today = new(2019, 10, 1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Creates (or resets) the unit's feed through the page and returns its secret.</summary>
    private async Task<string> UnitSecretAsync(HttpClient client, string unitCode)
    {
        var unit = await host.UnitIdAsync(unitCode);
        var response = await client.PostFormAsync("/calendar", [new("unit", unit.ToString(CultureInfo.InvariantCulture))], "/calendar?handler=Reset");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.NewDbContext();
        return await db.CalendarFeeds.Where(f => f.UnitId == unit).Select(f => f.Secret).SingleAsync();
    }

    private static Ical.Net.Calendar Parse(string body) => Ical.Net.Calendar.Load(body)!;

    private async Task<List<WorkItem>> OpenOneOffItemsAsync(string unitCode)
    {
        await using var db = host.NewDbContext();
        var unit = await host.UnitIdAsync(unitCode);
        return [.. (await WorkItems.LoadAsync(db, Today, unitId: unit)).Where(i => i.Period == "" && i.State == DeliverableState.Overdue)
            .OrderBy(i => i.TaskCode, StringComparer.Ordinal)];
    }

    [Fact]
    public async Task The_unit_feed_has_every_dated_item_it_leads_the_tasks_it_coordinates_and_its_reports_as_all_day_events()
    {
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var secret = await UnitSecretAsync(editor, "STP");
        var anonymous = host.NewClient();

        var response = await anonymous.GetAsync($"/calendar/{secret}.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var calendar = Parse(await response.Content.ReadAsStringAsync());
        await using var db = host.NewDbContext();
        var stp = await host.UnitIdAsync("STP");
        var led = (await WorkItems.LoadAsync(db, Today, unitId: stp)).Where(i => i.Due is not null).ToList();
        var events = calendar.Events.ToList();
        Assert.Equal(led.Count, events.Count(e => e.Uid!.StartsWith("deliverable-", StringComparison.Ordinal)));
        Assert.Contains(events, e => e.Uid!.StartsWith("coordinating-", StringComparison.Ordinal));
        Assert.All(events.Where(e => e.Uid!.StartsWith("coordinating-", StringComparison.Ordinal)), e => Assert.StartsWith("[Phối hợp] ", e.Summary, StringComparison.Ordinal));
        Assert.Equal(5, events.Count(e => e.Uid!.StartsWith("report-", StringComparison.Ordinal))); // the unit plan, Q1, H1, Q3, Y
        Assert.Contains(events, e => e.Summary == "Hạn báo cáo quý I năm 2019" && e.DtStart!.Date == new DateOnly(2019, 3, 18));
        Assert.All(events, e =>
        {
            Assert.False(e.DtStart!.HasTime);
            Assert.Equal(e.DtStart.Date.AddDays(1), e.DtEnd!.Date);
        });
        var open = events.Where(e => !e.Summary!.StartsWith('[') || e.Summary.StartsWith("[Phối hợp]", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(open);
        Assert.All(open, e => Assert.Equal(["-P7D", "-P1D"], e.Alarms.Select(a => a.Trigger!.Duration!.ToString()!)));
        var item = led.First(i => i.Period == "");
        var itemEvent = events.Single(e => e.Uid == $"deliverable-{item.DeliverableId}-{stp}-once@plantracker");
        Assert.StartsWith($"{item.TaskCode}: ", itemEvent.Summary, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch: 163/KH-UBND", itemEvent.Description, StringComparison.Ordinal);
        Assert.Contains("Đơn vị chủ trì: Sở Tư pháp", itemEvent.Description, StringComparison.Ordinal);
        Assert.Contains($"Trạng thái: {item.State.Label()}", itemEvent.Description, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5080/tasks/{item.TaskId}", itemEvent.Description, StringComparison.Ordinal);
        // Recurring items give one event per occurrence, each with its own UID.
        Assert.Equal(led.Count, events.Where(e => e.Uid!.StartsWith("deliverable-", StringComparison.Ordinal)).Select(e => e.Uid).Distinct().Count());
    }

    [Fact]
    public async Task Two_fetches_of_an_unchanged_feed_are_byte_identical_and_the_ETag_answers_304()
    {
        var secret = await UnitSecretAsync(await host.AdminAsync(), "STP");
        var anonymous = host.NewClient();

        var first = await anonymous.GetAsync($"/calendar/{secret}.ics");
        var second = await anonymous.GetAsync($"/calendar/{secret}.ics");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/calendar/{secret}.ics");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await anonymous.SendAsync(conditional);

        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task A_status_update_and_a_granted_extension_raise_the_sequence_and_move_the_event_to_the_adjusted_date()
    {
        var stp = await host.UnitIdAsync("STP");
        var items = await OpenOneOffItemsAsync("STP");
        var (updated, extended) = (items[0], items[1]);
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var secret = await UnitSecretAsync(editor, "STP");
        var anonymous = host.NewClient();
        var before = Parse(await anonymous.GetStringAsync($"/calendar/{secret}.ics")).Events.ToDictionary(e => e.Uid!);
        string Uid(WorkItem i) => $"deliverable-{i.DeliverableId}-{stp}-once@plantracker";

        var update = await editor.PostFormAsync($"/deliverables/{updated.DeliverableId}/progress?unit={stp}&period=",
            [new("Unit", $"{stp}"), new("Period", ""), new("Input.Version", $"{updated.Progress?.Version ?? 0}"), new("Input.Status", "InProgress"),
             new("Input.ProgressPercent", "50"), new("Input.ResultText", "Đang dự thảo")]);
        Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
        var ask = await editor.PostFormAsync($"/deliverables/{extended.DeliverableId}/extension?unit={stp}&period=",
            [new("Unit", $"{stp}"), new("Period", ""), new("RequestedDue", "31/12/2019"), new("Reason", "Chờ hướng dẫn của Bộ Tư pháp")]);
        Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        await using (var db = host.NewDbContext())
        {
            var pending = await db.DeadlineExtensions.AsNoTracking().SingleAsync(e => e.DeliverableId == extended.DeliverableId && e.Status == ExtensionStatus.Pending);
            var approve = await (await host.AdminAsync()).PostFormAsync("/tasks", [new("id", $"{pending.Id}"), new("version", $"{pending.Version}"), new("note", "")],
                "/extensions?handler=Approve");
            Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        }
        var after = Parse(await anonymous.GetStringAsync($"/calendar/{secret}.ics")).Events.ToDictionary(e => e.Uid!);

        Assert.True(after[Uid(updated)].Sequence > before[Uid(updated)].Sequence);
        Assert.Equal(before[Uid(updated)].DtStart!.Date, after[Uid(updated)].DtStart!.Date);
        Assert.True(after[Uid(extended)].Sequence > before[Uid(extended)].Sequence);
        Assert.Equal(new DateOnly(2019, 12, 31), after[Uid(extended)].DtStart!.Date);
        Assert.Contains($"31/12/2019 (gia hạn, hạn gốc {extended.Due:dd/MM/yyyy})", after[Uid(extended)].Description, StringComparison.Ordinal);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_status_update_is_in_the_next_fetch_although_the_feed_is_kept_and_the_old_ETag_no_longer_answers_304()
    {
        var stp = await host.UnitIdAsync("STP");
        WorkItem item;
        await using (var read = host.NewDbContext()) // not an overdue one: the test above updates those
            item = (await WorkItems.LoadAsync(read, Today, unitId: stp))
                .Where(i => i.Period == "" && i.Due is not null && !i.State.IsDone() && i.State != DeliverableState.Overdue)
                .OrderBy(i => i.TaskCode, StringComparer.Ordinal).First();
        var uid = $"deliverable-{item.DeliverableId}-{stp}-once@plantracker";
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var secret = await UnitSecretAsync(editor, "STP");
        var anonymous = host.NewClient();
        var first = await anonymous.GetAsync($"/calendar/{secret}.ics");
        var kept = await anonymous.GetAsync($"/calendar/{secret}.ics"); // served from the cache
        var before = Parse(await kept.Content.ReadAsStringAsync()).Events.Single(e => e.Uid == uid);

        var update = await editor.PostFormAsync($"/deliverables/{item.DeliverableId}/progress?unit={stp}&period=",
            [new("Unit", $"{stp}"), new("Period", ""), new("Input.Version", $"{item.Progress?.Version ?? 0}"), new("Input.Status", "Done"),
             new("Input.ProgressPercent", "100"), new("Input.CompletedOn", "2019-09-30"), new("Input.ResultText", "Đã ban hành"),
             new("Input.EvidenceNumber", "12/QĐ-STP")]);
        Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/calendar/{secret}.ics");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var after = await anonymous.SendAsync(conditional);

        Assert.Equal(first.Headers.ETag, kept.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(first.Headers.ETag, after.Headers.ETag);
        var changed = Parse(await after.Content.ReadAsStringAsync()).Events.Single(e => e.Uid == uid);
        await using var db = host.NewDbContext();
        var now = (await WorkItems.LoadAsync(db, Today, [item.DeliverableId])).Single(i => i.UnitId == stp && i.Period == "");
        Assert.NotEqual(item.State, now.State);
        Assert.True(changed.Sequence > before.Sequence);
        Assert.Contains($"Trạng thái: {now.State.Label()}", changed.Description, StringComparison.Ordinal);
        Assert.DoesNotContain($"Trạng thái: {item.State.Label()}", changed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_gives_a_new_address_and_the_old_one_answers_404_at_once_and_is_logged_without_the_secret()
    {
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var old = await UnitSecretAsync(editor, "STP");
        var anonymous = host.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/calendar/{old}.ics")).StatusCode);

        var fresh = await UnitSecretAsync(editor, "STP");

        Assert.NotEqual(old, fresh);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/calendar/{old}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/calendar/{fresh}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/khong-co.ics")).StatusCode);
        var page = await editor.GetDocumentAsync("/calendar");
        Assert.Contains($"/calendar/{fresh}.ics", page.Find("#unit-feed input").GetAttribute("value"), StringComparison.Ordinal);
        Assert.StartsWith("webcal://", page.Find("#unit-feed a.webcal").GetAttribute("href"), StringComparison.Ordinal);
        await using var db = host.NewDbContext();
        var logged = await db.SecurityEvents.AsNoTracking().Where(e => e.Kind == "CalendarFeedReset" || e.Kind == "CalendarFeedCreated").ToListAsync();
        Assert.Contains(logged, e => e.Kind == "CalendarFeedReset" && e.Detail == "Lịch của đơn vị Sở Tư pháp");
        Assert.All(logged, e => Assert.DoesNotContain(fresh, $"{e.Detail} {e.Path}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_unit_editor_cannot_manage_another_units_feed_anonymous_is_sent_to_sign_in_and_posts_need_the_antiforgery_token()
    {
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var stttt = await host.UnitIdAsync("STTTT");

        var other = await editor.PostFormAsync("/calendar", [new("unit", $"{stttt}")], "/calendar?handler=Reset");
        var otherPage = await editor.GetDocumentAsync($"/calendar?unit={stttt}");
        var anonymousPage = await host.NewClient().GetAsync("/calendar");
        var noToken = await editor.PostAsync("/calendar?handler=Reset", new FormUrlEncodedContent([new KeyValuePair<string, string>("unit", "")]));

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("Sở Tư pháp", otherPage.Find("#unit-feed h2").TextContent, StringComparison.Ordinal); // its own unit, not the one asked for
        Assert.Equal(HttpStatusCode.Redirect, anonymousPage.StatusCode);
        Assert.Contains("/account/login", anonymousPage.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        await using var db = host.NewDbContext();
        Assert.False(await db.CalendarFeeds.AnyAsync(f => f.UnitId == stttt));
    }

    [Fact]
    public async Task A_viewer_has_a_personal_feed_of_the_report_due_dates_but_no_unit_feed()
    {
        var viewer = await host.ViewerAsync();
        var stp = await host.UnitIdAsync("STP");

        var personal = await viewer.PostFormAsync("/calendar", [], "/calendar?handler=Reset");
        var unit = await viewer.PostFormAsync("/calendar", [new("unit", $"{stp}")], "/calendar?handler=Reset");

        Assert.Equal(HttpStatusCode.Redirect, personal.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unit.StatusCode);
        await using var db = host.NewDbContext();
        var secret = await db.CalendarFeeds.Where(f => f.User!.Email == "viewer@cantho.example").Select(f => f.Secret).SingleAsync();
        var events = Parse(await host.NewClient().GetStringAsync($"/calendar/{secret}.ics")).Events.ToList();
        Assert.Equal(["Hạn gửi kế hoạch CCHC năm 2019", "Hạn báo cáo quý I năm 2019", "Hạn báo cáo 6 tháng đầu năm 2019", "Hạn báo cáo quý III năm 2019",
            "Hạn báo cáo năm 2019"], events.Select(e => e.Summary));
    }

    [Fact]
    public async Task Debians_icalendar_reads_the_same_events_as_Ical_Net()
    {
        var secret = await UnitSecretAsync(await host.AdminAsync(), "STP");
        var body = await host.NewClient().GetStringAsync($"/calendar/{secret}.ics");
        var file = host.Folder.File("feed.ics");
        await File.WriteAllTextAsync(file, body);

        var python = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            [Path.Combine(RepoPaths.Root, "tests", "PlanTracker.Tests", "Features", "Calendar", "read_ics.py"), file])
        { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 })!;
        var output = await python.StandardOutput.ReadToEndAsync();
        var errors = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, errors);

        var read = JsonSerializer.Deserialize<List<PythonEvent>>(output, Json)!;
        var expected = Parse(body).Events.Select(e => new PythonEvent(e.Uid!, e.Summary!, e.DtStart!.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            1, true, e.Sequence, [.. e.Alarms.Select(a => (int)(a.Trigger!.Duration!.Value.ToTimeSpanUnspecified().TotalSeconds))])).ToList();
        Assert.Equal(expected.Count, read.Count);
        Assert.All(expected.Zip(read), pair =>
        {
            Assert.Equal(pair.First with { Alarms = [] }, pair.Second with { Alarms = [] });
            Assert.Equal(pair.First.Alarms, pair.Second.Alarms);
        });
        Assert.Contains(read, e => e.Alarms.SequenceEqual([-7 * 86400, -86400]));
        Assert.Contains(read, e => e.Summary.Contains("Hạn báo cáo quý III năm 2019", StringComparison.Ordinal));
    }

    private sealed record PythonEvent(string Uid, string Summary, string Dtstart, int Days, bool AllDay, int Sequence, int[] Alarms);
}

public class CalendarFeedMissLimitTests(CalendarFeedMissLimitTests.Host host) : IClassFixture<CalendarFeedMissLimitTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["CalendarFeeds:MissesPerMinute"] = "2";
    }

    [Fact]
    public async Task An_address_past_its_unknown_secrets_per_minute_gets_429_with_Retry_After()
    {
        var client = host.NewClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/calendar/0000000000000000000000000000000000000001.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/calendar/0000000000000000000000000000000000000002.ics")).StatusCode);
        var refused = await client.GetAsync("/calendar/0000000000000000000000000000000000000003.ics");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, refused.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("địa chỉ lịch không tồn tại", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
