using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Reminders;
using PlanTracker.Tests.Features.Reminders.Support;
using PlanTracker.Tests.Support;
using static PlanTracker.Tests.Monitoring.MonitoringPages;

namespace PlanTracker.Tests.Features.Reports;

/// <summary>
/// A unit writes its Q3/2019 report in the app (cut-off 14/09, due 17/09), downloads it under its own letterhead and
/// submits it; Sở Nội vụ's city report quotes what the units wrote and keeps the item detail in an appendix.
/// </summary>
public class UnitReportTests
{
    private const string Difficulty = "Thiếu công chức chuyên trách kiểm soát thủ tục hành chính.";
    private const string Highlight = "Hoàn thành rà soát 100% thủ tục hành chính thuộc thẩm quyền.";
    private const string Proposal = "Đề nghị Sở Nội vụ tổ chức tập huấn về Chỉ số CCHC.";

    private static async Task<(ReminderHost Host, HttpClient Editor, int Plan, int Stp)> StartAsync()
    {
        var host = new ReminderHost();
        host.Time.SetMorning(new DateOnly(2019, 9, 16));
        return (host, await host.SignedInClientAsync(Roles.UnitEditor, "STP"), await host.PlanIdAsync(), await host.UnitIdAsync("STP"));
    }

    private static string Page(int plan, int unit) => $"/reports/unit?plan={plan}&period=2019-Q3&unit={unit}";

    /// <summary>Posts the report form as the page gives it: its token and the version it shows.</summary>
    private static async Task<HttpResponseMessage> WriteAsync(HttpClient client, int plan, int unit, string handler,
        string difficulty = Difficulty, string number = "120/BC-STP")
    {
        var html = await client.GetStringAsync(Page(plan, unit));
        var version = html.Contains("Input.Version", StringComparison.Ordinal) ? PageText.InputValue(html, "Input.Version") : "0";
        return await client.PostAsync($"/reports/unit?handler={handler}", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", FormPosting.AntiforgeryToken(html)),
             new("plan", plan.ToString(CultureInfo.InvariantCulture)), new("period", "2019-Q3"), new("unit", unit.ToString(CultureInfo.InvariantCulture)),
             new("Input.Highlights", Highlight), new("Input.Difficulties", difficulty), new("Input.Proposals", Proposal), new("Input.Version", version),
             new("DocumentNumber", number), new("DocumentDate", "2019-09-16")]));
    }

    private static async Task<string> DownloadAsync(ReminderHost host, HttpClient client, string url, string name)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = host.Folder.File(name);
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        return file;
    }

    [Fact]
    public async Task A_unit_editor_writes_its_Q3_report_and_downloads_it_under_its_own_letterhead()
    {
        var (host, editor, plan, stp) = await StartAsync();
        using var _ = host;

        var page = PageText.Parse(await editor.GetStringAsync($"/reports/unit?plan={plan}&period=2019-Q3"));
        var saved = await WriteAsync(editor, plan, stp, "Save");
        var file = await DownloadAsync(host, editor, $"/reports/unit.docx?plan={plan}&period=2019-Q3&unit={stp}", "bao-cao-stp.docx");

        Assert.StartsWith("Tổng số ", page.Find("#unit-summary").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll(".report-section tr[data-state]")); // its items, filled in from the data
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = host.NewDbContext())
        {
            var report = await db.UnitReports.SingleAsync();
            Assert.Equal((stp, "2019-Q3", Difficulty, (int?)null), (report.UnitId, report.PeriodKey, report.Difficulties, report.SubmissionId));
            Assert.Contains(await db.ChangeRecords.ToListAsync(), c => c.Action == "UnitReportCreated" && c.Summary.Contains("Sở Tư pháp"));
        }

        string[] expected;
        using (var doc = WordprocessingDocument.Open(file, false))
        {
            var body = doc.MainDocumentPart!.Document!.Body!;
            var letterhead = Assert.IsType<DocumentFormat.OpenXml.Wordprocessing.Table>(body.FirstChild);
            var cells = letterhead.Elements<TableRow>()
                .Select(r => r.Elements<TableCell>().Select(c => c.Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList()).ToList())
                .ToList();
            Assert.Equal(["ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "SỞ TƯ PHÁP"], cells[0][0]);
            Assert.Equal(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], cells[0][1]);
            Assert.Matches(@"^Số:\s+/BC-STP$", Assert.Single(cells[1][0]));
            Assert.Equal(["Cần Thơ, ngày 16 tháng 9 năm 2019"], cells[1][1]);
            var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
            Assert.Contains("BÁO CÁO", paragraphs);
            Assert.Contains("Kết quả thực hiện công tác cải cách hành chính quý III năm 2019", paragraphs);
            Assert.Contains(paragraphs, p => p.StartsWith("1. Tổng hợp chung. Tổng số ", StringComparison.Ordinal));
            // Its own text, each under its heading of the outline.
            Assert.Equal(Highlight, paragraphs[paragraphs.IndexOf("3. Kết quả nổi bật") + 1]);
            Assert.Equal(Difficulty, paragraphs[paragraphs.IndexOf("2. Khó khăn, vướng mắc") + 1]);
            Assert.Equal(Proposal, paragraphs[paragraphs.IndexOf("IV. KIẾN NGHỊ, ĐỀ XUẤT") + 1]);
            var signature = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Last().InnerText;
            Assert.Contains("Sở Nội vụ (để tổng hợp)", signature);
            Assert.Contains("GIÁM ĐỐC", signature);
            expected = ["ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "SỞ TƯ PHÁP", "BC-STP", "BÁO CÁO", Highlight, Difficulty, Proposal];
        }

        var text = await PdfTextAsync(file);
        Assert.All(expected, line => AssertWordsInPdf(text, line));
    }

    [Fact]
    public async Task Submitting_records_the_submission_stops_the_reminder_and_locks_the_text_until_resubmitted()
    {
        var (host, editor, plan, stp) = await StartAsync();
        using var _ = host;

        var submitted = await WriteAsync(editor, plan, stp, "Submit");
        var draftAfter = await WriteAsync(editor, plan, stp, "Save", difficulty: "Đã đổi");

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, draftAfter.StatusCode);
        await using (var db = host.NewDbContext())
        {
            var submission = await db.ReportSubmissions().SingleAsync();
            Assert.Equal((stp, "2019-Q3", "120/BC-STP", new DateOnly(2019, 9, 16), new DateOnly(2019, 9, 16)),
                (submission.UnitId, submission.PeriodKey, submission.DocumentNumber, submission.DocumentDate, submission.SubmittedOn));
            var report = await db.UnitReports.SingleAsync();
            Assert.Equal((submission.Id, Difficulty), (report.SubmissionId, report.Difficulties));
        }
        var page = PageText.Parse(await editor.GetStringAsync(Page(plan, stp)));
        Assert.StartsWith("Đã gửi văn bản số 120/BC-STP", PageText.Text(page.Find("#unit-report-state")), StringComparison.Ordinal);
        Assert.Equal(Difficulty, page.Find("dd[data-part=Difficulties]").TextContent);

        var resent = await WriteAsync(editor, plan, stp, "Submit", difficulty: "Đã bổ sung.", number: "125/BC-STP");
        await host.RunMorningAsync(new DateOnly(2019, 9, 18)); // the day after the due date: the units that sent nothing are reminded

        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        await using var check = host.NewDbContext();
        var all = await check.ReportSubmissions().OrderBy(s => s.Id).ToListAsync();
        Assert.Equal([(true, "120/BC-STP"), (false, "125/BC-STP")], all.Select(s => (s.IsRemoved, s.DocumentNumber)));
        var resubmitted = await check.UnitReports.SingleAsync();
        Assert.Equal((all[1].Id, "Đã bổ sung."), (resubmitted.SubmissionId, resubmitted.Difficulties));
        Assert.Contains(await check.ChangeRecords.ToListAsync(), c => c.Summary.StartsWith("Sửa và gửi lại", StringComparison.Ordinal));
        var reminders = await check.ReminderItems().ToListAsync();
        Assert.Contains(reminders, i => i.ItemKey == $"r{plan}:2019-Q3");
        Assert.DoesNotContain(reminders, i => i.UnitId == stp && i.ItemKey == $"r{plan}:2019-Q3");
    }

    [Fact]
    public async Task A_unit_editor_cannot_read_or_write_another_units_report()
    {
        var (host, editor, plan, _) = await StartAsync();
        using var __ = host;
        var stc = await host.UnitIdAsync("STC");

        var read = await editor.GetAsync(Page(plan, stc));
        var download = await editor.GetAsync($"/reports/unit.docx?plan={plan}&period=2019-Q3&unit={stc}");
        var write = await editor.PostFormAsync($"/reports/unit?plan={plan}",
            [new("plan", plan.ToString(CultureInfo.InvariantCulture)), new("period", "2019-Q3"), new("unit", stc.ToString(CultureInfo.InvariantCulture)),
             new("Input.Difficulties", "x"), new("Input.Version", "0"), new("DocumentNumber", "1/BC-STC"), new("DocumentDate", "2019-09-16")],
            "/reports/unit?handler=Submit");

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        await using var db = host.NewDbContext();
        Assert.False(await db.UnitReports.AnyAsync());
        Assert.False(await db.ReportSubmissions().AnyAsync());
    }

    [Fact]
    public async Task A_unit_editor_asking_for_the_city_report_gets_its_own_units_report()
    {
        var (host, editor, plan, _) = await StartAsync();
        using var _h = host;

        var response = await editor.GetAsync($"/reports/periodic?plan={plan}&period=2019-Q3");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/reports/unit?plan={plan}&period=2019-Q3", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(response.Headers.Location.OriginalString)).StatusCode);
    }

    [Fact]
    public async Task The_city_report_quotes_the_units_difficulties_by_name_and_keeps_the_items_for_its_appendix()
    {
        var (host, editor, plan, _) = await StartAsync();
        using var _h = host;
        Assert.Equal(HttpStatusCode.Redirect, (await WriteAsync(editor, plan, await host.UnitIdAsync("STP"), "Submit")).StatusCode);
        var admin = await host.AdminAsync();

        var page = PageText.Parse(await admin.GetStringAsync($"/reports/periodic?plan={plan}&period=2019-Q3"));
        var file = await DownloadAsync(host, admin, $"/reports/periodic.docx?plan={plan}&period=2019-Q3", "bao-cao-snv.docx");

        Assert.Equal($"Sở Tư pháp: “{Difficulty}”", page.Find("#unit-difficulties li[data-unit-name='Sở Tư pháp']").TextContent);
        Assert.Contains(Proposal, page.Find("#unit-proposals").TextContent);
        using var doc = WordprocessingDocument.Open(file, false);
        var blocks = doc.MainDocumentPart!.Document!.Body!.ChildElements.ToList();
        var appendix = blocks.FindIndex(b => b.InnerText == "PHỤ LỤC I");
        Assert.True(appendix > 0);
        var bodyText = blocks.Take(appendix).OfType<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains($"- Sở Tư pháp: “{Difficulty}”", bodyText);
        Assert.Contains($"- Sở Tư pháp: “{Proposal}”", bodyText);
        Assert.Contains($"- Sở Tư pháp: “{Highlight}”", bodyText);
        static bool ItemTable(DocumentFormat.OpenXml.OpenXmlElement b) =>
            b is DocumentFormat.OpenXml.Wordprocessing.Table t && t.Elements<TableRow>().First().InnerText.Contains("Kết quả, lý do", StringComparison.Ordinal);
        Assert.DoesNotContain(blocks.Take(appendix), ItemTable);
        Assert.Contains(blocks.Skip(appendix), ItemTable);
    }

    [Fact]
    public async Task The_city_workbook_prints_landscape_with_the_header_repeated_frozen_and_filtered()
    {
        var (host, _, plan, _) = await StartAsync();
        using var _h = host;

        var file = await DownloadAsync(host, await host.AdminAsync(), $"/reports/periodic.xlsx?plan={plan}&period=2019-Q3", "bao-cao-snv.xlsx");

        using var book = SpreadsheetDocument.Open(file, false);
        var workbook = book.WorkbookPart!;
        var sheets = workbook.Workbook!.Descendants<Sheet>().ToList();
        var titles = workbook.Workbook.DefinedNames!.Elements<DefinedName>().Where(d => d.Name == "_xlnm.Print_Titles").ToList();
        Assert.Equal(sheets.Count, titles.Count);
        foreach (var (sheet, index) in sheets.Select((s, i) => (s, i)))
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!;
            var headerRow = sheet.Name!.Value == "Tổng hợp" ? 8 : 2;
            Assert.Equal(OrientationValues.Landscape, worksheet.GetFirstChild<PageSetup>()!.Orientation!.Value);
            var pane = worksheet.Descendants<Pane>().Single();
            Assert.Equal((PaneStateValues.Frozen, (double)headerRow), (pane.State!.Value, pane.VerticalSplit!.Value));
            Assert.StartsWith($"A{headerRow}:", worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value, StringComparison.Ordinal);
            var title = titles.Single(t => t.LocalSheetId!.Value == (uint)index);
            Assert.EndsWith($"!${headerRow}:${headerRow}", title.Text, StringComparison.Ordinal);
        }

        // LibreOffice opens it with these settings.
        AssertInPdf(await PdfTextAsync(file), "Tổng cộng");
    }
}
