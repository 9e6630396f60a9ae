using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Admin.Plans;

public class AssignmentEditingTests(AssignmentEditingTests.Host host) : IClassFixture<AssignmentEditingTests.Host>
{
    public sealed class Host : PlanTrackerFactory;

    private static string TaskUrl(EditorTesting.ArrangedTask a) => $"/admin/plans/tasks/{a.TaskId}";

    [Fact]
    public async Task Admin_adds_a_coordinating_group_and_a_lead_unit_with_the_directory_names()
    {
        var a = await host.ArrangeTaskAsync();
        var admin = await host.AdminAsync();
        await using var db = host.NewDbContext();
        var districts = await db.UnitGroups.SingleAsync(g => g.Name == "UBND quận, huyện");
        var snv = await host.UnitIdAsync("SNV");

        await admin.SubmitAsync(TaskUrl(a), "AddAssignment", ("role", "Coordinating"), ("target", $"g:{districts.Id}"));
        var (_, html) = await admin.SubmitAsync(TaskUrl(a), "AddAssignment", ("role", "Lead"), ("target", $"u:{snv}"));

        Assert.Contains("Đã thêm Sở Nội vụ (chủ trì).", html);
        await using var after = host.NewDbContext();
        var task = await after.Tasks.Include(t => t.Assignments).SingleAsync(t => t.Id == a.TaskId);
        var group = task.Assignments.Single(x => x.UnitGroupId == districts.Id);
        Assert.Equal((AssignmentRole.Coordinating, "UBND quận, huyện", (int?)null), (group.Role, group.PrintedName, group.UnitId));
        var unit = task.Assignments.Single(x => x.UnitId == snv);
        Assert.Equal((AssignmentRole.Lead, "Sở Nội vụ"), (unit.Role, unit.PrintedName));
        Assert.Contains("so noi vu", task.SearchText);
        var record = Assert.Single(await host.HistoryAsync("TaskAssignment", unit.Id));
        Assert.Equal(("TaskAssignmentCreated", (int?)a.TaskId, (int?)a.PlanId), (record.Action, record.TaskId, record.PlanId));
        Assert.Equal("Lead", EditorTesting.Json(record.AfterJson).GetProperty("Role").GetString());
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/tasks/{a.TaskId}"));
        Assert.Contains("Sở Nội vụ", page);
    }

    [Fact]
    public async Task The_same_unit_twice_in_the_same_role_is_refused()
    {
        var a = await host.ArrangeTaskAsync();
        var admin = await host.AdminAsync();
        var before = await host.FingerprintAsync();

        var (_, html) = await admin.SubmitAsync(TaskUrl(a), "AddAssignment", ("role", "Lead"), ("target", $"u:{await host.UnitIdAsync("STP")}"));

        Assert.Contains($"Sở Tư pháp đã là đơn vị chủ trì của nhiệm vụ {a.SectionNumber}.a.", WebUtility.HtmlDecode(html));
        Assert.Equal(before, await host.FingerprintAsync());
    }

    [Fact]
    public async Task Nothing_chosen_is_refused_with_a_message()
    {
        var a = await host.ArrangeTaskAsync();

        var (_, html) = await (await host.AdminAsync()).SubmitAsync(TaskUrl(a), "AddAssignment", ("role", "Lead"), ("target", ""));

        Assert.Contains("Chọn một đơn vị hoặc nhóm đơn vị trong danh bạ.", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task Admin_retires_and_restores_an_assignment_and_the_lead_unit_follows()
    {
        var a = await host.ArrangeTaskAsync();
        var admin = await host.AdminAsync();
        var stp = await host.UnitIdAsync("STP");

        var (_, retired) = await admin.SubmitAsync(TaskUrl(a), "RetireAssignment", ("assignmentId", $"{a.AssignmentId}"));

        Assert.Contains("Đã thôi giao Sở Tư pháp (chủ trì).", WebUtility.HtmlDecode(retired));
        await using (var db = host.NewDbContext())
        {
            Assert.True((await db.TaskAssignments.SingleAsync(x => x.Id == a.AssignmentId)).IsRetired);
            Assert.DoesNotContain("so tu phap", (await db.Tasks.SingleAsync(t => t.Id == a.TaskId)).SearchText);
            Assert.False(await PlanTracker.Core.States.TaskUnits.IsAssignedAsync(db, a.TaskId, stp, PlanTracker.Core.Plans.AssignmentRole.Lead));
        }

        await admin.SubmitAsync(TaskUrl(a), "RestoreAssignment", ("assignmentId", $"{a.AssignmentId}"));

        await using var after = host.NewDbContext();
        Assert.False((await after.TaskAssignments.SingleAsync(x => x.Id == a.AssignmentId)).IsRetired);
        var history = await host.HistoryAsync("TaskAssignment", a.AssignmentId);
        Assert.Equal(["TaskAssignmentRetired", "TaskAssignmentRestored"], history.Select(c => c.Action));
        Assert.All(history, c => Assert.Equal(a.TaskId, c.TaskId));
        Assert.True(EditorTesting.Json(history[0].AfterJson).GetProperty("IsRetired").GetBoolean());
    }
}
