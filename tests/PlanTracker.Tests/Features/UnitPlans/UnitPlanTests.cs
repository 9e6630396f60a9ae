using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Data;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.UnitPlans;

/// <summary>
/// Units' own plans from Plan 163 (III.1.a: each unit's plan is due at Sở Nội vụ before 31/01/2019). Each test works
/// on its own unit, so that the tests of the class share one host.
/// </summary>
public class UnitPlanTests(UnitPlanTests.Host host) : IClassFixture<UnitPlanTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-01-20";
    }

    public sealed class LateHost : PlanTrackerFactory
    {
        public LateHost() => Settings["Clock:Today"] = "2019-02-05";
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    internal static async Task<int> CityPlanIdAsync(PlanTrackerFactory host)
    {
        await using var db = host.NewDbContext();
        return await db.Plans.Where(p => p.Kind == PlanKind.CityAnnual && p.Year == 2019).Select(p => p.Id).SingleAsync();
    }

    /// <summary>Clicks "Lập kế hoạch của đơn vị" and answers the unit plan's id from the redirect.</summary>
    internal static async Task<int> StartAsync(PlanTrackerFactory host, HttpClient client, string unitCode)
    {
        var unit = await host.UnitIdAsync(unitCode);
        var response = await client.PostFormAsync($"/unit-plans?unit={unit}",
            [new("unit", Id(unit)), new("cityPlanId", Id(await CityPlanIdAsync(host)))], "/unit-plans?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('?')[0]["/unit-plans/".Length..], CultureInfo.InvariantCulture);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, int planId, string handler, params (string, string)[] fields) =>
        client.PostFormAsync("/tasks", fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)), $"/unit-plans/{planId}?handler={handler}");

    /// <summary>The city tasks of Plan 163 naming the unit as lead or coordinating, directly or through a group, read straight from the tables.</summary>
    private static async Task<HashSet<int>> CityTasksNamingAsync(PlanTrackerDbContext db, int cityPlanId, int unitId)
    {
        var groups = await db.UnitGroupMembers.Where(m => m.UnitId == unitId).Select(m => m.UnitGroupId).ToListAsync();
        return (await db.TaskAssignments
                .Where(a => !a.IsRetired && !a.Task!.IsRetired && a.Task.Section!.PlanId == cityPlanId)
                .Select(a => new { a.TaskId, a.UnitId, a.UnitGroupId }).ToListAsync())
            .Where(a => a.UnitId == unitId || (a.UnitGroupId is { } g && groups.Contains(g)))
            .Select(a => a.TaskId).ToHashSet();
    }

    [Fact]
    public async Task Sở_Tư_pháp_starts_its_plan_from_Plan_163_with_exactly_the_city_tasks_it_leads_or_coordinates()
    {
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var stp = await host.UnitIdAsync("STP");
        var city = await CityPlanIdAsync(host);

        var planId = await StartAsync(host, editor, "STP");
        var again = await StartAsync(host, editor, "STP");

        Assert.Equal(planId, again);
        await using var db = host.NewDbContext();
        var plan = await db.Plans.SingleAsync(p => p.Kind == PlanKind.UnitAnnual && p.UnitId == stp);
        Assert.Equal((planId, city, 2019, 2019, PlanStatus.Draft, "…/KH-STP"), (plan.Id, plan.ParentPlanId, plan.Year, plan.EndYear, plan.Status, plan.Number));
        var tasks = await db.Tasks.Where(t => t.Section!.PlanId == planId)
            .Include(t => t.Citations).Include(t => t.Deliverables).Include(t => t.Assignments).ToListAsync();
        var expected = await CityTasksNamingAsync(db, city, stp);
        Assert.Equal(expected.Order(), tasks.Select(t => t.Citations.Single().CitedTaskId).Order());
        Assert.True(expected.Count >= 10, $"Sở Tư pháp leads or coordinates {expected.Count} tasks of Plan 163");
        Assert.All(tasks, t => Assert.Equal(stp, t.Assignments.Single().UnitId));
        var oneA = tasks.Single(t => t.Code == "1.a"); // led by Sở Tư pháp: a plan due Q4/2018 and a report due Q4/2019
        Assert.Equal([("Kế hoạch", "Quý IV năm 2018", new DateOnly(2018, 12, 31)), ("Báo cáo", "Quý IV năm 2019", new DateOnly(2019, 12, 31))],
            oneA.Deliverables.OrderBy(d => d.SortOrder).Select(d => (d.Product, d.DeadlineText, d.DeadlineDue)));
        Assert.Single(await db.ChangeRecords.Where(c => c.Action == "UnitPlanStarted" && c.EntityId == planId).ToListAsync());

        var page = await editor.GetDocumentAsync($"/unit-plans/{planId}"); // the unit's own draft stays visible to it
        Assert.Equal(tasks.Count, page.QuerySelectorAll("article.unit-task").Length);
    }

    [Fact]
    public async Task A_units_plan_owes_no_reports_of_its_own()
    {
        var planId = await StartAsync(host, await host.AdminAsync(), "SNNPTNT");
        var schedule = host.Services.GetRequiredService<ReportSchedule>();
        await using var db = host.NewDbContext();

        var obligations = await ReportObligations.LoadAsync(db, schedule, new DateOnly(2019, 1, 20));

        Assert.NotEmpty(obligations);
        Assert.DoesNotContain(obligations, o => o.PlanId == planId);
    }

    [Fact]
    public async Task A_units_plan_is_neither_listed_nor_opened_by_default_on_the_city_pages()
    {
        await StartAsync(host, await host.AdminAsync(), "SNV");
        var viewer = await host.ViewerAsync();

        var plans = await viewer.GetDocumentAsync("/plans");
        var tasks = await viewer.GetStringAsync("/tasks");

        Assert.Equal(["163/KH-UBND"], plans.QuerySelectorAll("td > a[href^=\"/plans/\"]").Select(a => a.TextContent));
        Assert.Contains("163/KH-UBND", PageText.Text(tasks));
        Assert.DoesNotContain("…/KH-SNV", tasks);
    }

    [Fact]
    public async Task A_unit_adds_its_own_task_and_a_city_task_it_removes_is_listed_as_left_out()
    {
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "SYT");
        var planId = await StartAsync(host, editor, "SYT");
        int sectionId, removedId, removedCityId;
        string removedCode;
        await using (var db = host.NewDbContext())
        {
            sectionId = await db.Sections.Where(s => s.PlanId == planId && s.Number == 1).Select(s => s.Id).SingleAsync();
            var first = await db.Tasks.Where(t => t.Section!.PlanId == planId).Include(t => t.Citations).OrderBy(t => t.Id).FirstAsync();
            (removedId, removedCityId, removedCode) = (first.Id, first.Citations.Single().CitedTaskId, first.Code);
        }

        var added = await PostAsync(editor, planId, "AddTask", ("SectionId", Id(sectionId)), ("Code", "1.đv1"),
            ("Activity", "Rà soát thủ tục hành chính ngành y tế"), ("Product", "Báo cáo rà soát"), ("DeadlineText", "Quý II năm 2019"));
        var removed = await PostAsync(editor, planId, "RemoveTask", ("taskId", Id(removedId)));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        await using (var db = host.NewDbContext())
        {
            var own = await db.Tasks.Include(t => t.Deliverables).Include(t => t.Assignments).SingleAsync(t => t.Section!.PlanId == planId && t.Code == "1.đv1");
            Assert.Equal(new DateOnly(2019, 6, 30), own.Deliverables.Single().DeadlineDue);
            Assert.Equal(await host.UnitIdAsync("SYT"), own.Assignments.Single().UnitId);
            Assert.Contains(await db.ChangeRecords.ToListAsync(), c => c.Action == "TaskRetired" && c.TaskId == removedId);
        }
        var coverage = await (await host.ViewerAsync()).GetDocumentAsync($"/unit-plans/coverage?plan={await CityPlanIdAsync(host)}");
        var row = coverage.Find($"#coverage tr[data-unit=\"{await host.UnitIdAsync("SYT")}\"]");
        var leftOut = row.QuerySelectorAll("td.left-out a").ToList();
        Assert.Equal([removedCode], leftOut.Select(a => a.TextContent));
        Assert.Equal($"/tasks/{removedCityId}", leftOut.Single().GetAttribute("href"));
    }

    [Fact]
    public async Task Submitting_before_31_01_2019_activates_the_plan_and_records_the_annual_plan_on_time()
    {
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STTTT");
        var unit = await host.UnitIdAsync("STTTT");
        var planId = await StartAsync(host, editor, "STTTT");
        var version = PageText.InputValue(await editor.GetStringAsync($"/unit-plans/{planId}"), "Version");

        var placeholder = await PostAsync(editor, planId, "Submit", ("Version", version), ("DocumentDate", "2019-01-18"));
        var numbered = await PostAsync(editor, planId, "Header", ("Version", version), ("Number", "15/KH-STTTT"),
            ("Title", "Kế hoạch cải cách hành chính năm 2019 của Sở Thông tin và Truyền thông"));
        version = PageText.InputValue(await editor.GetStringAsync($"/unit-plans/{planId}"), "Version");
        var submitted = await PostAsync(editor, planId, "Submit", ("Version", version), ("DocumentDate", "2019-01-18"));

        Assert.Equal(HttpStatusCode.OK, placeholder.StatusCode);
        Assert.Contains("Ghi số kế hoạch của đơn vị", PageText.Text(await placeholder.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, numbered.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        await using var db = host.NewDbContext();
        Assert.Equal(PlanStatus.Active, await db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync());
        var submission = await db.ReportSubmissions().SingleAsync(s => s.UnitId == unit);
        Assert.Equal((await CityPlanIdAsync(host), "2019-PLAN", "15/KH-STTTT", new DateOnly(2019, 1, 18), new DateOnly(2019, 1, 20)),
            (submission.PlanId, submission.PeriodKey, submission.DocumentNumber, submission.DocumentDate, submission.SubmittedOn));
        Assert.Contains(await db.ChangeRecords.ToListAsync(), c => c.Action == "UnitPlanSubmitted" && c.EntityId == planId);
        var row = (await (await host.AdminAsync()).GetDocumentAsync("/unit-plans/coverage")).Find($"#coverage tr[data-unit=\"{unit}\"]");
        Assert.Equal("Nộp đúng hạn", row.Find("td.state").TextContent);
        // Submitted, the plan is a record: its own editor can no longer change it.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(editor, planId, "RemoveTask", ("taskId", "1"))).StatusCode);
        // ... and its tasks are the unit's work on "Nhiệm vụ của tôi", beside the city plan's.
        var mine = await editor.GetDocumentAsync("/my");
        Assert.NotNull(mine.QuerySelector($"section.plan-group[data-plan=\"{planId}\"]"));
        Assert.NotNull(mine.QuerySelector($"section.plan-group[data-plan=\"{await CityPlanIdAsync(host)}\"]"));
    }

    [Fact]
    public async Task A_plan_submitted_after_31_01_2019_is_recorded_late()
    {
        using var late = new LateHost();
        var editor = await late.SignedInClientAsync(Roles.UnitEditor, "STC");
        var unit = await late.UnitIdAsync("STC");
        var planId = await StartAsync(late, editor, "STC");
        var version = PageText.InputValue(await editor.GetStringAsync($"/unit-plans/{planId}"), "Version");
        await PostAsync(editor, planId, "Header", ("Version", version), ("Number", "9/KH-STC"), ("Title", "Kế hoạch CCHC năm 2019 của Sở Tài chính"));
        version = PageText.InputValue(await editor.GetStringAsync($"/unit-plans/{planId}"), "Version");

        var submitted = await PostAsync(editor, planId, "Submit", ("Version", version), ("DocumentDate", "2019-02-01"));

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var row = (await (await late.ViewerAsync()).GetDocumentAsync("/unit-plans/coverage")).Find($"#coverage tr[data-unit=\"{unit}\"]");
        Assert.Equal("Nộp trễ hạn", row.Find("td.state").TextContent);
        Assert.Equal("05/02/2019", row.QuerySelectorAll("td")[2].TextContent);
    }

    [Fact]
    public async Task Another_units_editor_gets_403_on_the_plan_and_its_posts_and_nothing_is_written()
    {
        var planId = await StartAsync(host, await host.SignedInClientAsync(Roles.UnitEditor, "SKHDT"), "SKHDT");
        var skhdt = await host.UnitIdAsync("SKHDT");
        var other = await host.SignedInClientAsync(Roles.UnitEditor, "CUCTHUE");
        await using var before = host.NewDbContext();
        var records = await before.ChangeRecords.CountAsync();
        var sectionId = await before.Sections.Where(s => s.PlanId == planId).Select(s => s.Id).FirstAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/unit-plans/{planId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/unit-plans?unit={skhdt}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(other, planId, "AddTask", ("SectionId", Id(sectionId)), ("Code", "x.1"),
            ("Activity", "Nhiệm vụ lạ"), ("Product", "Báo cáo"), ("DeadlineText", "Quý II năm 2019"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(other, planId, "Submit", ("Version", "0"), ("DocumentDate", "2019-01-18"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostFormAsync("/tasks",
            [new("unit", Id(skhdt)), new("cityPlanId", Id(await CityPlanIdAsync(host)))], "/unit-plans?handler=Start")).StatusCode);

        await using var db = host.NewDbContext();
        Assert.Equal(records, await db.ChangeRecords.CountAsync());
        Assert.False(await db.Tasks.AnyAsync(t => t.Code == "x.1"));
        Assert.Equal(PlanStatus.Draft, await db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync());
    }

    [Fact]
    public async Task A_viewer_sees_the_coverage_and_reads_a_units_plan_but_changes_nothing()
    {
        var planId = await StartAsync(host, await host.AdminAsync(), "SGDDT");
        var viewer = await host.ViewerAsync();

        var coverage = await viewer.GetDocumentAsync("/unit-plans/coverage");
        var plan = await viewer.GetAsync($"/unit-plans/{planId}");
        var post = await PostAsync(viewer, planId, "RemoveTask", ("taskId", "1"));

        Assert.NotEmpty(coverage.QuerySelectorAll("#coverage tbody tr"));
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        Assert.Empty(PageText.Parse(await plan.Content.ReadAsStringAsync()).QuerySelectorAll("form[action*=handler]"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignedInClientAsync(Roles.UnitEditor, "STP")).GetAsync("/unit-plans/coverage")).StatusCode);
    }

    [Fact]
    public async Task An_unreadable_deadline_or_a_missing_activity_is_refused_in_Vietnamese_and_nothing_is_written()
    {
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "SKHCN");
        var planId = await StartAsync(host, editor, "SKHCN");
        await using var before = host.NewDbContext();
        var records = await before.ChangeRecords.CountAsync();
        var tasks = await before.Tasks.CountAsync(t => t.Section!.PlanId == planId);
        var sectionId = await before.Sections.Where(s => s.PlanId == planId).Select(s => s.Id).FirstAsync();

        var unreadable = await PostAsync(editor, planId, "AddTask", ("SectionId", Id(sectionId)), ("Code", "1.đv9"),
            ("Activity", "Số hóa hồ sơ"), ("Product", "Hồ sơ số"), ("DeadlineText", "khi nào xong thì thôi"));
        var empty = await PostAsync(editor, planId, "AddTask", ("SectionId", Id(sectionId)), ("Code", "1.đv9"),
            ("Activity", " "), ("Product", "Hồ sơ số"), ("DeadlineText", "Quý II năm 2019"));

        Assert.Equal(HttpStatusCode.OK, unreadable.StatusCode);
        var page = PageText.Parse(await unreadable.Content.ReadAsStringAsync());
        Assert.Contains("Không hiểu thời hạn “khi nào xong thì thôi”", page.Find("[role=alert]").TextContent);
        Assert.Equal("1.đv9", page.Find("input[name=Code]").GetAttribute("value")); // what was typed stays
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Nhập nội dung nhiệm vụ.", PageText.Text(await empty.Content.ReadAsStringAsync()));
        await using var db = host.NewDbContext();
        Assert.Equal(records, await db.ChangeRecords.CountAsync());
        Assert.Equal(tasks, await db.Tasks.CountAsync(t => t.Section!.PlanId == planId));
    }

    [Fact]
    public async Task An_edit_from_a_stale_page_is_refused_and_the_saved_text_stays()
    {
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "UBND_NINHKIEU");
        var planId = await StartAsync(host, editor, "UBND_NINHKIEU");
        PlanTask task;
        await using (var db = host.NewDbContext())
            task = await db.Tasks.AsNoTracking().Where(t => t.Section!.PlanId == planId).OrderBy(t => t.Id).FirstAsync();
        var (taskId, version) = (task.Id, task.Version);

        var first = await PostAsync(editor, planId, "EditTask", ("taskId", Id(taskId)), ("Version", Id(version)), ("Activity", "Bản sửa thứ nhất"));
        var stale = await PostAsync(editor, planId, "EditTask", ("taskId", Id(taskId)), ("Version", Id(version)), ("Activity", "Bản sửa cũ"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("vừa được", PageText.Text(await stale.Content.ReadAsStringAsync()));
        await using var after = host.NewDbContext();
        Assert.Equal("Bản sửa thứ nhất", await after.Tasks.Where(t => t.Id == taskId).Select(t => t.Activity).SingleAsync());
    }
}
