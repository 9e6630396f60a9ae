using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Features.Admin.Plans;
using PlanTracker.Tests.Import;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Programme;

public class ProgrammePageTests(ProgrammePageTests.Host host) : IClassFixture<ProgrammePageTests.Host>
{
    /// <summary>A first start on a seed folder of the real directory and Plan 163, the small programme and a 2021 plan citing it.</summary>
    public sealed class Host : PlanTrackerFactory
    {
        public Host()
        {
            var seed = Directory.CreateDirectory(Folder.File("seed")).FullName;
            File.Copy(RepoPaths.UnitSeed, Path.Combine(seed, "units-cantho.json"));
            File.Copy(RepoPaths.PlanSeed, Path.Combine(seed, "plan-163-2019.json"));
            File.WriteAllText(Path.Combine(seed, "programme-test-2021-2025.json"), ProgrammeFiles.Programme());
            File.WriteAllText(Path.Combine(seed, "plan-test-2021.json"), ProgrammeFiles.AnnualPlan());
            Settings["Seed:Directory"] = seed;
        }

        public async Task<int> PlanIdAsync(string number)
        {
            await using var db = NewDbContext();
            return await db.Plans.Where(p => p.Number == number).Select(p => p.Id).SingleAsync();
        }

        public async Task<int> TaskIdAsync(string planNumber, string code)
        {
            await using var db = NewDbContext();
            return await db.Tasks.Where(t => t.Section!.Plan!.Number == planNumber && t.Code == code).Select(t => t.Id).SingleAsync();
        }
    }

    private async Task<AngleSharp.Dom.IDocument> ProgrammePageAsync(HttpClient client) =>
        await client.GetDocumentAsync($"/programme/{await host.PlanIdAsync(ProgrammeFiles.Number)}");

    private static List<string> Untouched(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("ul.untouched li").Select(li => li.GetAttribute("data-code")!)];

    [Fact]
    public async Task First_start_loads_the_programme_beside_plan_163_with_every_unit_matched()
    {
        await using var db = host.NewDbContext();

        var plans = await db.Plans.OrderBy(p => p.Year).Select(p => new { p.Number, p.Kind, p.Year, p.EndYear }).ToListAsync();
        Assert.Equal([("163/KH-UBND", PlanKind.CityAnnual, 2019, 2019), (ProgrammeFiles.Number, PlanKind.Programme, 2021, 2025), ("50/KH-UBND", PlanKind.CityAnnual, 2021, 2021)],
            plans.Select(p => (p.Number, p.Kind, p.Year, p.EndYear)));
        Assert.False(await db.TaskAssignments.AnyAsync(a => a.UnitId == null && a.UnitGroupId == null));
        var seeded = await db.TaskCitations.Where(c => c.Task!.Section!.Plan!.Number == "50/KH-UBND" && c.Task.Code == "1.a")
            .Select(c => new { c.CitedTask!.Code, c.CitedTask.Section!.Plan!.Number }).SingleAsync();
        Assert.Equal(("1.a", ProgrammeFiles.Number), (seeded.Code, seeded.Number));
    }

    [Fact]
    public async Task Programme_page_shows_each_target_with_its_steps_and_the_yearly_values_entered()
    {
        await using (var db = host.NewDbContext())
        {
            var indicator = await db.Indicators.SingleAsync(i => i.Objective!.Plan!.Number == ProgrammeFiles.Number && i.Level == "cấp tỉnh");
            db.IndicatorValues.AddRange(
                new IndicatorValue { IndicatorId = indicator.Id, Period = "2022-Y", Value = 42.5m, EnteredAtUtc = DateTime.UtcNow },
                new IndicatorValue { IndicatorId = indicator.Id, Period = "2023-H1", Value = 60, EnteredAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var page = await ProgrammePageAsync(await host.ViewerAsync());

        var rows = page.QuerySelectorAll("table.targets tr.indicator").ToList();
        Assert.Equal(["cấp tỉnh", "cấp huyện"], rows.Select(r => r.Find("td.level").TextContent));
        Assert.Equal(["2021", "2022", "2023", "2024", "2025"], rows[0].QuerySelectorAll("td.year").Select(td => td.GetAttribute("data-year")!));
        string Cell(int row, int year) => PageText.Text(rows[row].Find($"td[data-year=\"{year}\"]"));
        Assert.Equal("KH: 50% TH: 42,5%", Cell(0, 2022));
        Assert.Equal("KH: tăng tối thiểu 20% mỗi năm", Cell(0, 2023)); // the half-year value is not a yearly one
        Assert.Equal("", Cell(0, 2021));
        Assert.Equal("KH: 40%", Cell(1, 2022));
        Assert.Equal("100% (2025)", PageText.Text(rows[0].Find("td.target")));
        var text = PageText.Text(page.DocumentElement);
        Assert.Contains("Quan điểm QĐ.1 Cải cách hành chính là nhiệm vụ trọng tâm", text);
        Assert.Contains("Mục tiêu chung MTC.a", text);
        Assert.Contains("Giải pháp GP.1 Tăng cường sự lãnh đạo, chỉ đạo", text);
        Assert.Contains("V.1 Sở Nội vụ Theo dõi, đôn đốc thực hiện Kế hoạch Hằng năm", text);
    }

    [Fact]
    public async Task Programme_page_lists_the_annual_tasks_citing_each_item_and_the_items_none_cites()
    {
        var page = await ProgrammePageAsync(await host.SignedInClientAsync(Roles.UnitEditor, "STP"));

        var item = page.Find("table.items tr[data-code=\"1.a\"]");
        var link = item.Find("td.citing a");
        Assert.Equal("Kế hoạch 50/KH-UBND (2021), nhiệm vụ 1.a", link.TextContent);
        Assert.Equal($"/tasks/{await host.TaskIdAsync("50/KH-UBND", "1.a")}", link.GetAttribute("href"));
        Assert.Contains("1.b", Untouched(page));
        Assert.DoesNotContain("1.a", Untouched(page));
        Assert.Equal("Chưa có kế hoạch năm nào thực hiện", page.Find("h2#untouched").TextContent);
    }

    [Fact]
    public async Task Citing_an_item_from_the_task_editor_shows_on_the_task_and_on_the_programme_page()
    {
        var taskId = await host.TaskIdAsync("50/KH-UBND", "1.b");
        var itemId = await host.TaskIdAsync(ProgrammeFiles.Number, "2.a");
        var admin = await host.AdminAsync();
        var url = $"/admin/plans/tasks/{taskId}";
        var options = (await admin.GetDocumentAsync(url)).QuerySelectorAll("select[name=cited] option").Select(o => o.TextContent).ToList();
        Assert.Equal(3, options.Count);
        Assert.StartsWith("2.a Tiếp tục số hóa", options[2]);
        var version = PageText.InputValue(await admin.GetStringAsync(url), "version");

        var (_, html) = await admin.SubmitAsync(url, "Citations", ("version", version), ("cited", $"{itemId}"));

        Assert.Contains("Đã lưu các nhiệm vụ chương trình mà nhiệm vụ 1.b thực hiện.", EditorTesting.Decoded(html));
        var task = await admin.GetDocumentAsync($"/tasks/{taskId}");
        Assert.Equal("Thực hiện nhiệm vụ 2.a của Chương trình 4168/QĐ-UBND", PageText.Text(task.Find("p.cites")));
        var page = await ProgrammePageAsync(admin);
        Assert.Equal("Kế hoạch 50/KH-UBND (2021), nhiệm vụ 1.b", page.Find("table.items tr[data-code=\"2.a\"] td.citing a").TextContent);
        Assert.DoesNotContain("2.a", Untouched(page));
        var record = (await host.HistoryAsync("Task", taskId)).Last();
        Assert.Equal("Nhiệm vụ 1.b thực hiện nhiệm vụ chương trình: thêm 2.a (4168/QĐ-UBND)", record.Summary);

        // The form read before that save is stale now: refused, nothing changed.
        var (stale, refused) = await admin.SubmitAsync(url, "Citations", ("version", version));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("vừa được người khác sửa", EditorTesting.Decoded(refused));
        await using var db = host.NewDbContext();
        Assert.Equal([itemId], await db.TaskCitations.Where(c => c.TaskId == taskId).Select(c => c.CitedTaskId).ToListAsync());
    }

    [Fact]
    public async Task A_plan_of_2019_is_offered_no_item_of_the_2021_programme_and_an_annual_plan_has_no_programme_page()
    {
        var admin = await host.AdminAsync();
        var task163 = await host.TaskIdAsync("163/KH-UBND", "1.a");

        var editor = await admin.GetDocumentAsync($"/admin/plans/tasks/{task163}");
        var forged = await admin.SubmitAsync($"/admin/plans/tasks/{task163}", "Citations",
            ("version", PageText.InputValue(editor.DocumentElement.OuterHtml, "Header.Version")), ("cited", $"{await host.TaskIdAsync(ProgrammeFiles.Number, "1.b")}"));
        var annual = await admin.GetAsync($"/programme/{await host.PlanIdAsync("163/KH-UBND")}");

        Assert.Null(editor.QuerySelector("select[name=cited]"));
        Assert.Contains("Chỉ chọn được nhiệm vụ của chương trình", EditorTesting.Decoded(forged.Html));
        Assert.Equal(HttpStatusCode.NotFound, annual.StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_the_programme_page()
    {
        var response = await host.NewClient().GetAsync($"/programme/{await host.PlanIdAsync(ProgrammeFiles.Number)}");

        EditorTesting.AssertSentToSignIn(response, "programme page");
    }
}
