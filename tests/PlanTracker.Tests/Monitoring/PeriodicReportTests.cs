using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;
using static PlanTracker.Tests.Monitoring.MonitoringPages;

namespace PlanTracker.Tests.Monitoring;

/// <summary>
/// The periodic report of the fixture. Q3/2019 has its cut-off on 14/09/2019: as then, Ninh Kiều's report (done 10/07)
/// is late, 2.a's third quarter (due 30/09) still in progress, so 3 đúng hạn, 2 quá hạn (đã xong), 3 đang thực hiện,
/// 7 quá hạn, 1 thường xuyên, 1 chưa có hạn; rate 3/12 = 25%. Reports due 2 working days after Saturday 14/09, i.e.
/// 17/09: Cái Răng sent on 17/09 (on time), Sở Tư pháp on 18/09 (late), Ninh Kiều nothing; Sở Nội vụ receives the
/// reports and owes none.
/// </summary>
public class PeriodicReportTests(PeriodicReportTests.Host host) : IClassFixture<PeriodicReportTests.Host>
{
    public sealed class Host : MonitoringHost;

    private async Task<int> PlanIdAsync()
    {
        await host.ReadyAsync();
        await using var db = host.NewDbContext();
        return await db.Plans.Where(p => p.Number == MonitoringFixture.PlanNumber).Select(p => p.Id).SingleAsync();
    }

    private async Task<string> ReportAsync(string period) =>
        await (await host.AdminAsync()).GetStringAsync($"/reports/periodic?plan={await PlanIdAsync()}&period={period}");

    [Fact]
    public async Task Q3_report_counts_states_as_of_its_cut_off()
    {
        var html = await ReportAsync("2019-Q3");

        var totals = Text(PageText.Parse(html).Find("#report-sections tfoot"));
        Assert.StartsWith("Tổng cộng 17 3 2 3 7 1 1 25%", totals);
        Assert.Contains("14/09/2019", Text(html));
        var first = Row(html, "data-section", 1);
        Assert.Equal([2, 1, 1, 7], new[] { "DoneOnTime", "DoneLate", "InProgress", "Overdue" }.Select(s => StateCell(first, s)));
    }

    [Fact]
    public async Task Q1_report_sees_only_what_was_done_by_14_March()
    {
        var html = await ReportAsync("2019-Q1");

        Assert.Contains("Tổng số 17 sản phẩm: hoàn thành đúng hạn 1, hoàn thành quá hạn 0, đang thực hiện trong hạn 14, quá hạn chưa hoàn thành 0", Text(html));
    }

    [Fact]
    public async Task Report_submissions_are_on_time_late_or_missing()
    {
        var html = await ReportAsync("2019-Q3");

        Assert.Contains("3 đơn vị phải gửi: 1 đúng hạn , 1 trễ hạn , 1 chưa nộp", Text(html));
        Assert.Contains("Đúng hạn", Text(Row(html, "data-unit", await host.UnitIdAsync("UBND_CAIRANG"))));
        Assert.Contains("Trễ hạn", Text(Row(html, "data-unit", await host.UnitIdAsync("STP"))));
        var snv = await host.UnitIdAsync("SNV");
        Assert.Empty(PageText.Parse(html).QuerySelectorAll($"tr[data-unit='{snv}']")); // it receives the reports
        Assert.Contains("Chưa nộp", Text(Row(html, "data-unit", await host.UnitIdAsync("UBND_NINHKIEU"))));
    }

    [Fact]
    public async Task Each_section_says_what_is_late_and_why_in_the_units_words()
    {
        var html = await ReportAsync("2019-Q3");
        var section1 = Text(PageText.Parse(html).Find("#section-1"));

        Assert.Contains("Chậm so với thời hạn", section1);
        Assert.Contains("Chậm do thiếu nhân sự kiểm tra", section1);
        Assert.Contains("Đã ban hành Kế hoạch 25/KH-STP", section1);
    }

    [Fact]
    public async Task Unit_editors_may_not_read_the_compiled_report()
    {
        await host.ReadyAsync();
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        // Issue 13: the page now sends a unit editor to its own unit's report instead of answering 403.
        var page = await editor.GetAsync("/reports/periodic");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/reports/unit?", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/reports/periodic.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/reports/periodic.xlsx")).StatusCode);
    }

    private async Task<string> DownloadAsync(string url, string name)
    {
        var response = await (await host.AdminAsync()).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = host.Folder.File(name);
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        return file;
    }

    [Fact]
    public async Task Word_report_follows_the_administrative_format_and_opens_in_LibreOffice()
    {
        var file = await DownloadAsync($"/reports/periodic.docx?plan={await PlanIdAsync()}&period=2019-Q3", "bao-cao-q3.docx");

        // The layout is asserted on the document itself; a PDF's reading order of the two-column letterhead depends on
        // the fonts the machine has (pdftotext may interleave the columns), so the PDF below only shows the words are there.
        string[] expected;
        using (var doc = WordprocessingDocument.Open(file, false))
        {
            var body = doc.MainDocumentPart!.Document!.Body!;
            var paragraphs = body.Descendants<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
            Assert.Equal(["ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], paragraphs.Take(4));

            // NĐ30's letterhead: a borderless two-column table first in the body; issuing body | national title, number | place and date.
            var letterhead = Assert.IsType<DocumentFormat.OpenXml.Wordprocessing.Table>(body.FirstChild);
            var cells = letterhead.Elements<TableRow>()
                .Select(r => r.Elements<TableCell>().Select(c => c.Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList()).ToList())
                .ToList();
            Assert.Equal(2, cells.Count);
            Assert.All(cells, row => Assert.Equal(2, row.Count));
            Assert.Equal(["ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "SỞ NỘI VỤ"], cells[0][0]);
            Assert.Equal(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], cells[0][1]);
            Assert.Matches(@"^Số:\s+/BC-SNV$", Assert.Single(cells[1][0])); // the number is left blank to fill in
            Assert.Equal(["Cần Thơ, ngày 01 tháng 10 năm 2019"], cells[1][1]);

            Assert.Contains("BÁO CÁO", paragraphs);
            Assert.Contains("Kết quả thực hiện công tác cải cách hành chính quý III năm 2019", paragraphs);
            Assert.Contains("Có 3 cơ quan, đơn vị phải gửi báo cáo quý III năm 2019 (hạn gửi 17/09/2019): 1 đơn vị gửi đúng hạn, 1 đơn vị gửi trễ hạn, 1 đơn vị chưa gửi.", paragraphs);
            Assert.Contains(paragraphs, p => p.Contains("Tổng số 17 sản phẩm: hoàn thành đúng hạn 3, hoàn thành quá hạn 2, đang thực hiện trong hạn 3, quá hạn chưa hoàn thành 7", StringComparison.Ordinal));
            Assert.Contains(paragraphs, p => p.Contains("tỷ lệ hoàn thành đúng hạn 25%", StringComparison.Ordinal));
            Assert.Contains("UBND quận Ninh Kiều", paragraphs);
            Assert.Contains("Chậm do thiếu nhân sự kiểm tra", paragraphs);

            var fonts = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single();
            Assert.Equal("Times New Roman", fonts.Ascii?.Value);
            Assert.Equal("Times New Roman", fonts.HighAnsi?.Value);
            Assert.Equal("Times New Roman", fonts.ComplexScript?.Value);
            Assert.All(body.Descendants<RunFonts>(), f => Assert.Equal("Times New Roman", f.Ascii?.Value)); // no run names another font
            var page = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
            Assert.Equal((11906u, 16838u), (page.Width!.Value, page.Height!.Value)); // A4 portrait
            expected = [.. cells.SelectMany(row => row.SelectMany(cell => cell)), "BÁO CÁO", "UBND quận Ninh Kiều", "Chậm do thiếu nhân sự kiểm tra"];
        }

        var text = await PdfTextAsync(file);
        Assert.All(expected, line => AssertWordsInPdf(text, line));
    }

    [Fact]
    public async Task Excel_report_has_a_summary_and_a_sheet_per_section_with_real_dates()
    {
        var file = await DownloadAsync($"/reports/periodic.xlsx?plan={await PlanIdAsync()}&period=2019-Q3", "bao-cao-q3-excel.xlsx");

        using (var book = SpreadsheetDocument.Open(file, false))
        {
            var workbook = book.WorkbookPart!;
            var sheets = workbook.Workbook!.Descendants<Sheet>().ToList();
            Assert.Equal(["Tổng hợp", "Báo cáo của đơn vị", "Chỉ tiêu", "1. Cải cách thể chế", "2. Cải cách thủ tục hành chính"], sheets.Select(s => s.Name!.Value));

            var summary = Rows(workbook, sheets[0]);
            var total = summary.Single(r => r.FirstOrDefault() == "Tổng cộng");
            Assert.Equal(["17", "3", "2", "3", "7", "1", "1", "0.25"], total.Skip(1));

            var section1 = (WorksheetPart)workbook.GetPartById(sheets[3].Id!);
            var ninhKieu = section1.Worksheet!.Descendants<Row>().Single(r => r.InnerText.Contains("UBND quận Ninh Kiều"));
            var cells = ninhKieu.Elements<Cell>().ToList();
            var completed = cells[9];
            Assert.Equal(new DateTime(2019, 7, 10).ToOADate(), double.Parse(completed.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
            var format = workbook.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ElementAt((int)completed.StyleIndex!.Value);
            var numFmt = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.NumberingFormat>().Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value);
            Assert.Equal("dd/mm/yyyy", numFmt.FormatCode!.Value);
            Assert.Equal("Hoàn thành quá hạn", cells[8].InnerText);
        }

        var text = await PdfTextAsync(file);
        AssertInPdf(text, "Cải cách thủ tục hành chính");
        AssertInPdf(text, "UBND quận Ninh Kiều");
        AssertInPdf(text, "10/07/2019");
        AssertInPdf(text, "Chậm do thiếu nhân sự kiểm tra");
        AssertInPdf(text, "Số liệu tính đến ngày 14/09/2019");
        AssertInPdf(text, "120/BC-STP");
        Assert.Matches("25[.,]00%", text); // the rate: a number with a percent format, whatever LibreOffice's locale
    }

    [Fact]
    public async Task Filtered_task_list_exports_the_same_items_as_the_list()
    {
        var planId = await PlanIdAsync();
        var query = $"?Plan={planId}&State=Overdue&AsOf=2019-10-01";
        var xlsx = await DownloadAsync("/tasks/export.xlsx" + query, "qua-han.xlsx");
        var docx = await DownloadAsync("/tasks/export.docx" + query, "qua-han.docx");

        using (var book = SpreadsheetDocument.Open(xlsx, false))
        {
            var workbook = book.WorkbookPart!;
            var sheets = workbook.Workbook!.Descendants<Sheet>().ToList();
            Assert.Equal("Tổng hợp", sheets[0].Name!.Value);
            var itemRows = sheets.Skip(1).SelectMany(s => Rows(workbook, s)).Count(r => r.Contains("Quá hạn"));
            Assert.Equal(8, itemRows);
        }
        var text = await PdfTextAsync(docx);
        AssertInPdf(text, "DANH SÁCH SẢN PHẨM");
        AssertInPdf(text, "tình trạng Quá hạn");
        AssertInPdf(text, "Tổng số 8 sản phẩm");
        AssertInPdf(text, "Vĩnh Thạnh");
    }

    /// <summary>Each row's cell texts (inline strings and numbers as stored).</summary>
    private static List<List<string>> Rows(WorkbookPart workbook, Sheet sheet) =>
        ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.CellValue?.Text ?? c.InlineString?.InnerText ?? "").ToList()).ToList();
}
