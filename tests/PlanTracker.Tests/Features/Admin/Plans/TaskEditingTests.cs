using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Admin.Plans;

public class TaskEditingTests(TaskEditingTests.Host host) : IClassFixture<TaskEditingTests.Host>
{
    public sealed class Host : PlanTrackerFactory;

    private static string SectionUrl(EditorTesting.ArrangedTask a) => $"/admin/plans/sections/{a.SectionId}";
    private static string TaskUrl(int taskId) => $"/admin/plans/tasks/{taskId}";

    private static async Task<List<string>> CodesInEditorOrderAsync(HttpClient admin, EditorTesting.ArrangedTask a) =>
        PageText.Parse(await admin.GetStringAsync(SectionUrl(a))).QuerySelectorAll("td.code[data-label=\"Mã\"] > a[href^=\"/admin/plans/tasks/\"]")
            .Select(link => link.TextContent).ToList();

    private static async Task<string> VersionAsync(HttpClient admin, int taskId) =>
        PageText.InputValue(await admin.GetStringAsync(TaskUrl(taskId)), "Header.Version");

    [Fact]
    public async Task Admin_adds_a_task_and_a_sub_item_that_lands_after_its_parents_sub_items()
    {
        var a = await host.ArrangeTaskAsync();
        var n = a.SectionNumber;
        var admin = await host.AdminAsync();
        await admin.SubmitAsync(SectionUrl(a), "AddTask", ("NewTask.Code", $"{n}.b"), ("NewTask.Activity", "Nhiệm vụ b"));
        await admin.SubmitAsync(SectionUrl(a), "AddTask", ("NewTask.Code", $"{n}.a.1"), ("NewTask.Activity", "Nội dung con 1"), ("NewTask.ParentTaskId", $"{a.TaskId}"));

        var (_, html) = await admin.SubmitAsync(SectionUrl(a), "AddTask", ("NewTask.Code", $"{n}.a.2"), ("NewTask.Activity", "Nội dung con 2"), ("NewTask.ParentTaskId", $"{a.TaskId}"));

        Assert.Contains($"Đã thêm nhiệm vụ {n}.a.2.", html);
        Assert.Equal([$"{n}.a", $"{n}.a.1", $"{n}.a.2", $"{n}.b"], await CodesInEditorOrderAsync(admin, a));
        await using var db = host.NewDbContext();
        var sub = await db.Tasks.SingleAsync(t => t.SectionId == a.SectionId && t.Code == $"{n}.a.2");
        Assert.Equal(a.TaskId, sub.ParentTaskId);
        var record = Assert.Single(await host.HistoryAsync("Task", sub.Id));
        Assert.Equal(("TaskCreated", (int?)sub.Id, (int?)a.PlanId), (record.Action, record.TaskId, record.PlanId));
        Assert.Equal("Nội dung con 2", EditorTesting.Json(record.AfterJson).GetProperty("Activity").GetString());
    }

    [Fact]
    public async Task The_add_form_suggests_the_next_sub_item_code()
    {
        var a = await host.ArrangeTaskAsync();
        await host.AddTaskAsync(a.SectionId, $"{a.SectionNumber}.a.1", a.TaskId, 1);

        var html = await (await host.AdminAsync()).GetStringAsync($"{SectionUrl(a)}?parent={a.TaskId}");

        Assert.Equal($"{a.SectionNumber}.a.2", PageText.InputValue(html, "NewTask.Code"));
    }

    [Fact]
    public async Task Admin_edits_a_task_and_the_record_keeps_before_and_after_and_search_follows()
    {
        var a = await host.ArrangeTaskAsync("Rà soát văn bản quy phạm");
        var admin = await host.AdminAsync();

        var (_, html) = await admin.SubmitAsync(TaskUrl(a.TaskId), "Header", ("Header.Code", $"{a.SectionNumber}.a"),
            ("Header.Activity", "Kiểm tra văn bản quy phạm pháp luật"), ("Header.Note", "Ghi chú mới"), ("Header.Version", await VersionAsync(admin, a.TaskId)));

        Assert.Contains($"Đã lưu nhiệm vụ {a.SectionNumber}.a.", html);
        await using var db = host.NewDbContext();
        var task = await db.Tasks.SingleAsync(t => t.Id == a.TaskId);
        Assert.Equal(("Kiểm tra văn bản quy phạm pháp luật", "Ghi chú mới", 1), (task.Activity, task.Note, task.Version));
        Assert.Contains("kiem tra van ban", task.SearchText);
        Assert.Contains("so tu phap", task.SearchText); // units and products still counted
        var record = Assert.Single(await host.HistoryAsync("Task", a.TaskId));
        Assert.Equal(("TaskUpdated", (int?)a.TaskId), (record.Action, record.TaskId));
        Assert.Equal("Rà soát văn bản quy phạm", EditorTesting.Json(record.BeforeJson).GetProperty("Activity").GetString());
        Assert.Equal("Kiểm tra văn bản quy phạm pháp luật", EditorTesting.Json(record.AfterJson).GetProperty("Activity").GetString());
        Assert.False(EditorTesting.Json(record.AfterJson).TryGetProperty("Code", out _));
        var found = PageText.TaskCodes(await (await host.ViewerAsync()).GetStringAsync($"/tasks?Plan={a.PlanId}&Q=kiem+tra+van+ban"));
        Assert.Contains($"{a.SectionNumber}.a", found);
    }

    [Fact]
    public async Task Admin_marks_a_task_as_assigned_by_a_higher_level_and_unmarks_it()
    {
        var a = await host.ArrangeTaskAsync("Nhiệm vụ Bộ Nội vụ giao");
        var admin = await host.AdminAsync();

        await admin.SubmitAsync(TaskUrl(a.TaskId), "Header", ("Header.Code", $"{a.SectionNumber}.a"), ("Header.Activity", "Nhiệm vụ Bộ Nội vụ giao"),
            ("Header.AssignedByHigherLevel", "true"), ("Header.Version", await VersionAsync(admin, a.TaskId)));
        var marked = PageText.Parse(await admin.GetStringAsync(TaskUrl(a.TaskId))).Find("input[name='Header.AssignedByHigherLevel']").HasAttribute("checked");
        await admin.SubmitAsync(TaskUrl(a.TaskId), "Header", ("Header.Code", $"{a.SectionNumber}.a"), ("Header.Activity", "Nhiệm vụ Bộ Nội vụ giao"),
            ("Header.Version", await VersionAsync(admin, a.TaskId)));

        Assert.True(marked);
        await using var db = host.NewDbContext();
        Assert.False((await db.Tasks.SingleAsync(t => t.Id == a.TaskId)).AssignedByHigherLevel);
        var records = await host.HistoryAsync("Task", a.TaskId);
        Assert.Equal(2, records.Count);
        Assert.True(EditorTesting.Json(records[0].AfterJson).GetProperty("AssignedByHigherLevel").GetBoolean());
    }

    [Fact]
    public async Task Second_edit_from_the_same_stale_version_is_refused_with_both_versions_shown_and_the_first_kept()
    {
        var a = await host.ArrangeTaskAsync("Nội dung ban đầu");
        var first = await host.AdminAsync();
        var second = await host.SignedInClientAsync(PlanTracker.Core.Accounts.Roles.Admin, email: "admin2@cantho.example");
        var version = await VersionAsync(first, a.TaskId);
        Assert.Equal(version, await VersionAsync(second, a.TaskId));
        (string, string)[] Edit(string activity) =>
            [("Header.Code", $"{a.SectionNumber}.a"), ("Header.Activity", activity), ("Header.Version", version)];

        await first.SubmitAsync(TaskUrl(a.TaskId), "Header", Edit("Bản của người thứ nhất"));
        var (response, html) = await second.SubmitAsync(TaskUrl(a.TaskId), "Header", Edit("Bản của người thứ hai"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("Chưa lưu: mục này vừa được người khác sửa.", text);
        Assert.Contains("Người dùng admin@cantho.example đã lưu một bản khác", text);
        Assert.Matches("<td class=\"saved\">Bản của người thứ nhất</td>\\s*<td class=\"yours\">Bản của người thứ hai</td>", text);
        await using var db = host.NewDbContext();
        var task = await db.Tasks.SingleAsync(t => t.Id == a.TaskId);
        Assert.Equal(("Bản của người thứ nhất", 1), (task.Activity, task.Version));
        Assert.Single(await host.HistoryAsync("Task", a.TaskId));
    }

    [Fact]
    public async Task Duplicate_task_code_in_a_section_is_refused_with_a_message()
    {
        var a = await host.ArrangeTaskAsync();
        var admin = await host.AdminAsync();
        var before = await host.FingerprintAsync();

        var (response, html) = await admin.SubmitAsync(SectionUrl(a), "AddTask", ("NewTask.Code", $"{a.SectionNumber}.a"), ("NewTask.Activity", "Trùng mã"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Lĩnh vực này đã có nhiệm vụ mã {a.SectionNumber}.a; mỗi mã chỉ dùng một lần trong một lĩnh vực.", WebUtility.HtmlDecode(html));
        Assert.Contains("Trùng mã", WebUtility.HtmlDecode(html)); // the typed activity is kept
        Assert.Equal(before, await host.FingerprintAsync());
    }

    [Fact]
    public async Task Renaming_a_task_to_a_code_taken_in_its_section_is_refused()
    {
        var a = await host.ArrangeTaskAsync();
        await host.AddTaskAsync(a.SectionId, $"{a.SectionNumber}.b", sortOrder: 1);
        var admin = await host.AdminAsync();

        var (_, html) = await admin.SubmitAsync(TaskUrl(a.TaskId), "Header", ("Header.Code", $"{a.SectionNumber}.b"),
            ("Header.Activity", "Nhiệm vụ thử"), ("Header.Version", await VersionAsync(admin, a.TaskId)));

        Assert.Contains($"Lĩnh vực này đã có nhiệm vụ mã {a.SectionNumber}.b", WebUtility.HtmlDecode(html));
        await using var db = host.NewDbContext();
        Assert.Equal($"{a.SectionNumber}.a", (await db.Tasks.SingleAsync(t => t.Id == a.TaskId)).Code);
    }

    [Fact]
    public async Task Empty_activity_is_refused_with_a_message()
    {
        var a = await host.ArrangeTaskAsync();

        var (_, html) = await (await host.AdminAsync()).SubmitAsync(SectionUrl(a), "AddTask", ("NewTask.Code", $"{a.SectionNumber}.k"), ("NewTask.Activity", "   "));

        Assert.Contains("Nhập nội dung hoạt động.", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task Moving_a_task_takes_its_sub_items_along_and_is_recorded()
    {
        var a = await host.ArrangeTaskAsync();
        var n = a.SectionNumber;
        await host.AddTaskAsync(a.SectionId, $"{n}.a.1", a.TaskId, 1);
        var b = await host.AddTaskAsync(a.SectionId, $"{n}.b", sortOrder: 2);
        var admin = await host.AdminAsync();

        await admin.SubmitAsync(SectionUrl(a), "MoveTask", ("taskId", $"{b.Id}"), ("up", "true"));

        Assert.Equal([$"{n}.b", $"{n}.a", $"{n}.a.1"], await CodesInEditorOrderAsync(admin, a));
        var (_, html) = await admin.SubmitAsync(SectionUrl(a), "MoveTask", ("taskId", $"{b.Id}"), ("up", "true"));
        Assert.Contains($"Nhiệm vụ {n}.b đã ở đầu lĩnh vực.", WebUtility.HtmlDecode(html));
        var move = Assert.Single(await host.HistoryAsync("Task", b.Id));
        Assert.Equal(("TaskMoved", (int?)b.Id), (move.Action, move.TaskId));
        Assert.Equal(2, EditorTesting.Json(move.BeforeJson).GetProperty("SortOrder").GetInt32());
        Assert.Equal(0, EditorTesting.Json(move.AfterJson).GetProperty("SortOrder").GetInt32());
    }

    [Fact]
    public async Task Moving_a_sub_item_stays_within_its_parent()
    {
        var a = await host.ArrangeTaskAsync();
        var n = a.SectionNumber;
        await host.AddTaskAsync(a.SectionId, $"{n}.a.1", a.TaskId, 1);
        var second = await host.AddTaskAsync(a.SectionId, $"{n}.a.2", a.TaskId, 2);
        await host.AddTaskAsync(a.SectionId, $"{n}.b", sortOrder: 3);
        var admin = await host.AdminAsync();

        await admin.SubmitAsync(SectionUrl(a), "MoveTask", ("taskId", $"{second.Id}"), ("up", "true"));

        Assert.Equal([$"{n}.a", $"{n}.a.2", $"{n}.a.1", $"{n}.b"], await CodesInEditorOrderAsync(admin, a));
    }

    [Fact]
    public async Task Admin_retires_and_restores_a_task_and_a_parent_with_active_sub_items_is_refused()
    {
        var a = await host.ArrangeTaskAsync();
        var sub = await host.AddTaskAsync(a.SectionId, $"{a.SectionNumber}.a.1", a.TaskId, 1);
        var admin = await host.AdminAsync();

        var (_, refused) = await admin.SubmitAsync(SectionUrl(a), "RetireTask", ("taskId", $"{a.TaskId}"));
        Assert.Contains("còn nội dung con đang dùng", WebUtility.HtmlDecode(refused));
        await admin.SubmitAsync(SectionUrl(a), "RetireTask", ("taskId", $"{sub.Id}"));
        var (_, retired) = await admin.SubmitAsync(SectionUrl(a), "RetireTask", ("taskId", $"{a.TaskId}"));
        Assert.Contains($"Đã ngừng nhiệm vụ {a.SectionNumber}.a.", retired);
        var (_, early) = await admin.SubmitAsync(SectionUrl(a), "RestoreTask", ("taskId", $"{sub.Id}"));
        Assert.Contains("hãy khôi phục nhiệm vụ cha trước", WebUtility.HtmlDecode(early));
        await admin.SubmitAsync(SectionUrl(a), "RestoreTask", ("taskId", $"{a.TaskId}"));

        await using var db = host.NewDbContext();
        var task = await db.Tasks.SingleAsync(t => t.Id == a.TaskId);
        Assert.False(task.IsRetired);
        Assert.True((await db.Tasks.SingleAsync(t => t.Id == sub.Id)).IsRetired);
        var history = await host.HistoryAsync("Task", a.TaskId);
        Assert.Equal(["TaskRetired", "TaskRestored"], history.Select(c => c.Action));
        Assert.All(history, c => Assert.Equal(a.TaskId, c.TaskId));
        Assert.True(EditorTesting.Json(history[0].AfterJson).GetProperty("IsRetired").GetBoolean());
        Assert.False(EditorTesting.Json(history[0].BeforeJson).GetProperty("IsRetired").GetBoolean());
    }

    [Fact]
    public async Task Script_typed_into_an_activity_is_stored_as_typed_and_shown_as_text()
    {
        const string script = "<script>alert(1)</script>";
        var a = await host.ArrangeTaskAsync();
        var admin = await host.AdminAsync();

        await admin.SubmitAsync(SectionUrl(a), "AddTask", ("NewTask.Code", $"{a.SectionNumber}.x"), ("NewTask.Activity", script), ("NewTask.Note", script));

        await using var db = host.NewDbContext();
        var task = await db.Tasks.SingleAsync(t => t.SectionId == a.SectionId && t.Code == $"{a.SectionNumber}.x");
        Assert.Equal((script, script), (task.Activity, task.Note));
        foreach (var url in new[] { $"/plans/{a.PlanId}", SectionUrl(a), TaskUrl(task.Id), $"/tasks/{task.Id}" })
        {
            var html = await admin.GetStringAsync(url);
            Assert.DoesNotContain(script, html);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        }
    }
}
