using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Admin.Plans;

public class DeliverableEditingTests(DeliverableEditingTests.Host host) : IClassFixture<DeliverableEditingTests.Host>
{
    public sealed class Host : PlanTrackerFactory;

    private static string TaskUrl(EditorTesting.ArrangedTask a) => $"/admin/plans/tasks/{a.TaskId}";

    private static async Task<string> VersionAsync(HttpClient admin, int deliverableId) =>
        PageText.InputValue(await admin.GetStringAsync($"/admin/plans/deliverables/{deliverableId}"), "Input.Version");

    private async Task<Deliverable> DeliverableAsync(int id)
    {
        await using var db = host.NewDbContext();
        return await db.Deliverables.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    [Fact]
    public async Task Admin_adds_a_deliverable_and_its_deadline_is_read_for_the_plan_year()
    {
        var a = await host.ArrangeTaskAsync();
        var admin = await host.AdminAsync();

        var (_, html) = await admin.SubmitAsync(TaskUrl(a), "AddDeliverable", ("NewDeliverable.Product", "Kế hoạch kiểm tra"), ("NewDeliverable.DeadlineText", "Quý II"));

        Assert.Contains("Đã thêm sản phẩm", html);
        Assert.Contains("Hạn 30/06/2019", html);
        await using var db = host.NewDbContext();
        var added = await db.Deliverables.Include(d => d.Task).SingleAsync(d => d.TaskId == a.TaskId && d.Product == "Kế hoạch kiểm tra");
        Assert.Equal((DeadlineKind.Quarter, new DateOnly(2019, 6, 30), "Quý II", 1), (added.DeadlineKind, added.DeadlineDue, added.DeadlineText, added.SortOrder));
        Assert.Contains("ke hoach kiem tra", added.Task!.SearchText);
        var record = Assert.Single(await host.HistoryAsync("Deliverable", added.Id));
        Assert.Equal(("DeliverableCreated", (int?)a.TaskId, (int?)a.PlanId), (record.Action, record.TaskId, record.PlanId));
        Assert.Equal("2019-06-30", EditorTesting.Json(record.AfterJson).GetProperty("DeadlineDue").GetString());
    }

    [Fact]
    public async Task Editing_the_deadline_text_reads_it_again_and_records_kind_and_due_before_and_after()
    {
        var a = await host.ArrangeTaskAsync();
        var admin = await host.AdminAsync();
        var url = $"/admin/plans/deliverables/{a.DeliverableId}";

        var (response, html) = await admin.SubmitAsync(url, null, ("Input.Product", "Báo cáo thử"), ("Input.DeadlineText", "Hàng quý"), ("Input.Version", await VersionAsync(admin, a.DeliverableId)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TaskUrl(a), response.Headers.Location!.OriginalString);
        Assert.Contains("Hàng quý, 4 lần trong năm", WebUtility.HtmlDecode(html));
        var d = await DeliverableAsync(a.DeliverableId);
        Assert.Equal((DeadlineKind.RecurringQuarterly, new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31), 1),
            (d.DeadlineKind, d.DeadlineStart, d.DeadlineDue, d.Version));
        var record = Assert.Single(await host.HistoryAsync("Deliverable", a.DeliverableId));
        Assert.Equal(("DeliverableUpdated", (int?)a.TaskId), (record.Action, record.TaskId));
        var before = EditorTesting.Json(record.BeforeJson);
        var after = EditorTesting.Json(record.AfterJson);
        Assert.Equal(("Quý IV", "Quarter", "2019-10-01"), (before.GetProperty("DeadlineText").GetString(), before.GetProperty("DeadlineKind").GetString(), before.GetProperty("DeadlineStart").GetString()));
        Assert.Equal(("Hàng quý", "RecurringQuarterly", "2019-01-01"), (after.GetProperty("DeadlineText").GetString(), after.GetProperty("DeadlineKind").GetString(), after.GetProperty("DeadlineStart").GetString()));
        Assert.False(before.TryGetProperty("Product", out _)); // only what changed: the product and the due date did not
        Assert.False(before.TryGetProperty("DeadlineDue", out _));
    }

    [Fact]
    public async Task A_new_due_date_is_recorded_before_and_after()
    {
        var a = await host.ArrangeTaskAsync();
        var admin = await host.AdminAsync();

        await admin.SubmitAsync($"/admin/plans/deliverables/{a.DeliverableId}", null, ("Input.Product", "Báo cáo thử"),
            ("Input.DeadlineText", "trước ngày 15/07/2019"), ("Input.Version", await VersionAsync(admin, a.DeliverableId)));

        var d = await DeliverableAsync(a.DeliverableId);
        Assert.Equal((DeadlineKind.Date, new DateOnly(2019, 7, 15)), (d.DeadlineKind, d.DeadlineDue));
        var record = Assert.Single(await host.HistoryAsync("Deliverable", a.DeliverableId));
        Assert.Equal("2019-12-31", EditorTesting.Json(record.BeforeJson).GetProperty("DeadlineDue").GetString());
        Assert.Equal("2019-07-15", EditorTesting.Json(record.AfterJson).GetProperty("DeadlineDue").GetString());
    }

    [Fact]
    public async Task Unreadable_deadline_is_kept_verbatim_and_flagged()
    {
        var a = await host.ArrangeTaskAsync();
        var admin = await host.AdminAsync();

        await admin.SubmitAsync($"/admin/plans/deliverables/{a.DeliverableId}", null, ("Input.Product", "Báo cáo thử"),
            ("Input.DeadlineText", "sớm nhất có thể"), ("Input.Version", await VersionAsync(admin, a.DeliverableId)));

        var d = await DeliverableAsync(a.DeliverableId);
        Assert.Equal(("sớm nhất có thể", DeadlineKind.Unparsed, (DateOnly?)null), (d.DeadlineText, d.DeadlineKind, d.DeadlineDue));
    }

    [Fact]
    public async Task Second_deliverable_edit_from_the_same_version_is_refused_and_the_first_kept()
    {
        var a = await host.ArrangeTaskAsync();
        var admin = await host.AdminAsync();
        var url = $"/admin/plans/deliverables/{a.DeliverableId}";
        var version = await VersionAsync(admin, a.DeliverableId);

        await admin.SubmitAsync(url, null, ("Input.Product", "Báo cáo thử"), ("Input.DeadlineText", "Quý III"), ("Input.Version", version));
        var (response, html) = await admin.SubmitAsync(url, null, ("Input.Product", "Báo cáo thử"), ("Input.DeadlineText", "Tháng 11"), ("Input.Version", version));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("Chưa lưu: mục này vừa được người khác sửa.", text);
        Assert.Matches("<td class=\"saved\">Quý III</td>\\s*<td class=\"yours\">Tháng 11</td>", text);
        Assert.Equal("Quý III", (await DeliverableAsync(a.DeliverableId)).DeadlineText);
    }

    [Fact]
    public async Task Deliverable_without_product_or_deadline_is_refused_with_messages()
    {
        var a = await host.ArrangeTaskAsync();

        var (_, html) = await (await host.AdminAsync()).SubmitAsync(TaskUrl(a), "AddDeliverable", ("NewDeliverable.Product", ""), ("NewDeliverable.DeadlineText", ""));

        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("Nhập sản phẩm", text);
        Assert.Contains("Nhập thời gian hoàn thành", text);
    }

    [Fact]
    public async Task Admin_moves_retires_and_restores_a_deliverable_and_each_is_recorded()
    {
        var a = await host.ArrangeTaskAsync();
        var admin = await host.AdminAsync();
        await admin.SubmitAsync(TaskUrl(a), "AddDeliverable", ("NewDeliverable.Product", "Sản phẩm hai"), ("NewDeliverable.DeadlineText", "Thường xuyên"));
        await using var db = host.NewDbContext();
        var second = await db.Deliverables.SingleAsync(d => d.TaskId == a.TaskId && d.Product == "Sản phẩm hai");

        await admin.SubmitAsync(TaskUrl(a), "MoveDeliverable", ("deliverableId", $"{second.Id}"), ("up", "true"));
        var (_, retired) = await admin.SubmitAsync(TaskUrl(a), "RetireDeliverable", ("deliverableId", $"{a.DeliverableId}"));
        Assert.Contains("Đã ngừng sản phẩm “Báo cáo thử”.", WebUtility.HtmlDecode(retired));
        Assert.DoesNotContain("bao cao thu", (await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == a.TaskId)).SearchText);
        await admin.SubmitAsync(TaskUrl(a), "RestoreDeliverable", ("deliverableId", $"{a.DeliverableId}"));

        await using var after = host.NewDbContext();
        var order = await after.Deliverables.Where(d => d.TaskId == a.TaskId).OrderBy(d => d.SortOrder).Select(d => d.Product).ToListAsync();
        Assert.Equal(["Sản phẩm hai", "Báo cáo thử"], order);
        Assert.False((await after.Deliverables.SingleAsync(d => d.Id == a.DeliverableId)).IsRetired);
        Assert.Contains("bao cao thu", (await after.Tasks.SingleAsync(t => t.Id == a.TaskId)).SearchText);
        Assert.Equal(["DeliverableCreated", "DeliverableMoved"], (await host.HistoryAsync("Deliverable", second.Id)).Select(c => c.Action));
        var history = await host.HistoryAsync("Deliverable", a.DeliverableId);
        Assert.Equal(["DeliverableRetired", "DeliverableRestored"], history.Select(c => c.Action));
        Assert.All(history, c => Assert.Equal(a.TaskId, c.TaskId));
    }
}
