using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Progress;
using PlanTracker.Tests.Monitoring;
using PlanTracker.Tests.Support;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace PlanTracker.Tests.Features.Reports;

/// <summary>
/// The monitoring fixture's plan made to verify completions, with Sở Tư pháp's 1.a report (due end of the year) claimed
/// done on 10/09/2019 and awaiting Sở Nội vụ, and Ninh Kiều's 1.b (due 30/06, done 10/07) extended to 31/07. As of the
/// Q3 cut-off (14/09): 17 items, 4 on time, 1 late, 1 awaiting, 2 in progress, 7 overdue, 1 ongoing, 1 without a date;
/// on time 4/12 = 33,3%, against the original deadlines 3/12 = 25%.
/// </summary>
public class VerifiedExportTests(VerifiedExportTests.Host host) : IClassFixture<VerifiedExportTests.Host>
{
    public sealed class Host : MonitoringHost
    {
        private bool prepared;

        public async Task<int> PlanIdAsync()
        {
            await ReadyAsync();
            await using var db = NewDbContext();
            var plan = await db.Plans.SingleAsync(p => p.Number == MonitoringFixture.PlanNumber);
            if (prepared) return plan.Id;
            plan.VerifiesCompletions = true;
            var stp = await db.Units.Where(u => u.Code == "STP").Select(u => u.Id).SingleAsync();
            var ninhKieu = await db.Units.Where(u => u.Code == "UBND_NINHKIEU").Select(u => u.Id).SingleAsync();
            var report = await db.Deliverables.Where(d => d.Task!.Code == "1.a").OrderBy(d => d.SortOrder).Skip(1).FirstAsync();
            db.Progress.Add(new DeliverableProgress
            {
                DeliverableId = report.Id, Period = "", UnitId = stp, Status = ProgressStatus.AwaitingVerification, ProgressPercent = 100,
                CompletedOn = new DateOnly(2019, 9, 10), ResultText = "Đã gửi báo cáo rà soát", UpdatedAtUtc = DateTime.UtcNow, UpdatedByName = "Fixture",
            });
            var late = await db.Progress.SingleAsync(p => p.UnitId == ninhKieu && p.Deliverable!.Task!.Code == "1.b");
            late.AdjustedDue = new DateOnly(2019, 7, 31);
            await db.SaveChangesAsync();
            prepared = true;
            return plan.Id;
        }
    }

    private async Task<byte[]> DownloadAsync(string url)
    {
        var response = await (await host.AdminAsync()).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<string> PeriodicUrlAsync(string extension) => $"/reports/periodic{extension}?plan={await host.PlanIdAsync()}&period=2019-Q3";

    private static readonly string[] Header =
        ["Lĩnh vực", "Tổng số", "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Chờ xác nhận", "Đang thực hiện trong hạn", "Quá hạn", "Thường xuyên", "Chưa có hạn", "Tỷ lệ hoàn thành đúng hạn"];

    [Fact]
    public async Task The_periodic_workbook_counts_awaiting_apart_so_the_states_add_up_and_gives_both_on_time_rates()
    {
        var file = await DownloadAsync(await PeriodicUrlAsync(".xlsx"));

        using var book = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var workbook = book.WorkbookPart!;
        var summary = Rows(workbook, workbook.Workbook!.Descendants<Sheet>().First());
        Assert.Contains(Header.ToList(), summary);
        var total = summary.Single(r => r.FirstOrDefault() == "Tổng cộng");
        Assert.Equal(["17", "4", "1", "1", "2", "7", "1", "1"], total.Skip(1).Take(8));
        Assert.Equal(17, total.Skip(2).Take(7).Sum(int.Parse));
        Assert.Contains(["Đúng hạn: 33,3% (theo hạn gốc: 25%)."], summary);
    }

    [Fact]
    public async Task The_periodic_document_counts_awaiting_apart_so_the_states_add_up_and_gives_both_on_time_rates()
    {
        var file = await DownloadAsync(await PeriodicUrlAsync(".docx"));

        using var doc = WordprocessingDocument.Open(new MemoryStream(file), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var counts = body.Descendants<Word.Table>().Select(t => t.Elements<Word.TableRow>().Select(r => r.Elements<Word.TableCell>().Select(c => c.InnerText).ToList()).ToList())
            .Single(t => t[0].FirstOrDefault() == "Lĩnh vực");
        Assert.Equal(Header, counts[0]);
        var total = counts.Single(r => r[0] == "Tổng cộng");
        Assert.Equal(["17", "4", "1", "1", "2", "7", "1", "1", "33,3%"], total.Skip(1));
        Assert.Contains("Đúng hạn: 33,3% (theo hạn gốc: 25%).", body.Descendants<Word.Paragraph>().Select(p => p.InnerText));
    }

    [Fact]
    public async Task The_task_list_export_and_the_report_page_show_the_awaiting_column_too()
    {
        var planId = await host.PlanIdAsync();
        var file = await DownloadAsync($"/tasks/export.xlsx?Plan={planId}&AsOf=2019-09-14");
        var page = PageText.Parse(await (await host.AdminAsync()).GetStringAsync(await PeriodicUrlAsync("")));

        using var book = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var workbook = book.WorkbookPart!;
        Assert.Contains(Header.ToList(), Rows(workbook, workbook.Workbook!.Descendants<Sheet>().First()));
        Assert.Equal(1, MonitoringPages.StateCell(page.Find("#report-sections tbody tr[data-section=\"1\"]"), "AwaitingVerification"));
    }

    [Fact]
    public async Task The_scorecard_of_a_verifying_plan_shows_the_awaiting_card()
    {
        var planId = await host.PlanIdAsync();

        var html = await (await host.AdminAsync()).GetStringAsync($"/scorecard?Unit={await host.UnitIdAsync("STP")}&Plan={planId}");

        Assert.Equal("1", MonitoringPages.Figure(html, "AwaitingVerification"));
    }

    /// <summary>Each row's cell texts (inline strings and numbers as stored).</summary>
    private static List<List<string>> Rows(WorkbookPart workbook, Sheet sheet) =>
        ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.CellValue?.Text ?? c.InlineString?.InnerText ?? "").ToList()).ToList();
}
