using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Units;
using PlanTracker.Tests.Features.Admin.Plans;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Admin.Units;

public class UnitEditorTests(UnitEditorTests.Host host) : IClassFixture<UnitEditorTests.Host>
{
    public sealed class Host : PlanTrackerFactory;

    private static async Task<string> VersionAsync(HttpClient admin, string url) =>
        PageText.InputValue(await admin.GetStringAsync(url), "Input.Version");

    private async Task<Unit> UnitAsync(string code)
    {
        await using var db = host.NewDbContext();
        return await db.Units.AsNoTracking().Include(u => u.Aliases).SingleAsync(u => u.Code == code);
    }

    /// <summary>A unit of its own for each test, so that tests do not see each other's edits.</summary>
    private async Task<Unit> NewUnitAsync(string code, string name)
    {
        var (response, _) = await (await host.AdminAsync()).SubmitAsync("/admin/units", "AddUnit", ("NewUnit.Code", code), ("NewUnit.Name", name), ("NewUnit.Kind", "Department"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await UnitAsync(code);
    }

    private static (string, string)[] UnitForm(Unit unit, string stamp, string? emails = null, string? aliases = null, string? name = null) =>
    [
        ("Input.Name", name ?? unit.Name), ("Input.Kind", unit.Kind.ToString()), ("Input.Emails", emails ?? unit.Emails.Replace("; ", "\n")),
        ("Input.Aliases", aliases ?? string.Join("\n", unit.Aliases.Select(a => a.Alias).Where(a => a != unit.Name))), ("Input.Version", stamp),
    ];

    private async Task<List<EditorRequest>> RequestsAsync()
    {
        var snv = await UnitAsync("SNV");
        await using var db = host.NewDbContext();
        var group = await db.UnitGroups.SingleAsync(g => g.Code == "UBND_QUAN_HUYEN");
        return
        [
            new("/admin/units"),
            new("/admin/units", "AddUnit", ("NewUnit.Code", "SO_MOI"), ("NewUnit.Name", "Sở Mới"), ("NewUnit.Kind", "Department")),
            new("/admin/units", "AddGroup", ("NewGroup.Code", "NHOM_MOI"), ("NewGroup.Name", "Nhóm mới")),
            new($"/admin/units/{snv.Id}"),
            new($"/admin/units/{snv.Id}", null, [.. UnitForm(snv, "0", emails: "khac@cantho.example")]),
            new($"/admin/units/groups/{group.Id}"),
            new($"/admin/units/groups/{group.Id}", null, ("Input.Name", "Đổi tên"), ("Input.Members", $"{snv.Id}"), ("Input.Version", "0")),
        ];
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.UnitEditor)]
    public async Task Every_unit_editor_page_and_action_is_refused_to_non_admins_and_changes_nothing(string role)
    {
        var requests = await RequestsAsync();
        var client = await host.SignedInClientAsync(role, role == Roles.UnitEditor ? "SNV" : null);

        await EditorAccessChecks.AssertAllRefusedAsync(host, client, signedIn: true, requests);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_unit_editor_page_and_action()
    {
        await EditorAccessChecks.AssertAllRefusedAsync(host, host.NewClient(), signedIn: false, await RequestsAsync());
    }

    [Fact]
    public async Task Admin_opens_every_unit_editor_page()
    {
        await EditorAccessChecks.AssertAllOpenAsync(await host.AdminAsync(), await RequestsAsync());
    }

    [Fact]
    public async Task Admin_sets_a_units_email_addresses_and_the_change_is_recorded()
    {
        var unit = await NewUnitAsync("SO_A", "Sở Thử A");
        var admin = await host.AdminAsync();
        var url = $"/admin/units/{unit.Id}";

        var (_, html) = await admin.SubmitAsync(url, null, UnitForm(unit, await VersionAsync(admin, url), emails: "vanthu@soa.cantho.example\n cchc@soa.cantho.example ; VANTHU@soa.cantho.example"));

        Assert.Contains("Đã lưu đơn vị Sở Thử A.", html);
        Assert.Equal("vanthu@soa.cantho.example; cchc@soa.cantho.example", (await UnitAsync("SO_A")).Emails);
        var record = (await host.HistoryAsync("Unit", unit.Id)).Last();
        Assert.Equal("UnitUpdated", record.Action);
        Assert.Equal("", EditorTesting.Json(record.BeforeJson).GetProperty("Emails").GetString());
        Assert.Equal("vanthu@soa.cantho.example; cchc@soa.cantho.example", EditorTesting.Json(record.AfterJson).GetProperty("Emails").GetString());
        Assert.Contains("vanthu@soa.cantho.example", await (await host.ViewerAsync()).GetStringAsync("/units"));
    }

    [Theory]
    [InlineData("vanthu.cantho.example")]
    [InlineData("Văn thư <vanthu@cantho.example>")]
    [InlineData("vanthu@")]
    public async Task Bad_email_address_is_refused_with_a_message_and_nothing_changes(string bad)
    {
        var snv = await UnitAsync("SNV");
        var admin = await host.AdminAsync();
        var url = $"/admin/units/{snv.Id}";
        var stamp = await VersionAsync(admin, url);
        var before = await host.FingerprintAsync();

        var (response, html) = await admin.SubmitAsync(url, null, UnitForm(snv, stamp, emails: $"snv@cantho.example\n{bad}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"“{bad}” không phải là địa chỉ thư điện tử hợp lệ", WebUtility.HtmlDecode(html));
        Assert.Equal(before, await host.FingerprintAsync());
    }

    [Fact]
    public async Task Alias_already_used_by_another_unit_is_refused_with_a_message()
    {
        var unit = await NewUnitAsync("SO_B", "Sở Thử B");
        var admin = await host.AdminAsync();
        var url = $"/admin/units/{unit.Id}";
        var before = await host.FingerprintAsync();

        var (_, html) = await admin.SubmitAsync(url, null, UnitForm(unit, await VersionAsync(admin, url), aliases: "Sở B\nsở  tư pháp"));

        Assert.Contains("Cách ghi “sở tư pháp” đã thuộc đơn vị “Sở Tư pháp”", WebUtility.HtmlDecode(html));
        Assert.Equal(before, await host.FingerprintAsync());
    }

    [Fact]
    public async Task Aliases_are_added_and_removed_and_a_renamed_unit_keeps_its_old_name_as_an_alias()
    {
        var unit = await NewUnitAsync("SO_C", "Sở Thử C");
        var admin = await host.AdminAsync();
        var url = $"/admin/units/{unit.Id}";
        await admin.SubmitAsync(url, null, UnitForm(unit, await VersionAsync(admin, url), aliases: "Sở C\nSở C TP"));

        await admin.SubmitAsync(url, null, UnitForm(await UnitAsync("SO_C"), await VersionAsync(admin, url), aliases: "Sở C", name: "Sở Thử C mới"));

        var saved = await UnitAsync("SO_C");
        Assert.Equal("Sở Thử C mới", saved.Name);
        Assert.Equal(["Sở C", "Sở Thử C", "Sở Thử C mới"], saved.Aliases.Select(a => a.Alias).Order(StringComparer.Ordinal));
        var last = (await host.HistoryAsync("Unit", unit.Id)).Last();
        Assert.Equal("Sở C; Sở C TP; Sở Thử C", EditorTesting.Json(last.BeforeJson).GetProperty("Aliases").GetString());
        Assert.Equal("Sở Thử C", EditorTesting.Json(last.BeforeJson).GetProperty("Name").GetString());
    }

    [Fact]
    public async Task Second_unit_edit_from_the_same_page_is_refused_and_shows_both_versions()
    {
        var unit = await NewUnitAsync("SO_D", "Sở Thử D");
        var admin = await host.AdminAsync();
        var url = $"/admin/units/{unit.Id}";
        var stamp = await VersionAsync(admin, url);

        await admin.SubmitAsync(url, null, UnitForm(unit, stamp, emails: "mot@sod.cantho.example"));
        var (response, html) = await admin.SubmitAsync(url, null, UnitForm(unit, stamp, emails: "hai@sod.cantho.example"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("Chưa lưu: mục này vừa được người khác sửa.", text);
        Assert.Matches("<td class=\"saved\">mot@sod.cantho.example</td>\\s*<td class=\"yours\">hai@sod.cantho.example</td>", text);
        Assert.Equal("mot@sod.cantho.example", (await UnitAsync("SO_D")).Emails);
    }

    [Fact]
    public async Task Unit_code_already_in_the_directory_is_refused()
    {
        var (response, html) = await (await host.AdminAsync()).SubmitAsync("/admin/units", "AddUnit", ("NewUnit.Code", "STP"), ("NewUnit.Name", "Sở Tư pháp 2"), ("NewUnit.Kind", "Department"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Mã STP đã có trong danh bạ; chọn mã khác.", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task Admin_adds_a_group_and_chooses_its_members_and_the_group_can_then_be_assigned()
    {
        var admin = await host.AdminAsync();
        var (_, created) = await admin.SubmitAsync("/admin/units", "AddGroup", ("NewGroup.Code", "NHOM_THU"), ("NewGroup.Name", "Các sở thử nghiệm"));
        Assert.Contains("Đã thêm nhóm Các sở thử nghiệm.", created);
        await using var db = host.NewDbContext();
        var group = await db.UnitGroups.SingleAsync(g => g.Code == "NHOM_THU");
        var (snv, stp) = (await host.UnitIdAsync("SNV"), await host.UnitIdAsync("STP"));
        var url = $"/admin/units/groups/{group.Id}";

        var (_, html) = await admin.SubmitAsync(url, null, ("Input.Name", "Các sở thử nghiệm"), ("Input.Description", "Hai sở <b>thử</b>"),
            ("Input.Aliases", "Sở thử nghiệm"), ("Input.Members", $"{snv}"), ("Input.Members", $"{stp}"), ("Input.Version", await VersionAsync(admin, url)));

        Assert.Contains("Đã lưu nhóm Các sở thử nghiệm (2 đơn vị).", html);
        Assert.Contains("Hai sở &lt;b&gt;thử&lt;/b&gt;", html);
        await using var after = host.NewDbContext();
        Assert.Equal([snv, stp], (await after.UnitGroupMembers.Where(m => m.UnitGroupId == group.Id).Select(m => m.UnitId).ToListAsync()).Order());
        Assert.Contains(await after.UnitAliases.Where(a => a.UnitGroupId == group.Id).Select(a => a.Alias).ToListAsync(), a => a == "Sở thử nghiệm");
        var record = (await host.HistoryAsync("UnitGroup", group.Id)).Last();
        Assert.Equal("UnitGroupUpdated", record.Action);
        Assert.Equal("", EditorTesting.Json(record.BeforeJson).GetProperty("Members").GetString());
        Assert.Equal("SNV, STP", EditorTesting.Json(record.AfterJson).GetProperty("Members").GetString());
        var taskPage = PageText.Parse(await admin.GetStringAsync($"/admin/plans/tasks/{await after.Tasks.Select(t => t.Id).FirstAsync()}"));
        Assert.NotNull(taskPage.QuerySelector($"option[value=\"g:{group.Id}\"]"));
    }

    [Fact]
    public async Task Removing_a_member_is_recorded_with_the_former_members()
    {
        var admin = await host.AdminAsync();
        await admin.SubmitAsync("/admin/units", "AddGroup", ("NewGroup.Code", "NHOM_BOT"), ("NewGroup.Name", "Nhóm bớt thành viên"));
        await using var db = host.NewDbContext();
        var group = await db.UnitGroups.SingleAsync(g => g.Code == "NHOM_BOT");
        var (snv, stp) = (await host.UnitIdAsync("SNV"), await host.UnitIdAsync("STP"));
        var url = $"/admin/units/groups/{group.Id}";
        await admin.SubmitAsync(url, null, ("Input.Name", group.Name), ("Input.Members", $"{snv}"), ("Input.Members", $"{stp}"), ("Input.Version", await VersionAsync(admin, url)));

        await admin.SubmitAsync(url, null, ("Input.Name", group.Name), ("Input.Members", $"{stp}"), ("Input.Version", await VersionAsync(admin, url)));

        await using var after = host.NewDbContext();
        Assert.Equal([stp], await after.UnitGroupMembers.Where(m => m.UnitGroupId == group.Id).Select(m => m.UnitId).ToListAsync());
        var record = (await host.HistoryAsync("UnitGroup", group.Id)).Last();
        Assert.Equal("SNV, STP", EditorTesting.Json(record.BeforeJson).GetProperty("Members").GetString());
        Assert.Equal("STP", EditorTesting.Json(record.AfterJson).GetProperty("Members").GetString());
    }
}
