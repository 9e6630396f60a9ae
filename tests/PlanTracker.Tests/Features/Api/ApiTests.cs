using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Api;

/// <summary>
/// The REST API on plan 163, today frozen at 01/10/2019. Task 1.a is led by Sở Tư pháp (STP) and coordinated, through
/// "UBND quận, huyện", by Ninh Kiều; its first deliverable ("Kế hoạch") was due 31/12/2018, its second is a report due Q4/2019.
/// </summary>
public class ApiTests(ApiTests.Host host) : IClassFixture<ApiTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    private async Task<int> PlanIdAsync()
    {
        await using var db = host.NewDbContext();
        return await db.Plans.Where(p => p.Number == "163/KH-UBND").Select(p => p.Id).SingleAsync();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response, expected);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString() ?? "";

    private static object Update(string status, int percent, string? completedOn, int version) =>
        new { status, progressPercent = percent, completedOn, resultText = "Đã ban hành", evidenceNumber = (string?)null, evidenceDate = (string?)null, version };

    [Fact]
    public async Task Plan_163_its_sections_and_task_1a_read_as_json()
    {
        var client = await host.ViewerAsync();
        var planId = await PlanIdAsync();

        var plans = await JsonAsync(await client.GetAsync("/api/v1/plans"));
        var plan = await JsonAsync(await client.GetAsync($"/api/v1/plans/{planId}"));
        var sections = await JsonAsync(await client.GetAsync($"/api/v1/plans/{planId}/sections"));
        var (taskId, _) = await host.DeliverableAsync("1.a");
        var task = await JsonAsync(await client.GetAsync($"/api/v1/tasks/{taskId}"));

        Assert.Contains(plans.GetProperty("items").EnumerateArray(), p => Text(p, "number") == "163/KH-UBND");
        Assert.Equal((2019, "active"), (plan.GetProperty("year").GetInt32(), Text(plan, "status")));
        Assert.True(sections.GetArrayLength() > 1);
        Assert.Equal(1, sections[0].GetProperty("number").GetInt32());
        Assert.Equal("1.a", Text(task, "code"));
        var stp = await host.UnitIdAsync("STP");
        Assert.Contains(task.GetProperty("assignments").EnumerateArray(), a => Text(a, "role") == "lead" && a.GetProperty("unitId").GetInt32() == stp);
        Assert.Equal("2018-12-31", Text(task.GetProperty("deliverables")[0], "deadlineDue"));
    }

    [Fact]
    public async Task Deliverables_carry_their_state_as_of_the_day_asked_for()
    {
        var client = await host.ViewerAsync();
        var planId = await PlanIdAsync();
        var (_, planned) = await host.DeliverableAsync("1.a", 0);

        var overdueNow = await JsonAsync(await client.GetAsync($"/api/v1/deliverables?plan={planId}&state=Overdue&pageSize=500"));
        var overdueBefore = await JsonAsync(await client.GetAsync($"/api/v1/deliverables?plan={planId}&state=Overdue&asOf=2018-12-01&pageSize=500"));
        var one = await JsonAsync(await client.GetAsync($"/api/v1/deliverables/{planned}?asOf=2018-12-01"));

        Assert.Equal("2019-10-01", Text(overdueNow, "asOf"));
        Assert.Contains(overdueNow.GetProperty("items").EnumerateArray(), i => i.GetProperty("deliverableId").GetInt32() == planned);
        Assert.All(overdueNow.GetProperty("items").EnumerateArray(), i => Assert.Equal("overdue", Text(i, "state")));
        Assert.DoesNotContain(overdueBefore.GetProperty("items").EnumerateArray(), i => i.GetProperty("deliverableId").GetInt32() == planned);
        Assert.Equal("2018-12-01", Text(one, "asOf"));
        Assert.NotEqual("overdue", Text(one.GetProperty("items")[0], "state"));
    }

    [Fact]
    public async Task Lists_page_in_a_stable_order_with_the_total_and_take_the_task_lists_filters()
    {
        var client = await host.ViewerAsync();
        var planId = await PlanIdAsync();
        var stp = await host.UnitIdAsync("STP");

        var first = await JsonAsync(await client.GetAsync($"/api/v1/tasks?plan={planId}&page=1&pageSize=10"));
        var second = await JsonAsync(await client.GetAsync($"/api/v1/tasks?plan={planId}&page=2&pageSize=10"));
        var all = await JsonAsync(await client.GetAsync($"/api/v1/tasks?plan={planId}&pageSize=500"));
        var searched = await JsonAsync(await client.GetAsync($"/api/v1/tasks?plan={planId}&q=so+tu+phap&pageSize=500"));
        var stpItems = await JsonAsync(await client.GetAsync($"/api/v1/deliverables?plan={planId}&unit={stp}&state=All&pageSize=500"));
        var section2 = await JsonAsync(await client.GetAsync($"/api/v1/tasks?plan={planId}&section=2&pageSize=500"));

        var codes = (JsonElement page) => page.GetProperty("items").EnumerateArray().Select(t => Text(t, "code")).ToList();
        Assert.Equal(10, codes(first).Count);
        Assert.Equal(codes(all).Take(20), codes(first).Concat(codes(second)));
        Assert.Equal(all.GetProperty("total").GetInt32(), first.GetProperty("total").GetInt32());
        Assert.Equal(all.GetProperty("total").GetInt32(), codes(all).Count);
        Assert.Contains("1.a", codes(searched));
        Assert.True(codes(searched).Count < codes(all).Count);
        Assert.NotEmpty(stpItems.GetProperty("items").EnumerateArray());
        Assert.All(stpItems.GetProperty("items").EnumerateArray(), i => Assert.Equal(stp, i.GetProperty("unitId").GetInt32()));
        Assert.All(section2.GetProperty("items").EnumerateArray(), t => Assert.Equal(2, t.GetProperty("sectionNumber").GetInt32()));
    }

    [Theory]
    [InlineData("2019-10-01", "")]
    [InlineData("2019-07-15", "")]
    [InlineData("2019-10-01", "&Q=so+tu+phap")]
    public async Task The_overdue_list_is_the_task_lists_and_the_one_read_item_by_item(string asOf, string filter)
    {
        var client = await host.ViewerAsync();
        var planId = await PlanIdAsync();

        var api = await JsonAsync(await client.GetAsync($"/api/v1/deliverables?plan={planId}&state=Overdue&asOf={asOf}{filter}&pageSize=500"));
        var page = await client.GetDocumentAsync($"/tasks?Plan={planId}&State=Overdue&AsOf={asOf}{filter}&size=100");
        await using var db = host.NewDbContext();
        var tasks = new Web.Features.Tasks.TaskFilter { Q = filter.Length == 0 ? null : "so tu phap" };
        var read = await tasks.ItemsAsync(db, await tasks.ApplyAsync(db, db.Tasks, planId), planId, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture),
            new HashSet<Core.States.DeliverableState> { Core.States.DeliverableState.Overdue });

        var apiRows = api.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("deliverableId").GetInt32(), i.GetProperty("unitId").GetInt32(), Text(i, "period"))).ToList();
        Assert.NotEmpty(apiRows);
        Assert.Equal(read.Count, api.GetProperty("total").GetInt32());
        Assert.Equal(read.Select(i => (i.DeliverableId, i.UnitId, i.Period)).Order(), apiRows.Order());
        Assert.Equal(api.GetProperty("total").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.Find("#item-count").GetAttribute("data-count"));
        var pageRows = page.QuerySelectorAll("table.items tbody tr").ToList();
        Assert.All(pageRows, r => Assert.Equal("Overdue", r.GetAttribute("data-state")));
        Assert.Equal(api.GetProperty("items").EnumerateArray().Take(100).Select(i => $"/tasks/{i.GetProperty("taskId").GetInt32()}"),
            pageRows.Select(r => r.QuerySelector("td a")!.GetAttribute("href")));
    }

    [Fact]
    public async Task The_kept_overdue_list_drops_an_item_as_soon_as_its_unit_reports_it_done()
    {
        var planId = await PlanIdAsync();
        var stp = await host.UnitIdAsync("STP");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var url = $"/api/v1/deliverables?plan={planId}&state=Overdue&pageSize=500";

        var before = await JsonAsync(await client.GetAsync(url));
        var kept = await JsonAsync(await client.GetAsync(url));
        // Not 1.a: the other tests of this class read and write it.
        var item = before.GetProperty("items").EnumerateArray()
            .Last(i => i.GetProperty("unitId").GetInt32() == stp && Text(i, "period") == "" && Text(i, "taskCode") != "1.a");
        var deliverableId = item.GetProperty("deliverableId").GetInt32();
        await JsonAsync(await client.PutAsJsonAsync($"/api/v1/deliverables/{deliverableId}/progress/{stp}",
            Update("Done", 100, "2019-09-30", item.GetProperty("version").GetInt32())));
        var after = await JsonAsync(await client.GetAsync(url));

        var total = before.GetProperty("total").GetInt32();
        Assert.Equal(total, kept.GetProperty("total").GetInt32());
        Assert.Equal(total - 1, after.GetProperty("total").GetInt32());
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(),
            i => i.GetProperty("deliverableId").GetInt32() == deliverableId && i.GetProperty("unitId").GetInt32() == stp);
    }

    [Fact]
    public async Task Lead_editor_records_progress_through_the_pages_rules()
    {
        var (taskId, deliverableId) = await host.DeliverableAsync("1.a", 0);
        var stp = await host.UnitIdAsync("STP");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        var saved = await JsonAsync(await client.PutAsJsonAsync($"/api/v1/deliverables/{deliverableId}/progress/{stp}",
            Update("Done", 100, "2019-02-15", 0)));
        var item = await JsonAsync(await client.GetAsync($"/api/v1/deliverables/{deliverableId}"));

        Assert.Equal(("done", 1, "2019-02-15"), (Text(saved, "status"), saved.GetProperty("version").GetInt32(), Text(saved, "completedOn")));
        Assert.EndsWith("Z", Text(saved, "updatedAtUtc"), StringComparison.Ordinal);
        var stpItem = item.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("unitId").GetInt32() == stp);
        Assert.Equal(("doneLate", 1), (Text(stpItem, "state"), stpItem.GetProperty("version").GetInt32()));
        await using var db = host.NewDbContext();
        Assert.True(await db.ChangeRecords.AnyAsync(c => c.TaskId == taskId && c.EntityId == deliverableId && c.Action == "ProgressUpdated"));
    }

    [Theory]
    [InlineData("UBND_NINHKIEU")] // coordinates 1.a
    [InlineData("CUCTHUE")] // not on 1.a
    [InlineData(null)] // a viewer
    public async Task Others_than_the_lead_unit_are_refused_with_a_403_problem(string? unitCode)
    {
        var (_, deliverableId) = await host.DeliverableAsync("1.a", 1);
        var stp = await host.UnitIdAsync("STP");
        var client = unitCode is null ? await host.ViewerAsync() : await host.SignedInClientAsync(Roles.UnitEditor, unitCode);

        var response = await client.PutAsJsonAsync($"/api/v1/deliverables/{deliverableId}/progress/{stp}?period=", Update("InProgress", 30, null, 0));

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("Không có quyền", Text(problem, "title"));
    }

    [Fact]
    public async Task A_stale_write_answers_409_with_both_versions_and_the_current_values()
    {
        var (_, deliverableId) = await host.DeliverableAsync("1.b", 0);
        var (taskId, _) = await host.DeliverableAsync("1.b", 0);
        var admin = await host.AdminAsync();
        var task = await JsonAsync(await admin.GetAsync($"/api/v1/tasks/{taskId}"));
        var lead = task.GetProperty("assignments").EnumerateArray().First(a => Text(a, "role") == "lead" && a.GetProperty("unitId").ValueKind == JsonValueKind.Number)
            .GetProperty("unitId").GetInt32();
        var url = $"/api/v1/deliverables/{deliverableId}/progress/{lead}";
        await JsonAsync(await admin.PutAsJsonAsync(url, Update("InProgress", 40, null, 0)));

        var stale = await admin.PutAsJsonAsync(url, Update("InProgress", 60, null, 0));

        var problem = await ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal((0, 1), (problem.GetProperty("yourVersion").GetInt32(), problem.GetProperty("currentVersion").GetInt32()));
        Assert.Equal(40, problem.GetProperty("current").GetProperty("progressPercent").GetInt32());
        Assert.Equal("Xung đột phiên bản", Text(problem, "title"));
        await JsonAsync(await admin.PutAsJsonAsync(url, Update("InProgress", 60, null, 1)));
    }

    [Theory]
    [InlineData(null, "Yêu cầu không hợp lệ", "Nhập ngày hoàn thành khi trạng thái là Hoàn thành.")]
    [InlineData("vi-VN,vi;q=0.9", "Yêu cầu không hợp lệ", "Nhập ngày hoàn thành khi trạng thái là Hoàn thành.")]
    [InlineData("en-US,en;q=0.9,vi;q=0.5", "The request is not valid", "Enter the completion date when the status is Done.")]
    public async Task Invalid_progress_answers_400_in_Vietnamese_or_English(string? acceptLanguage, string title, string message)
    {
        var (_, deliverableId) = await host.DeliverableAsync("1.a", 1);
        var stp = await host.UnitIdAsync("STP");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/deliverables/{deliverableId}/progress/{stp}")
        {
            Content = JsonContent.Create(Update("Done", 100, null, 0)),
        };
        if (acceptLanguage is not null) request.Headers.Add("Accept-Language", acceptLanguage);

        var problem = await ProblemAsync(await client.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.Equal(title, Text(problem, "title"));
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("completedOn")[0].GetString());
    }

    [Fact]
    public async Task A_page_size_over_the_maximum_is_a_400_problem()
    {
        var client = await host.ViewerAsync();

        var problem = await ProblemAsync(await client.GetAsync("/api/v1/tasks?pageSize=100000"), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Theory]
    [InlineData("/api/v1/plans/999999")]
    [InlineData("/api/v1/tasks/999999")]
    [InlineData("/api/v1/deliverables/999999")]
    [InlineData("/api/v1/no-such-resource")]
    public async Task Unknown_items_and_addresses_are_404_problems(string path)
    {
        var client = await host.ViewerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept-Language", "en");

        var problem = await ProblemAsync(await client.SendAsync(request), HttpStatusCode.NotFound);

        Assert.Equal("Not found", Text(problem, "title"));
    }

    [Fact]
    public async Task Anonymous_callers_get_a_401_problem_not_the_sign_in_redirect()
    {
        var response = await host.NewClient().GetAsync("/api/v1/plans");

        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Null(response.Headers.Location);
        Assert.Equal("Chưa đăng nhập", Text(problem, "title"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        var (taskId, _) = await host.DeliverableAsync("1.a");
        var client = await host.AdminAsync();

        var response = await client.PostAsync($"/api/v1/tasks/{taskId}/comments", new StringContent("Ý kiến", System.Text.Encoding.UTF8, "text/plain"));

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Lead_editor_comments_and_the_comment_reads_back()
    {
        var (taskId, _) = await host.DeliverableAsync("1.a");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        var created = await JsonAsync(await client.PostAsJsonAsync($"/api/v1/tasks/{taskId}/comments", new { text = "Đã gửi dự thảo qua API" }),
            HttpStatusCode.Created);
        var comments = await JsonAsync(await client.GetAsync($"/api/v1/tasks/{taskId}/comments"));

        Assert.EndsWith("Z", Text(created, "createdAtUtc"), StringComparison.Ordinal);
        Assert.Contains(comments.EnumerateArray(), c => Text(c, "text") == "Đã gửi dự thảo qua API");
    }

    [Fact]
    public async Task The_pages_still_send_anonymous_visitors_to_the_sign_in_form()
    {
        var response = await host.NewClient().GetAsync("/tasks");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
