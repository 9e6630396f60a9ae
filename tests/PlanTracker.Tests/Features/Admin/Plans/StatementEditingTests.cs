using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Admin.Plans;

/// <summary>Objectives, their indicators and section III duties, edited like tasks: add, edit, remove, each recorded.</summary>
public class StatementEditingTests(StatementEditingTests.Host host) : IClassFixture<StatementEditingTests.Host>
{
    public sealed class Host : PlanTrackerFactory;

    private async Task<int> PlanAsync(string number, int year = 2021, int endYear = 2025, PlanStatus status = PlanStatus.Draft)
    {
        await using var db = host.NewDbContext();
        var plan = new Plan { Number = number, Title = "Kế hoạch thử", Year = year, EndYear = endYear, Status = status, Kind = PlanKind.Programme };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    }

    private async Task<(int ObjectiveId, int IndicatorId, int DutyId)> StatementsAsync(int planId)
    {
        await using var db = host.NewDbContext();
        var objective = new Objective { PlanId = planId, Code = "1", Text = "Mục tiêu thử", Kind = ObjectiveKind.Objective };
        var indicator = new Indicator { Objective = objective, Text = "Tỷ lệ thử", Target = 50, Unit = "%", Steps = [new IndicatorStep { Year = 2022, Target = 30 }] };
        var duty = new PlanDuty { PlanId = planId, Code = "III.1", Text = "Báo cáo thử", PrintedUnits = "Sở, ban, ngành thành phố", DeadlineText = "Quý IV" };
        db.AddRange(objective, indicator, duty);
        await db.SaveChangesAsync();
        return (objective.Id, indicator.Id, duty.Id);
    }

    private static async Task<string> VersionAsync(HttpClient admin, string url) =>
        PageText.InputValue(await admin.GetStringAsync(url), "Input.Version");

    [Fact]
    public async Task Admin_adds_edits_and_removes_an_objective_and_each_is_recorded()
    {
        var planId = await PlanAsync("O1/KH");
        var admin = await host.AdminAsync();

        var (_, added) = await admin.SubmitAsync($"/admin/plans/{planId}/objectives/new", null,
            ("Input.Code", "QĐ.1"), ("Input.Kind", "Viewpoint"), ("Input.Text", "Cải cách hành chính là nhiệm vụ trọng tâm"), ("Input.Order", ""));
        Assert.Contains("Đã thêm quan điểm QĐ.1.", EditorTesting.Decoded(added));
        await using var db = host.NewDbContext();
        var objective = await db.Objectives.AsNoTracking().SingleAsync(o => o.PlanId == planId);
        Assert.Equal((ObjectiveKind.Viewpoint, 0), (objective.Kind, objective.SortOrder));
        var planPage = EditorTesting.Decoded(await admin.GetStringAsync($"/admin/plans/{planId}"));
        Assert.Contains("Cải cách hành chính là nhiệm vụ trọng tâm", planPage);
        Assert.Contains("Quan điểm", planPage);

        var url = $"/admin/plans/objectives/{objective.Id}";
        var (edited, _) = await admin.SubmitAsync(url, null, ("Input.Code", "QĐ.1"), ("Input.Kind", "GeneralGoal"),
            ("Input.Text", "Nội dung đã sửa"), ("Input.Order", "1"), ("Input.Version", await VersionAsync(admin, url)));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var saved = await db.Objectives.AsNoTracking().SingleAsync(o => o.Id == objective.Id);
        Assert.Equal((ObjectiveKind.GeneralGoal, "Nội dung đã sửa", 1), (saved.Kind, saved.Text, saved.Version));

        var (removed, html) = await admin.SubmitAsync(url, "Remove", ("version", "1"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("Đã xoá mục tiêu chung QĐ.1.", EditorTesting.Decoded(html));
        Assert.False(await db.Objectives.AnyAsync(o => o.Id == objective.Id));
        var history = await host.HistoryAsync("Objective", objective.Id);
        Assert.Equal(["ObjectiveCreated", "ObjectiveUpdated", "ObjectiveRemoved"], history.Select(c => c.Action));
        Assert.All(history, c => Assert.Equal(planId, c.PlanId));
        Assert.Equal("Viewpoint", EditorTesting.Json(history[1].BeforeJson).GetProperty("Kind").GetString());
        Assert.Equal("GeneralGoal", EditorTesting.Json(history[1].AfterJson).GetProperty("Kind").GetString());
        Assert.Equal("Nội dung đã sửa", EditorTesting.Json(history[2].BeforeJson).GetProperty("Text").GetString());
    }

    [Fact]
    public async Task Admin_adds_edits_and_removes_an_indicator_with_its_yearly_steps()
    {
        var planId = await PlanAsync("I1/KH");
        var (objectiveId, _, _) = await StatementsAsync(planId);
        var admin = await host.AdminAsync();
        var stp = await host.UnitIdAsync("STP");

        var (_, added) = await admin.SubmitAsync($"/admin/plans/objectives/{objectiveId}", "AddIndicator",
            ("NewIndicator.Text", "Tỷ lệ số hóa kết quả giải quyết TTHC"), ("NewIndicator.Target", "100"), ("NewIndicator.Unit", "%"),
            ("NewIndicator.Level", "cấp tỉnh"), ("NewIndicator.TargetYear", "2025"), ("NewIndicator.ResponsibleUnitId", $"{stp}"),
            ("NewIndicator.Steps[0].Year", "2022"), ("NewIndicator.Steps[0].Target", "50"),
            ("NewIndicator.Steps[1].Year", "2023"), ("NewIndicator.Steps[1].Text", "tăng tối thiểu 20%"),
            ("NewIndicator.Steps[2].Year", ""), ("NewIndicator.Steps[2].Target", ""));
        Assert.Contains("Đã thêm chỉ tiêu “Tỷ lệ số hóa kết quả giải quyết TTHC”.", EditorTesting.Decoded(added));
        await using var db = host.NewDbContext();
        var indicator = await db.Indicators.AsNoTracking().Include(i => i.Steps).SingleAsync(i => i.ObjectiveId == objectiveId && i.Text.StartsWith("Tỷ lệ số hóa"));
        Assert.Equal((100m, "%", "cấp tỉnh", (int?)2025, (int?)stp, 1), (indicator.Target, indicator.Unit, indicator.Level, indicator.TargetYear, indicator.ResponsibleUnitId, indicator.SortOrder));
        Assert.Equal([(2022, (decimal?)50m, (string?)null), (2023, null, "tăng tối thiểu 20%")],
            indicator.Steps.OrderBy(s => s.Year).Select(s => (s.Year, s.Target, s.Text)));

        // A change of the steps alone is an edit of the indicator: recorded, and its version goes up.
        var url = $"/admin/plans/indicators/{indicator.Id}";
        var (edited, _) = await admin.SubmitAsync(url, null, ("Input.Text", indicator.Text), ("Input.Target", "100"), ("Input.Unit", "%"),
            ("Input.Level", "cấp tỉnh"), ("Input.TargetYear", "2025"), ("Input.ResponsibleUnitId", $"{stp}"),
            ("Input.Steps[0].Year", "2022"), ("Input.Steps[0].Target", "50"), ("Input.Steps[1].Year", "2024"), ("Input.Steps[1].Target", "80"),
            ("Input.Version", await VersionAsync(admin, url)));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var saved = await db.Indicators.AsNoTracking().Include(i => i.Steps).SingleAsync(i => i.Id == indicator.Id);
        Assert.Equal([(2022, (decimal?)50m), (2024, 80m)], saved.Steps.OrderBy(s => s.Year).Select(s => (s.Year, s.Target)));
        Assert.Equal(1, saved.Version);

        var (removed, _) = await admin.SubmitAsync(url, "Remove", ("version", "1"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await db.Indicators.AnyAsync(i => i.Id == indicator.Id));
        Assert.False(await db.Set<IndicatorStep>().AnyAsync(s => s.IndicatorId == indicator.Id));
        var history = await host.HistoryAsync("Indicator", indicator.Id);
        Assert.Equal(["IndicatorCreated", "IndicatorUpdated", "IndicatorRemoved"], history.Select(c => c.Action));
        Assert.Equal("2022: 50; 2023: tăng tối thiểu 20%", EditorTesting.Json(history[1].BeforeJson).GetProperty("Steps").GetString());
        Assert.Equal("2022: 50; 2024: 80", EditorTesting.Json(history[1].AfterJson).GetProperty("Steps").GetString());
        Assert.All(history, c => Assert.Equal(planId, c.PlanId));
    }

    [Fact]
    public async Task Admin_adds_edits_and_removes_a_duty_and_its_deadline_is_read_for_the_plan_year()
    {
        var planId = await PlanAsync("D1/KH", 2020, 2020);
        var admin = await host.AdminAsync();

        var (_, added) = await admin.SubmitAsync($"/admin/plans/{planId}/duties/new", null,
            ("Input.Code", "III.1.a"), ("Input.Units", "Sở, ban, ngành thành phố\nUBND quận, huyện"), ("Input.Text", "Xây dựng kế hoạch CCHC"),
            ("Input.Product", "Kế hoạch CCHC năm 2020"), ("Input.Recipient", "Sở Nội vụ"), ("Input.DeadlineText", "trước ngày 31/01/2020"), ("Input.Note", ""));
        Assert.Contains("Đã thêm nhiệm vụ tổ chức thực hiện III.1.a: Ngày cụ thể, Hạn 31/01/2020.", EditorTesting.Decoded(added));
        await using var db = host.NewDbContext();
        var duty = await db.PlanDuties.AsNoTracking().SingleAsync(d => d.PlanId == planId);
        Assert.Equal(("Sở, ban, ngành thành phố; UBND quận, huyện", DeadlineKind.Date, (DateOnly?)new DateOnly(2020, 1, 31), (string?)null),
            (duty.PrintedUnits, duty.DeadlineKind, duty.DeadlineDue, duty.Periods));

        var url = $"/admin/plans/duties/{duty.Id}";
        var (edited, html) = await admin.SubmitAsync(url, null, ("Input.Code", "III.1.c"), ("Input.Units", "Sở, ban, ngành thành phố"),
            ("Input.Text", "Báo cáo định kỳ"), ("Input.DeadlineText", "sớm nhất có thể"),
            ("Input.Periods", "Q1"), ("Input.Periods", "H1"), ("Input.Periods", "Q3"), ("Input.Periods", "Y"), ("Input.Version", await VersionAsync(admin, url)));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("Chưa đọc được, Không đọc được thời hạn; giữ nguyên văn.", EditorTesting.Decoded(html)); // kept verbatim and said so
        var saved = await db.PlanDuties.AsNoTracking().SingleAsync(d => d.Id == duty.Id);
        Assert.Equal(("III.1.c", "sớm nhất có thể", DeadlineKind.Unparsed, (DateOnly?)null, "Q1,H1,Q3,Y", (string?)null, 1),
            (saved.Code, saved.DeadlineText, saved.DeadlineKind, saved.DeadlineDue, saved.Periods, saved.Product, saved.Version));

        var (removed, _) = await admin.SubmitAsync(url, "Remove", ("version", "1"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await db.PlanDuties.AnyAsync(d => d.Id == duty.Id));
        var history = await host.HistoryAsync("PlanDuty", duty.Id);
        Assert.Equal(["PlanDutyCreated", "PlanDutyUpdated", "PlanDutyRemoved"], history.Select(c => c.Action));
        Assert.Equal("2020-01-31", EditorTesting.Json(history[1].BeforeJson).GetProperty("DeadlineDue").GetString());
        Assert.Equal("Unparsed", EditorTesting.Json(history[1].AfterJson).GetProperty("DeadlineKind").GetString());
        Assert.All(history, c => Assert.Equal(planId, c.PlanId));
    }

    [Fact]
    public async Task A_stale_form_shows_the_other_persons_change_and_changes_nothing()
    {
        var planId = await PlanAsync("C1/KH");
        var (objectiveId, indicatorId, dutyId) = await StatementsAsync(planId);
        var admin = await host.AdminAsync();

        await admin.SubmitAsync($"/admin/plans/objectives/{objectiveId}", null, ("Input.Code", "1"), ("Input.Kind", "Objective"), ("Input.Text", "Bản thứ nhất"), ("Input.Order", "1"), ("Input.Version", "0"));
        await admin.SubmitAsync($"/admin/plans/indicators/{indicatorId}", null, ("Input.Text", "Chỉ tiêu thứ nhất"), ("Input.Steps[0].Year", "2022"), ("Input.Steps[0].Target", "30"), ("Input.Version", "0"));
        await admin.SubmitAsync($"/admin/plans/duties/{dutyId}", null, ("Input.Code", "III.1"), ("Input.Text", "Nhiệm vụ thứ nhất"), ("Input.DeadlineText", "Quý IV"), ("Input.Version", "0"));
        var before = await host.FingerprintAsync();

        var stale = new (string Url, (string, string)[] Fields, string Saved, string Yours)[]
        {
            ($"/admin/plans/objectives/{objectiveId}", [("Input.Code", "1"), ("Input.Kind", "Objective"), ("Input.Text", "Bản thứ hai"), ("Input.Order", "1"), ("Input.Version", "0")], "Bản thứ nhất", "Bản thứ hai"),
            ($"/admin/plans/indicators/{indicatorId}", [("Input.Text", "Chỉ tiêu thứ hai"), ("Input.Version", "0")], "Chỉ tiêu thứ nhất", "Chỉ tiêu thứ hai"),
            ($"/admin/plans/duties/{dutyId}", [("Input.Code", "III.1"), ("Input.Text", "Nhiệm vụ thứ hai"), ("Input.DeadlineText", "Quý IV"), ("Input.Version", "0")], "Nhiệm vụ thứ nhất", "Nhiệm vụ thứ hai"),
        };
        foreach (var (url, fields, saved, yours) in stale)
        {
            var (response, html) = await admin.SubmitAsync(url, null, fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = EditorTesting.Decoded(html);
            Assert.Contains("Chưa lưu: mục này vừa được người khác sửa.", text);
            Assert.Matches($"<td class=\"saved\">{saved}</td>\\s*<td class=\"yours\">{yours}</td>", text);
            Assert.Equal("1", PageText.InputValue(html, "Input.Version")); // a second press is a deliberate choice
        }
        foreach (var url in new[] { $"/admin/plans/objectives/{objectiveId}", $"/admin/plans/indicators/{indicatorId}", $"/admin/plans/duties/{dutyId}" })
        {
            var (response, html) = await admin.SubmitAsync(url, "Remove", ("version", "0"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("vừa được người khác sửa", EditorTesting.Decoded(html));
        }
        Assert.Equal(before, await host.FingerprintAsync());
    }

    [Theory]
    [InlineData("objective-empty-text", "Nhập nội dung.")]
    [InlineData("objective-duplicate-code", "Kế hoạch đã có mục mã 1; mỗi mã chỉ dùng một lần trong một kế hoạch.")]
    [InlineData("indicator-empty-text", "Nhập nội dung chỉ tiêu.")]
    [InlineData("indicator-step-before-period", "Năm 2020 của lộ trình nằm ngoài kỳ kế hoạch (2021–2025).")]
    [InlineData("indicator-step-after-period", "Năm 2026 của lộ trình nằm ngoài kỳ kế hoạch (2021–2025).")]
    [InlineData("indicator-bad-target", "Chỉ tiêu phải là một số từ 0 đến 1.000.000.000")]
    [InlineData("duty-empty-text", "Nhập nội dung.")]
    [InlineData("duty-empty-deadline", "Nhập thời hạn (ghi đúng như văn bản")]
    [InlineData("duty-too-long-deadline", "Thời hạn (ghi đúng như văn bản, ví dụ trước ngày 31/01/2020, Định kỳ) dài quá 300 ký tự.")]
    [InlineData("duty-duplicate-code", "Kế hoạch đã có nhiệm vụ tổ chức thực hiện mã III.1;")]
    public async Task Bad_input_is_refused_with_a_Vietnamese_message_and_writes_nothing(string what, string message)
    {
        var planId = await PlanAsync($"B-{what}");
        var (objectiveId, indicatorId, dutyId) = await StatementsAsync(planId);
        var admin = await host.AdminAsync();
        var before = await host.FingerprintAsync();

        var (url, handler, fields) = what switch
        {
            "objective-empty-text" => ($"/admin/plans/{planId}/objectives/new", (string?)null, new[] { ("Input.Code", "2"), ("Input.Kind", "Objective"), ("Input.Text", " ") }),
            "objective-duplicate-code" => ($"/admin/plans/{planId}/objectives/new", null, [("Input.Code", "1"), ("Input.Kind", "Objective"), ("Input.Text", "Trùng mã")]),
            "indicator-empty-text" => ($"/admin/plans/indicators/{indicatorId}", null, [("Input.Text", ""), ("Input.Version", "0")]),
            "indicator-step-before-period" => ($"/admin/plans/objectives/{objectiveId}", "AddIndicator", [("NewIndicator.Text", "Mới"), ("NewIndicator.Steps[0].Year", "2020"), ("NewIndicator.Steps[0].Target", "10")]),
            "indicator-step-after-period" => ($"/admin/plans/indicators/{indicatorId}", null, [("Input.Text", "Tỷ lệ thử"), ("Input.Steps[0].Year", "2026"), ("Input.Steps[0].Target", "10"), ("Input.Version", "0")]),
            "indicator-bad-target" => ($"/admin/plans/indicators/{indicatorId}", null, [("Input.Text", "Tỷ lệ thử"), ("Input.Target", "năm mươi"), ("Input.Version", "0")]),
            "duty-empty-text" => ($"/admin/plans/{planId}/duties/new", null, [("Input.Code", "III.2"), ("Input.Text", ""), ("Input.DeadlineText", "Quý I")]),
            "duty-empty-deadline" => ($"/admin/plans/duties/{dutyId}", null, [("Input.Code", "III.1"), ("Input.Text", "Báo cáo thử"), ("Input.DeadlineText", ""), ("Input.Version", "0")]),
            "duty-too-long-deadline" => ($"/admin/plans/{planId}/duties/new", null, [("Input.Code", "III.2"), ("Input.Text", "Mới"), ("Input.DeadlineText", new string('x', 301))]),
            _ => ($"/admin/plans/{planId}/duties/new", null, [("Input.Code", "III.1"), ("Input.Text", "Trùng mã"), ("Input.DeadlineText", "Quý I")]),
        };
        var (response, html) = await admin.SubmitAsync(url, handler, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, EditorTesting.Decoded(html));
        Assert.Equal(before, await host.FingerprintAsync());
    }

    [Fact]
    public async Task Indicators_with_values_are_not_removed_nor_their_objective()
    {
        var planId = await PlanAsync("V1/KH");
        var (objectiveId, indicatorId, _) = await StatementsAsync(planId);
        await using (var db = host.NewDbContext())
        {
            db.IndicatorValues.Add(new IndicatorValue { IndicatorId = indicatorId, Period = "2021-Y", Value = 40, EnteredByName = "Thử" });
            await db.SaveChangesAsync();
        }
        var admin = await host.AdminAsync();
        var before = await host.FingerprintAsync();

        var (_, indicatorPage) = await admin.SubmitAsync($"/admin/plans/indicators/{indicatorId}", "Remove", ("version", "0"));
        var (_, objectivePage) = await admin.SubmitAsync($"/admin/plans/objectives/{objectiveId}", "Remove", ("version", "0"));

        Assert.Contains("Không xoá được chỉ tiêu này: đã có 1 kỳ số liệu được nhập.", EditorTesting.Decoded(indicatorPage));
        Assert.Contains("Không xoá được mục tiêu 1: chỉ tiêu “Tỷ lệ thử” đã có số liệu.", EditorTesting.Decoded(objectivePage));
        Assert.Equal(before, await host.FingerprintAsync());
    }

    [Fact]
    public async Task A_closed_plan_refuses_every_edit_of_its_statements()
    {
        var planId = await PlanAsync("K1/KH", status: PlanStatus.Closed);
        var (objectiveId, indicatorId, dutyId) = await StatementsAsync(planId);
        var admin = await host.AdminAsync();
        var before = await host.FingerprintAsync();

        var posts = new (string Url, string? Handler, (string, string)[] Fields)[]
        {
            ($"/admin/plans/{planId}/objectives/new", null, [("Input.Code", "2"), ("Input.Kind", "Objective"), ("Input.Text", "Mới")]),
            ($"/admin/plans/objectives/{objectiveId}", null, [("Input.Code", "1"), ("Input.Kind", "Objective"), ("Input.Text", "Sửa"), ("Input.Order", "1"), ("Input.Version", "0")]),
            ($"/admin/plans/objectives/{objectiveId}", "AddIndicator", [("NewIndicator.Text", "Mới")]),
            ($"/admin/plans/objectives/{objectiveId}", "Remove", [("version", "0")]),
            ($"/admin/plans/indicators/{indicatorId}", null, [("Input.Text", "Sửa"), ("Input.Version", "0")]),
            ($"/admin/plans/indicators/{indicatorId}", "Remove", [("version", "0")]),
            ($"/admin/plans/{planId}/duties/new", null, [("Input.Code", "III.2"), ("Input.Text", "Mới"), ("Input.DeadlineText", "Quý I")]),
            ($"/admin/plans/duties/{dutyId}", null, [("Input.Code", "III.1"), ("Input.Text", "Sửa"), ("Input.DeadlineText", "Quý I"), ("Input.Version", "0")]),
            ($"/admin/plans/duties/{dutyId}", "Remove", [("version", "0")]),
        };
        foreach (var (url, handler, fields) in posts)
        {
            var (response, html) = await admin.SubmitAsync(url, handler, fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Kế hoạch đã kết thúc, không thể chỉnh sửa.", EditorTesting.Decoded(html));
        }
        Assert.Equal(before, await host.FingerprintAsync());
    }
}
