using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Features.Reminders.Support;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Reports;

/// <summary>
/// Reports as of their cut-off (Q1/2019: 14/03, H1: 14/06, Q3: 14/09): each result text is the one that stood on the
/// cut-off day, so a later text never reaches an earlier report; an ongoing ("Thường xuyên") item lists the result of
/// each quarter the report covers, labelled.
/// </summary>
public class AsOfCutOffTests
{
    private static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The first deliverable of the kinds given that one unit leads by itself, with that unit.</summary>
    private static async Task<(int Deliverable, int Unit, string UnitCode)> ItemAsync(ReminderHost host, params DeadlineKind[] kinds)
    {
        await using var db = host.NewDbContext();
        var pick = await (
            from d in db.Deliverables
            where !d.IsRetired && kinds.Contains(d.DeadlineKind) && (d.DeadlineDue == null || d.DeadlineDue > new DateOnly(2019, 9, 30))
            from a in db.TaskAssignments
            where a.TaskId == d.TaskId && a.Role == AssignmentRole.Lead && !a.IsRetired && a.UnitId != null
                && db.TaskAssignments.Count(o => o.TaskId == d.TaskId && o.Role == AssignmentRole.Lead && !o.IsRetired) == 1
            orderby d.Id
            select new { d.Id, Unit = a.UnitId!.Value, a.Unit!.Code }).FirstAsync();
        return (pick.Id, pick.Unit, pick.Code);
    }

    /// <summary>The unit's editor, signed in on the morning of the given day (a session lasts 8 hours).</summary>
    private static Task<HttpClient> EditorOnAsync(ReminderHost host, string code, DateOnly day)
    {
        host.Time.SetMorning(day);
        return host.SignedInClientAsync(Roles.UnitEditor, code, $"{code.ToLowerInvariant()}-{day:yyyyMMdd}@cantho.example");
    }

    /// <summary>Saves a result through the update form, on the morning of the given day.</summary>
    private static async Task<HttpResponseMessage> SaveAsync(ReminderHost host, string code, DateOnly day, int deliverable, int unit,
        string period, string text)
    {
        var client = await EditorOnAsync(host, code, day);
        var url = $"/deliverables/{deliverable}/progress?unit={unit}&period={period}";
        var page = await client.GetStringAsync(url);
        return await client.PostAsync(url, new FormUrlEncodedContent(
            [new("__RequestVerificationToken", FormPosting.AntiforgeryToken(page)), new("Unit", Invariant(unit)), new("Period", period),
             new("Input.Version", PageText.InputValue(page, "Input.Version")), new("Input.Status", "InProgress"),
             new("Input.ProgressPercent", "50"), new("Input.ResultText", text)]));
    }

    /// <summary>The result cells of the unit's report of a period.</summary>
    private static async Task<List<string>> ResultsAsync(HttpClient client, int plan, string period, int unit)
    {
        var page = PageText.Parse(await client.GetStringAsync($"/reports/unit?plan={plan}&period={period}&unit={unit}"));
        return [.. page.QuerySelectorAll(".report-section td.result").Select(c => c.TextContent)];
    }

    /// <summary>Every cell text of the city report's workbook.</summary>
    private static async Task<string> WorkbookTextAsync(ReminderHost host, HttpClient client, int plan, string period)
    {
        var response = await client.GetAsync($"/reports/periodic.xlsx?plan={plan}&period={period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = host.Folder.File($"report-{period}.xlsx");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        using var book = SpreadsheetDocument.Open(file, false);
        return string.Join("\n", book.WorkbookPart!.SharedStringTablePart?.SharedStringTable.InnerText ?? "",
            string.Join("\n", book.WorkbookPart.WorksheetParts.Select(w => w.Worksheet.InnerText)));
    }

    [Fact]
    public async Task A_result_changed_after_the_Q1_cut_off_shows_the_old_text_in_Q1_and_the_new_in_Q3()
    {
        using var host = new ReminderHost();
        var plan = await host.PlanIdAsync();
        var (deliverable, unit, code) = await ItemAsync(host, DeadlineKind.Quarter, DeadlineKind.Year, DeadlineKind.Month, DeadlineKind.Date);

        var first = await SaveAsync(host, code, new DateOnly(2019, 3, 10), deliverable, unit, "", "Đã dự thảo kế hoạch");
        var second = await SaveAsync(host, code, new DateOnly(2019, 5, 20), deliverable, unit, "", "Đã trình UBND thành phố ban hành");
        var editor = await EditorOnAsync(host, code, new DateOnly(2019, 9, 16));
        var admin = await host.AdminAsync();

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        var q1 = await ResultsAsync(editor, plan, "2019-Q1", unit);
        Assert.Contains("Đã dự thảo kế hoạch", q1);
        Assert.DoesNotContain(q1, r => r.Contains("Đã trình", StringComparison.Ordinal));
        var q3 = await ResultsAsync(editor, plan, "2019-Q3", unit);
        Assert.Contains("Đã trình UBND thành phố ban hành", q3);
        Assert.DoesNotContain("Đã dự thảo kế hoạch", q3);
        // The city report's workbook reads the same history.
        var q1Book = await WorkbookTextAsync(host, admin, plan, "2019-Q1");
        Assert.Contains("Đã dự thảo kế hoạch", q1Book, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã trình UBND thành phố ban hành", q1Book, StringComparison.Ordinal);
        Assert.Contains("Đã trình UBND thành phố ban hành", await WorkbookTextAsync(host, admin, plan, "2019-Q3"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_first_written_after_the_cut_off_is_absent_from_the_earlier_report()
    {
        using var host = new ReminderHost();
        var plan = await host.PlanIdAsync();
        var (deliverable, unit, code) = await ItemAsync(host, DeadlineKind.Quarter, DeadlineKind.Year, DeadlineKind.Month, DeadlineKind.Date);

        await SaveAsync(host, code, new DateOnly(2019, 3, 15), deliverable, unit, "", "Viết ngày 15/03, sau ngày chốt số liệu");
        var editor = await EditorOnAsync(host, code, new DateOnly(2019, 3, 16));

        Assert.DoesNotContain(await ResultsAsync(editor, plan, "2019-Q1", unit), r => r.Contains("Viết ngày 15/03", StringComparison.Ordinal));
        Assert.Contains("Viết ngày 15/03, sau ngày chốt số liệu", await ResultsAsync(editor, plan, "2019-H1", unit));
    }

    [Fact]
    public async Task An_ongoing_items_quarter_results_appear_labelled_in_the_H1_report_and_the_form_stores_the_quarter_chosen()
    {
        using var host = new ReminderHost();
        var plan = await host.PlanIdAsync();
        var (deliverable, unit, code) = await ItemAsync(host, DeadlineKind.Ongoing);

        // The form asks which quarter, the current one by default (May: Quý 2); the result goes where the user chose.
        var early = await EditorOnAsync(host, code, new DateOnly(2019, 5, 20));
        var form = PageText.Parse(await early.GetStringAsync($"/deliverables/{deliverable}/progress?unit={unit}"));
        var q1 = await SaveAsync(host, code, new DateOnly(2019, 5, 21), deliverable, unit, "Q1", "Tuyên truyền 12 tin bài");
        var q2 = await SaveAsync(host, code, new DateOnly(2019, 6, 10), deliverable, unit, "Q2", "Tập huấn cho 40 công chức");
        var editor = await EditorOnAsync(host, code, new DateOnly(2019, 6, 20));

        Assert.Equal("Q2", form.QuerySelector("input[name=Period]")!.GetAttribute("value"));
        Assert.Contains("Kết quả của quý:", form.QuerySelector("#period-choice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (q1.StatusCode, q2.StatusCode));
        await using (var db = host.NewDbContext())
        {
            var stored = await db.Progress.Where(p => p.DeliverableId == deliverable && p.UnitId == unit)
                .OrderBy(p => p.Period).Select(p => new { p.Period, p.ResultText }).ToListAsync();
            Assert.Equal([("Q1", "Tuyên truyền 12 tin bài"), ("Q2", "Tập huấn cho 40 công chức")], stored.Select(s => (s.Period, s.ResultText)));
        }
        Assert.Contains("Quý I: Tuyên truyền 12 tin bài\nQuý II: Tập huấn cho 40 công chức", await ResultsAsync(editor, plan, "2019-H1", unit));
        // The Q1 report covers one quarter, and its result was written after 14/03.
        Assert.DoesNotContain(await ResultsAsync(editor, plan, "2019-Q1", unit), r => r.Contains("Tuyên truyền", StringComparison.Ordinal));
    }
}
