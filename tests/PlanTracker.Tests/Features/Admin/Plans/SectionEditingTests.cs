using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Admin.Plans;

public class SectionEditingTests(SectionEditingTests.Host host) : IClassFixture<SectionEditingTests.Host>
{
    public sealed class Host : PlanTrackerFactory;

    private async Task<int> NewPlanAsync(string number)
    {
        var admin = await host.AdminAsync();
        await admin.SubmitAsync("/admin/plans", "Create", ("NewPlan.Number", number), ("NewPlan.Title", "Kế hoạch thử"),
            ("NewPlan.Year", "2020"), ("copyFrom", "1"), ("copy", "Sections"));
        await using var db = host.NewDbContext();
        return await db.Plans.Where(p => p.Number == number).Select(p => p.Id).SingleAsync();
    }

    private static async Task<List<int>> SectionNumbersInPageOrderAsync(HttpClient admin, int planId) =>
        PageText.Parse(await admin.GetStringAsync($"/admin/plans/{planId}")).QuerySelectorAll("td[data-label=\"Số\"]")
            .Select(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task Admin_adds_a_section_and_it_is_recorded()
    {
        var planId = await NewPlanAsync("S1/KH");
        var admin = await host.AdminAsync();

        var (_, html) = await admin.SubmitAsync($"/admin/plans/{planId}", "AddSection", ("NewSection.Number", "8"), ("NewSection.Title", "Công tác thông tin, tuyên truyền"));

        Assert.Contains("Đã thêm lĩnh vực 8. Công tác thông tin, tuyên truyền.", html);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], await SectionNumbersInPageOrderAsync(admin, planId));
        await using var db = host.NewDbContext();
        var section = await db.Sections.SingleAsync(s => s.PlanId == planId && s.Number == 8);
        var record = Assert.Single(await host.HistoryAsync("Section", section.Id));
        Assert.Equal(("SectionCreated", planId), (record.Action, record.PlanId));
        Assert.Equal("Công tác thông tin, tuyên truyền", EditorTesting.Json(record.AfterJson).GetProperty("Title").GetString());
    }

    [Fact]
    public async Task Duplicate_section_number_is_refused_with_a_message()
    {
        var planId = await NewPlanAsync("S2/KH");
        var admin = await host.AdminAsync();
        var before = await host.FingerprintAsync();

        var (response, html) = await admin.SubmitAsync($"/admin/plans/{planId}", "AddSection", ("NewSection.Number", "3"), ("NewSection.Title", "Trùng số"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kế hoạch đã có lĩnh vực số 3 (Cải cách tổ chức bộ máy", EditorTesting.Decoded(html));
        Assert.Equal(before, await host.FingerprintAsync());
    }

    [Fact]
    public async Task Admin_edits_a_sections_number_and_title_and_the_record_keeps_before_and_after()
    {
        var planId = await NewPlanAsync("S3/KH");
        var admin = await host.AdminAsync();
        await using var db = host.NewDbContext();
        var section = await db.Sections.SingleAsync(s => s.PlanId == planId && s.Number == 7);
        var url = $"/admin/plans/sections/{section.Id}";

        var (_, html) = await admin.SubmitAsync(url, "Header", ("Header.Number", "9"), ("Header.Title", "Chỉ đạo, điều hành"), ("Header.Version", await VersionAsync(admin, url)));

        Assert.Contains("Đã lưu lĩnh vực 9. Chỉ đạo, điều hành.", html);
        var record = (await host.HistoryAsync("Section", section.Id)).Single(c => c.Action == "SectionUpdated");
        Assert.Equal(7, EditorTesting.Json(record.BeforeJson).GetProperty("Number").GetInt32());
        Assert.Equal(9, EditorTesting.Json(record.AfterJson).GetProperty("Number").GetInt32());
        Assert.Equal(section.Title, EditorTesting.Json(record.BeforeJson).GetProperty("Title").GetString());
        Assert.Equal("Chỉ đạo, điều hành", EditorTesting.Json(record.AfterJson).GetProperty("Title").GetString());
    }

    [Fact]
    public async Task Renumbering_a_section_onto_another_number_is_refused()
    {
        var planId = await NewPlanAsync("S4/KH");
        var admin = await host.AdminAsync();
        await using var db = host.NewDbContext();
        var section = await db.Sections.SingleAsync(s => s.PlanId == planId && s.Number == 7);
        var url = $"/admin/plans/sections/{section.Id}";

        var (_, html) = await admin.SubmitAsync(url, "Header", ("Header.Number", "6"), ("Header.Title", section.Title), ("Header.Version", await VersionAsync(admin, url)));

        Assert.Contains("Kế hoạch đã có lĩnh vực số 6", EditorTesting.Decoded(html));
        await using var after = host.NewDbContext();
        Assert.Equal(7, (await after.Sections.SingleAsync(s => s.Id == section.Id)).Number);
    }

    [Fact]
    public async Task Admin_moves_a_section_up_and_down_and_each_move_is_recorded()
    {
        var planId = await NewPlanAsync("S5/KH");
        var admin = await host.AdminAsync();
        await using var db = host.NewDbContext();
        var third = await db.Sections.SingleAsync(s => s.PlanId == planId && s.Number == 3);

        await admin.SubmitAsync($"/admin/plans/{planId}", "MoveSection", ("sectionId", $"{third.Id}"), ("up", "true"));
        Assert.Equal([1, 3, 2, 4, 5, 6, 7], await SectionNumbersInPageOrderAsync(admin, planId));
        await admin.SubmitAsync($"/admin/plans/{planId}", "MoveSection", ("sectionId", $"{third.Id}"), ("up", "false"));
        await admin.SubmitAsync($"/admin/plans/{planId}", "MoveSection", ("sectionId", $"{third.Id}"), ("up", "false"));

        Assert.Equal([1, 2, 4, 3, 5, 6, 7], await SectionNumbersInPageOrderAsync(admin, planId));
        var moves = (await host.HistoryAsync("Section", third.Id)).Where(c => c.Action == "SectionMoved").ToList();
        Assert.Equal(3, moves.Count);
        Assert.Equal(2, EditorTesting.Json(moves[0].BeforeJson).GetProperty("SortOrder").GetInt32());
        Assert.Equal(1, EditorTesting.Json(moves[0].AfterJson).GetProperty("SortOrder").GetInt32());
    }

    [Fact]
    public async Task Admin_retires_and_restores_a_section_and_both_are_recorded()
    {
        var planId = await NewPlanAsync("S6/KH");
        var admin = await host.AdminAsync();
        await using var db = host.NewDbContext();
        var section = await db.Sections.SingleAsync(s => s.PlanId == planId && s.Number == 5);

        var (_, retired) = await admin.SubmitAsync($"/admin/plans/{planId}", "RetireSection", ("sectionId", $"{section.Id}"));
        Assert.Contains("Đã ngừng lĩnh vực 5.", retired);
        await using (var check = host.NewDbContext())
            Assert.True((await check.Sections.SingleAsync(s => s.Id == section.Id)).IsRetired);
        var (_, restored) = await admin.SubmitAsync($"/admin/plans/{planId}", "RestoreSection", ("sectionId", $"{section.Id}"));

        Assert.Contains("Đã khôi phục lĩnh vực 5.", restored);
        await using var after = host.NewDbContext();
        Assert.False((await after.Sections.SingleAsync(s => s.Id == section.Id)).IsRetired);
        Assert.Equal(["SectionRetired", "SectionRestored"], (await host.HistoryAsync("Section", section.Id)).Select(c => c.Action).Where(a => a != "SectionCreated"));
    }

    private static async Task<string> VersionAsync(HttpClient admin, string url) =>
        PageText.InputValue(await admin.GetStringAsync(url), "Header.Version");
}
