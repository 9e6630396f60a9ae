using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Admin.Plans;

public class PlanCreationTests(PlanCreationTests.Host host) : IClassFixture<PlanCreationTests.Host>
{
    public sealed class Host : PlanTrackerFactory;

    private static (string, string)[] NewPlan(string number, string year, string copy, int copyFrom = 1) =>
    [
        ("NewPlan.Number", number), ("NewPlan.Title", $"Công tác cải cách hành chính năm {year}"), ("NewPlan.Year", year),
        ("NewPlan.IssuedOn", "2019-12-27"), ("NewPlan.Issuer", "Ủy ban nhân dân thành phố Cần Thơ"),
        ("NewPlan.SignedBy", "Người ký thử"), ("NewPlan.SignerTitle", "Chủ tịch"), ("copyFrom", $"{copyFrom}"), ("copy", copy),
    ];

    [Fact]
    public async Task Next_years_plan_copies_sections_tasks_and_units_and_rereads_only_deadlines_without_a_year()
    {
        var admin = await host.AdminAsync();

        var (response, html) = await admin.SubmitAsync("/admin/plans", "Create", NewPlan("210/KH-UBND", "2020", "Everything"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Đã tạo kế hoạch 210/KH-UBND năm 2020", html);
        await using var db = host.NewDbContext();
        var plan = await db.Plans.Include(p => p.Sections).SingleAsync(p => p.Number == "210/KH-UBND" && p.Year == 2020);
        Assert.Equal(new DateOnly(2019, 12, 27), plan.IssuedOn);
        Assert.Equal("Người ký thử", plan.SignedBy);
        var source = await db.Sections.Where(s => s.PlanId == 1).OrderBy(s => s.SortOrder).Select(s => new { s.Number, s.Title }).ToListAsync();
        Assert.Equal(source, plan.Sections.OrderBy(s => s.SortOrder).Select(s => new { s.Number, s.Title }).ToList());

        var tasks = await db.Tasks.Include(t => t.Deliverables).Include(t => t.Assignments).Include(t => t.ParentTask)
            .Where(t => t.Section!.PlanId == plan.Id).ToListAsync();
        Assert.Equal(await db.Tasks.CountAsync(t => t.Section!.PlanId == 1), tasks.Count);
        var deliverables = tasks.SelectMany(t => t.Deliverables).ToList();
        Assert.Equal(await db.Deliverables.CountAsync(d => d.Task!.Section!.PlanId == 1), deliverables.Count);

        var quarterly = deliverables.Single(d => d.DeadlineText == "Hàng quý");
        Assert.Equal((DeadlineKind.RecurringQuarterly, new DateOnly(2020, 12, 31)), (quarterly.DeadlineKind, quarterly.DeadlineDue));
        var firstQuarter = deliverables.Single(d => d.DeadlineText == "Quý I");
        Assert.Equal(new DateOnly(2020, 3, 31), firstQuarter.DeadlineDue);
        Assert.All(deliverables.Where(d => d.DeadlineText == "Trong năm 2019"), d => Assert.Equal(new DateOnly(2019, 12, 31), d.DeadlineDue));
        Assert.Equal(new DateOnly(2018, 12, 31), deliverables.Single(d => d.DeadlineText == "Quý IV năm 2018").DeadlineDue);

        var task1a = tasks.Single(t => t.Code == "1.a");
        Assert.Contains(task1a.Assignments, a => a.Role == AssignmentRole.Lead && a.PrintedName == "Sở Tư pháp" && a.UnitId != null);
        Assert.Contains("so tu phap", task1a.SearchText);
        Assert.Equal("2.m", tasks.Single(t => t.Code == "2.m.1").ParentTask!.Code);

        var history = await db.ChangeRecords.Where(c => c.PlanId == plan.Id).ToListAsync();
        Assert.Single(history, c => c.Action == "PlanCreated" && c.EntityId == plan.Id && c.AfterJson!.Contains("210/KH-UBND"));
        Assert.Equal(tasks.Select(t => t.Id).Order(), history.Where(c => c.Action == "TaskCreated").Select(c => c.TaskId!.Value).Order());
        Assert.All(history, c => Assert.StartsWith("Người dùng admin", c.UserName));
    }

    [Fact]
    public async Task Copying_sections_only_gives_the_same_sections_and_no_tasks()
    {
        var admin = await host.AdminAsync();

        await admin.SubmitAsync("/admin/plans", "Create", NewPlan("5/KH-UBND", "2021", "Sections"));

        await using var db = host.NewDbContext();
        var plan = await db.Plans.Include(p => p.Sections).ThenInclude(s => s.Tasks).SingleAsync(p => p.Number == "5/KH-UBND");
        Assert.Equal(7, plan.Sections.Count);
        Assert.All(plan.Sections, s => Assert.Empty(s.Tasks));
    }

    [Fact]
    public async Task Same_plan_number_in_the_same_year_is_refused_with_a_message()
    {
        var admin = await host.AdminAsync();
        var before = await host.FingerprintAsync();

        var (response, html) = await admin.SubmitAsync("/admin/plans", "Create", NewPlan("163/KH-UBND", "2019", "Nothing"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đã có kế hoạch số 163/KH-UBND năm 2019", EditorTesting.Decoded(html));
        Assert.Equal(before, await host.FingerprintAsync());
    }

    [Theory]
    [InlineData("1999")]
    [InlineData("2101")]
    [InlineData("năm sau")]
    public async Task Year_out_of_range_is_refused_with_a_message(string year)
    {
        var admin = await host.AdminAsync();
        var before = await host.FingerprintAsync();

        var (response, html) = await admin.SubmitAsync("/admin/plans", "Create", NewPlan("77/KH-UBND", year, "Nothing"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Năm kế hoạch phải là số nguyên từ 2000 đến 2100.", EditorTesting.Decoded(html));
        Assert.Contains(year, EditorTesting.Decoded(html)); // what was typed stays in the form
        Assert.Equal(before, await host.FingerprintAsync());
    }

    [Fact]
    public async Task A_period_of_several_years_makes_a_programme_and_a_reversed_one_is_refused()
    {
        var admin = await host.AdminAsync();

        var (response, _) = await admin.SubmitAsync("/admin/plans", "Create", NewPlan("4200/QĐ-UBND", "2026 - 2030", "Nothing"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var db = host.NewDbContext())
        {
            var programme = await db.Plans.SingleAsync(p => p.Number == "4200/QĐ-UBND");
            Assert.Equal((PlanKind.Programme, 2026, 2030), (programme.Kind, programme.Year, programme.EndYear));
        }
        var before = await host.FingerprintAsync();
        var (refused, html) = await admin.SubmitAsync("/admin/plans", "Create", NewPlan("4201/QĐ-UBND", "2030-2026", "Nothing"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Giai đoạn kế hoạch phải gồm hai năm từ 2000 đến 2100, năm đầu trước năm cuối (ví dụ 2021-2025).", EditorTesting.Decoded(html));
        Assert.Equal(before, await host.FingerprintAsync());
    }

    [Fact]
    public async Task Empty_plan_number_and_title_are_refused_with_messages()
    {
        var admin = await host.AdminAsync();

        var (_, html) = await admin.SubmitAsync("/admin/plans", "Create", ("NewPlan.Number", " "), ("NewPlan.Title", ""), ("NewPlan.Year", "2022"), ("copy", "Nothing"));

        var text = EditorTesting.Decoded(html);
        Assert.Contains("Nhập số kế hoạch", text);
        Assert.Contains("Nhập tên kế hoạch.", text);
    }

    [Fact]
    public async Task Changing_the_plan_year_rereads_deadlines_without_a_year_and_records_both()
    {
        var admin = await host.AdminAsync();
        await admin.SubmitAsync("/admin/plans", "Create", NewPlan("9/KH-UBND", "2022", "Everything"));
        await using var db = host.NewDbContext();
        var plan = await db.Plans.SingleAsync(p => p.Number == "9/KH-UBND");
        var url = $"/admin/plans/{plan.Id}";
        var stamp = PageText.InputValue(await admin.GetStringAsync(url), "Header.Version");

        var (_, html) = await admin.SubmitAsync(url, "Header", ("Header.Number", "9/KH-UBND"), ("Header.Title", plan.Title),
            ("Header.Year", "2023"), ("Header.IssuedOn", "27/12/2022"), ("Header.Issuer", plan.Issuer!), ("Header.SignedBy", "Người ký khác"),
            ("Header.SignerTitle", plan.SignerTitle!), ("Header.Version", stamp));

        Assert.Contains("Đã lưu kế hoạch 9/KH-UBND.", html);
        await using var after = host.NewDbContext();
        var saved = await after.Plans.SingleAsync(p => p.Id == plan.Id);
        Assert.Equal((2023, new DateOnly(2022, 12, 27), "Người ký khác"), (saved.Year, saved.IssuedOn, saved.SignedBy));
        var quarterly = await after.Deliverables.SingleAsync(d => d.Task!.Section!.PlanId == plan.Id && d.DeadlineText == "Hàng quý");
        Assert.Equal(new DateOnly(2023, 12, 31), quarterly.DeadlineDue);
        var record = (await host.HistoryAsync("Plan", plan.Id)).Single(c => c.Action == "PlanUpdated");
        Assert.Equal(2022, EditorTesting.Json(record.BeforeJson).GetProperty("Year").GetInt32());
        Assert.Equal(2023, EditorTesting.Json(record.AfterJson).GetProperty("Year").GetInt32());
        Assert.False(EditorTesting.Json(record.BeforeJson).TryGetProperty("Title", out _)); // only changed fields
        Assert.Contains(await host.HistoryAsync("Deliverable", quarterly.Id), c => c.TaskId == quarterly.TaskId && c.AfterJson!.Contains("2023-12-31"));
    }

    [Fact]
    public async Task Second_header_edit_from_the_same_page_is_refused_and_shows_both_versions()
    {
        var admin = await host.AdminAsync();
        await admin.SubmitAsync("/admin/plans", "Create", NewPlan("11/KH-UBND", "2024", "Nothing"));
        await using var db = host.NewDbContext();
        var plan = await db.Plans.SingleAsync(p => p.Number == "11/KH-UBND");
        var url = $"/admin/plans/{plan.Id}";
        var stamp = PageText.InputValue(await admin.GetStringAsync(url), "Header.Version");
        (string, string)[] Edit(string title) =>
            [("Header.Number", "11/KH-UBND"), ("Header.Title", title), ("Header.Year", "2024"), ("Header.Version", stamp)];

        await admin.SubmitAsync(url, "Header", Edit("Tên do người thứ nhất sửa"));
        var (response, html) = await admin.SubmitAsync(url, "Header", Edit("Tên do người thứ hai sửa"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = EditorTesting.Decoded(html);
        Assert.Contains("Chưa lưu: mục này vừa được người khác sửa.", text);
        Assert.Contains("Tên do người thứ nhất sửa", text);
        Assert.Contains("Tên do người thứ hai sửa", text);
        await using var after = host.NewDbContext();
        Assert.Equal("Tên do người thứ nhất sửa", (await after.Plans.SingleAsync(p => p.Id == plan.Id)).Title);
    }
}
