using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Plans;
using PlanTracker.Core.States;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Admin.Plans;

/// <summary>"Lập kế hoạch năm sau" from Plan 163, on 15/01/2020.</summary>
public class NextYearTests(NextYearTests.Host host) : IClassFixture<NextYearTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2020-01-15";
    }

    private const string Url = "/admin/plans/1/next-year";

    [Fact]
    public async Task A_copied_task_keeps_its_mark_as_assigned_by_a_higher_level()
    {
        await using var db = host.NewDbContext();
        var marked = await db.Tasks.Where(t => t.Section!.PlanId == 1 && !t.IsRetired && t.ParentTaskId == null).OrderBy(t => t.Id).FirstAsync();
        marked.AssignedByHigherLevel = true;
        await db.SaveChangesAsync();
        var copy = new Plan { Number = "998/KH-UBND", Title = "Bản sao", Year = 2020, EndYear = 2020 };

        await Web.Features.Admin.Plans.PlanCopier.CreateAsync(db, Core.History.Actor.System, DateTime.UtcNow, copy,
            await Web.Features.Admin.Plans.PlanCopier.LoadSourceAsync(db, 1), new Web.Features.Admin.Plans.PlanCopier.Choices(Web.Features.Admin.Plans.PlanCopier.CopyScope.Everything));

        var copied = await db.Tasks.Where(t => t.Section!.PlanId == copy.Id).ToListAsync();
        Assert.Equal([marked.Code], copied.Where(t => t.AssignedByHigherLevel).Select(t => t.Code));
    }

    [Fact]
    public async Task Review_lists_every_deliverable_with_its_old_and_proposed_deadline_and_the_unfinished_items()
    {
        var admin = await host.AdminAsync();
        await using var db = host.NewDbContext();
        var live = await db.LiveDeliverables().CountAsync(d => d.Task!.Section!.PlanId == 1);
        var (_, quarter4of2018) = await host.DeliverableAsync("1.a");

        var page = await admin.GetDocumentAsync(Url);

        var rows = page.QuerySelectorAll("table.rollover tbody tr");
        Assert.Equal(live, rows.Length);
        var row = rows.Single(r => r.GetAttribute("data-deliverable") == $"{quarter4of2018}");
        var oldDeadline = PageText.Text(row.Find(".old-deadline"));
        Assert.Contains("Quý IV năm 2018", oldDeadline);
        Assert.Contains("31/12/2018", oldDeadline);
        Assert.Equal("Quý IV năm 2019", ((IHtmlInputElement)row.Find("input[name$='.Deadline']")).Value);
        Assert.Equal("31/12/2019", PageText.Text(row.Find(".new-due")));
        Assert.True(((IHtmlInputElement)row.Find("input[name$='.Keep']")).IsChecked);
        Assert.NotEmpty(page.QuerySelectorAll("table.unfinished input[name='CarryOver']"));
        Assert.Equal("163/KH-UBND", ((IHtmlInputElement)page.Find("input[name='Number']")).Value);
        Assert.Equal("2020", ((IHtmlInputElement)page.Find("input[name='Year']")).Value);
    }

    [Fact]
    public async Task Saving_the_review_makes_a_draft_with_the_edited_texts_without_unchecked_rows_and_with_carried_items_linked()
    {
        var admin = await host.AdminAsync();
        await using var db = host.NewDbContext();
        var (_, edited) = await host.DeliverableAsync("1.a");
        // Left out, and carried over instead: a one-product task without sub-items, so the copy leaves the task out.
        var dropped = await db.LiveDeliverables()
            .Where(d => d.Task!.Section!.PlanId == 1 && d.DeadlineText == "Trong năm 2019" && d.Task.Deliverables.Count == 1 && !d.Task.Subtasks.Any())
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.Task!.Code, d.Product }).FirstAsync();
        var page = await admin.GetDocumentAsync(Url);
        Assert.NotNull(page.QuerySelector($"table.unfinished tr[data-deliverable='{dropped.Id}']"));

        var fields = FormFields(page, f => f.Name!.EndsWith(".Keep", StringComparison.Ordinal) && RowOf(page, f) == dropped.Id ? null
            : f.Name!.EndsWith(".Deadline", StringComparison.Ordinal) && RowOf(page, f) == edited ? "Quý II năm 2020"
            : f.Name == "Number" ? "210/KH-UBND"
            : f.Name == "CarryOver" ? (f.Value == $"{dropped.Id}" ? f.Value : null)
            : f.Value);
        var (response, html) = await admin.SubmitAsync(Url, null, [.. fields]);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, PageText.Text(html));
        Assert.Contains("Đã lập dự thảo kế hoạch 210/KH-UBND năm 2020", EditorTesting.Decoded(html));
        await using var after = host.NewDbContext();
        var plan = await after.Plans.Include(p => p.Objectives).ThenInclude(o => o.Indicators).ThenInclude(i => i.Steps).Include(p => p.Duties)
            .SingleAsync(p => p.Number == "210/KH-UBND" && p.Year == 2020);
        Assert.Equal((PlanStatus.Draft, PlanKind.CityAnnual, 2020, (int?)1), (plan.Status, plan.Kind, plan.EndYear, plan.CopiedFromPlanId));
        Assert.Equal("Công tác cải cách hành chính năm 2020", plan.Title);

        var copied = await after.Deliverables.Include(d => d.Task).Where(d => d.Task!.Section!.PlanId == plan.Id).ToListAsync();
        var live = await after.LiveDeliverables().CountAsync(d => d.Task!.Section!.PlanId == 1);
        Assert.Equal(live, copied.Count); // one left out, one carried over
        var editedCopy = copied.Single(d => d.Task!.Code == "1.a" && d.SortOrder == 0);
        Assert.Equal(("Quý II năm 2020", DeadlineKind.Quarter, new DateOnly(2020, 6, 30)), (editedCopy.DeadlineText, editedCopy.DeadlineKind, editedCopy.DeadlineDue));
        Assert.All(copied.Where(d => d.DeadlineText.StartsWith("Trong năm", StringComparison.Ordinal) && d.CarriedOverFromId is null),
            d => Assert.Equal(new DateOnly(2020, 12, 31), d.DeadlineDue));

        var carried = Assert.Single(copied, d => d.CarriedOverFromId is not null);
        Assert.Equal((dropped.Id, dropped.Code, dropped.Product), (carried.CarriedOverFromId!.Value, carried.Task!.Code, carried.Product));
        Assert.Equal(("Trong năm 2019", new DateOnly(2019, 12, 31)), (carried.DeadlineText, carried.DeadlineDue));
        Assert.StartsWith("Chuyển tiếp từ kế hoạch 163/KH-UBND năm 2019", carried.Note);
        Assert.NotEmpty(await after.TaskAssignments.Where(a => a.TaskId == carried.TaskId).ToListAsync());
        var detail = PageText.Text(await admin.GetStringAsync($"/tasks/{carried.TaskId}"));
        Assert.Contains("Chuyển tiếp từ kế hoạch 163/KH-UBND năm 2019", detail);

        await AssertStatementsCopiedAsync(after, plan);
        Assert.Single(await after.ChangeRecords.Where(c => c.PlanId == plan.Id && c.Action == "PlanCreated").ToListAsync());
        Assert.Single(await after.ChangeRecords.Where(c => c.PlanId == plan.Id && c.Action == "DeliverableCreated" && c.EntityId == carried.Id).ToListAsync());
    }

    [Theory]
    [InlineData("khi nào xong", "2020", "210-sai/KH-UBND", "Không đọc được thời hạn “khi nào xong” của sản phẩm")]
    [InlineData("", "2020", "211/KH-UBND", "Nhập thời hạn mới cho sản phẩm")]
    [InlineData(null, "2019", "163/KH-UBND", "Đã có kế hoạch số 163/KH-UBND năm 2019")]
    [InlineData(null, "năm sau", "212/KH-UBND", "Năm kế hoạch mới phải là số nguyên từ 2000 đến 2100.")]
    public async Task Bad_input_is_answered_in_Vietnamese_and_writes_nothing(string? deadline, string year, string number, string message)
    {
        var admin = await host.AdminAsync();
        var (_, edited) = await host.DeliverableAsync("1.b");
        var url = year == "2019" ? Url + "?year=2019" : Url;
        var page = await admin.GetDocumentAsync(url);
        var before = await host.FingerprintAsync();

        var fields = FormFields(page, f => f.Name!.EndsWith(".Deadline", StringComparison.Ordinal) && RowOf(page, f) == edited && deadline is not null ? deadline
            : f.Name == "Number" ? number : f.Name == "Year" ? year : f.Value);
        var (response, html) = await admin.SubmitAsync(Url, null, [.. fields]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, EditorTesting.Decoded(html));
        Assert.Equal(before, await host.FingerprintAsync());
        await using var db = host.NewDbContext();
        Assert.False(await db.Plans.AnyAsync(p => p.Number == number && p.Year != 2019));
    }

    [Fact]
    public async Task Review_is_for_admins_and_its_form_needs_the_anti_forgery_token()
    {
        var viewer = await host.ViewerAsync();
        await EditorTesting.AssertForbiddenAsync(viewer, await viewer.GetAsync(Url), "GET as viewer");
        await EditorTesting.AssertForbiddenAsync(viewer, await viewer.PostAsync(Url, new FormUrlEncodedContent([new("Number", "1/KH")])), "POST as viewer");

        var admin = await host.AdminAsync();
        var response = await admin.PostAsync(Url, new FormUrlEncodedContent([new("Number", "300/KH-UBND"), new("Year", "2020"), new("ProposedFor", "2020")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task AssertStatementsCopiedAsync(Core.Data.PlanTrackerDbContext db, Plan plan)
    {
        var source = await db.Plans.AsNoTracking().Include(p => p.Objectives).ThenInclude(o => o.Indicators).Include(p => p.Duties).SingleAsync(p => p.Id == 1);
        Assert.NotEmpty(source.Objectives);
        Assert.Equal(source.Objectives.OrderBy(o => o.SortOrder).Select(o => (o.Code, o.Text, o.Kind)), plan.Objectives.OrderBy(o => o.SortOrder).Select(o => (o.Code, o.Text, o.Kind)));
        Assert.Equal(source.Objectives.SelectMany(o => o.Indicators).OrderBy(i => i.Text).Select(i => (i.Text, i.Target, i.Unit, i.ResponsibleUnitId)),
            plan.Objectives.SelectMany(o => o.Indicators).OrderBy(i => i.Text).Select(i => (i.Text, i.Target, i.Unit, i.ResponsibleUnitId)));
        Assert.Equal(0, await db.IndicatorValues.CountAsync(v => v.Indicator!.Objective!.PlanId == plan.Id));
        Assert.Equal(source.Duties.Count, plan.Duties.Count);
        var duty = plan.Duties.Single(d => d.Code == "III.1.a");
        Assert.Equal(("trước ngày 31 tháng 01 năm 2020", DeadlineKind.Date, new DateOnly(2020, 1, 31)), (duty.DeadlineText, duty.DeadlineKind, duty.DeadlineDue));
    }

    private static int? RowOf(IDocument page, IHtmlInputElement field) =>
        field.Closest("tr")?.GetAttribute("data-deliverable") is { } id ? int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The post form's fields as a browser sends them, each value through <paramref name="value"/> (null: not sent).</summary>
    private static List<(string, string)> FormFields(IDocument page, Func<IHtmlInputElement, string?> value)
    {
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.QuerySelector("input[name='ProposedFor']") is not null);
        var fields = new List<(string, string)>();
        foreach (var input in form.QuerySelectorAll("input").OfType<IHtmlInputElement>())
        {
            if (input.Name is null or "__RequestVerificationToken") continue;
            if (input.Type == "checkbox" && !input.IsChecked && input.Name != "CarryOver") continue;
            if (input.Type == "checkbox" && input.Name == "CarryOver") { if (value(input) is { } carried) fields.Add((input.Name, carried)); continue; }
            if (value(input) is { } v) fields.Add((input.Name, v));
        }
        return fields;
    }
}
