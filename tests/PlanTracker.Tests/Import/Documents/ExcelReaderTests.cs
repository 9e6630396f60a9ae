using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Import;
using PlanTracker.Core.Import.Documents;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Features.Reports.Export;

namespace PlanTracker.Tests.Import.Documents;

/// <summary>
/// The .xlsx template and sheets people make (issue 12, points 1, 5 and 7): Plan 163 exported and read back, also
/// after LibreOffice re-saved it; a sheet LibreOffice Calc made from an HTML table with merged task cells, section
/// rows and columns in another order; bad sheets; who may download what.
/// </summary>
public class ExcelReaderTests(ExcelReaderTests.Host host) : IClassFixture<ExcelReaderTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public async Task<int> Plan163Async()
        {
            await using var db = NewDbContext();
            return await db.Plans.Where(p => p.Number == "163/KH-UBND").Select(p => p.Id).FirstAsync();
        }
    }

    private static readonly JsonSerializerOptions SeedJson = new(JsonSerializerDefaults.Web);

    private static PlanFile Seed() => JsonSerializer.Deserialize<PlanFile>(File.ReadAllText(RepoPaths.PlanSeed), SeedJson)!;

    private static DocumentReading Read(byte[] content) => PlanDocuments.Read(new MemoryStream(content), new DocumentLimits());

    private async Task<byte[]> ExportAsync()
    {
        var response = await (await host.AdminAsync()).GetAsync($"/plans/{await host.Plan163Async()}/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReportEndpointsXlsx, response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private const string ReportEndpointsXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static void AssertSameAsSeed(DocumentReading reading)
    {
        Assert.DoesNotContain(reading.Problems, p => p.IsError);
        var seed = Seed();
        PlanFileDiff.AssertSame(seed, reading.Plan);
        var (expected, actual) = (seed.Plan!, reading.Plan.Plan!);
        Assert.Equal(
            (expected.Number, expected.Title, expected.Year, expected.IssuedOn, expected.Issuer, expected.SignedBy, expected.SignerTitle),
            (actual.Number, actual.Title, actual.Year, actual.IssuedOn, actual.Issuer, actual.SignedBy, actual.SignerTitle));
        Assert.Equal(seed.Sections!.Select(s => s.Title), reading.Plan.Sections!.Select(s => s.Title));
    }

    [Fact]
    public async Task Plan_163_exported_as_the_template_reads_back_as_the_seed()
    {
        var reading = Read(await ExportAsync());

        AssertSameAsSeed(reading);
        Assert.Empty(reading.Problems);
        Assert.Equal("Trang tính Nhiệm vụ, dòng 2", reading.Plan.Sections![0].Tasks![0].Source);
    }

    [Fact]
    public async Task The_template_keeps_its_header_in_view_with_filters_and_names_its_columns_in_Vietnamese()
    {
        using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await ExportAsync()), false);
        var sheets = book.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
        Assert.Equal(["Kế hoạch", "Nhiệm vụ"], sheets.Select(s => s.Name!.Value));
        var tasks = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)book.WorkbookPart.GetPartById(sheets[1].Id!)).Worksheet;
        Assert.Equal("frozen", tasks.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single().State!.InnerText);
        Assert.StartsWith("A1:I", tasks.Descendants<DocumentFormat.OpenXml.Spreadsheet.AutoFilter>().Single().Reference!.Value);
        var header = tasks.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().First().Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText);
        Assert.Equal(ExcelTemplate.Columns, header);
    }

    [Fact]
    public async Task Plan_163_re_saved_by_LibreOffice_still_reads_as_the_seed()
    {
        using var folder = new TempFolder();
        var original = folder.File("ke-hoach.xlsx");
        await File.WriteAllBytesAsync(original, await ExportAsync());
        var ods = await LibreOffice.ConvertAsync(original, "ods");
        File.Delete(original);
        var resaved = await LibreOffice.ConvertAsync(ods, "xlsx:Calc MS Excel 2007 XML");

        AssertSameAsSeed(Read(await File.ReadAllBytesAsync(resaved)));
    }

    /// <summary>
    /// A sheet as a person makes it: STT first, the deadline before the units, an extra "Kinh phí" column, Roman
    /// section rows across the table, task cells merged down over their products, a "-" sub-item, a continuation row
    /// with empty task cells, "1." and "1.1" labels, a product cell listing two products, the header repeated.
    /// </summary>
    private const string PersonMadeSheet = """
        <html><head><meta charset="utf-8"></head><body><table border="1">
        <tr><td colspan="7">PHỤ LỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2019</td></tr>
        <tr><th>STT</th><th>Nội dung công việc</th><th>Kinh phí</th><th>Thời gian hoàn thành</th><th>Cơ quan chủ trì</th><th>Cơ quan phối hợp</th><th>Sản phẩm</th></tr>
        <tr><td colspan="7">I. CẢI CÁCH THỂ CHẾ</td></tr>
        <tr><td rowspan="2">a)</td><td rowspan="2">Rà soát văn bản quy phạm pháp luật</td><td rowspan="2">50 triệu</td><td>Quý IV năm 2018</td>
            <td rowspan="2">Sở Tư pháp</td><td rowspan="2">Sở, ngành TP, UBND quận, huyện</td><td>Kế hoạch</td></tr>
        <tr><td>Quý IV năm 2019</td><td>Báo cáo</td></tr>
        <tr><td>b)</td><td>Thẩm định dự thảo văn bản</td><td></td><td>Hàng quý</td><td>Sở Tư pháp, Sở Nội vụ</td><td>UBND xã, phường, thị trấn</td>
            <td>- Báo cáo thẩm định<br>- Tờ trình</td></tr>
        <tr><td>-</td><td>Tập huấn nghiệp vụ thẩm định</td><td></td><td>Quý IV năm 2019</td><td>Sở Nội vụ</td><td></td><td>Lớp tập huấn</td></tr>
        <tr><th>STT</th><th>Nội dung công việc</th><th>Kinh phí</th><th>Thời gian hoàn thành</th><th>Cơ quan chủ trì</th><th>Cơ quan phối hợp</th><th>Sản phẩm</th></tr>
        <tr><td colspan="7">II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH</td></tr>
        <tr><td>1.</td><td>Công bố thủ tục hành chính</td><td></td><td>Thường xuyên</td><td>Văn phòng UBND TP</td><td>Sở, ban, ngành TP</td><td>Quyết định công bố</td></tr>
        <tr><td></td><td></td><td></td><td>Trong năm 2019</td><td></td><td></td><td>Báo cáo năm</td></tr>
        <tr><td>1.1</td><td>Rà soát thủ tục hành chính cấp huyện</td><td></td><td>Quý II năm 2019</td><td>UBND quận, huyện</td><td></td><td>Báo cáo rà soát</td></tr>
        </table></body></html>
        """;

    private static PlanFile PersonMadeExpected()
    {
        static TaskDto Task(string code, string activity, List<string> leads, List<string> coordinating, params (string? Product, string Deadline)[] products) => new()
        {
            Code = code, Activity = activity, LeadUnits = leads, CoordinatingUnits = coordinating, Subtasks = [],
            Deliverables = products.Select(p => new DeliverableDto { Product = p.Product, Deadline = p.Deadline }).ToList(),
        };
        var b = Task("1.b", "Thẩm định dự thảo văn bản", ["Sở Tư pháp", "Sở Nội vụ"], ["UBND xã, phường, thị trấn"], ("Báo cáo thẩm định", "Hàng quý"), ("Tờ trình", "Hàng quý"));
        b.Subtasks!.Add(Task("1.b.1", "Tập huấn nghiệp vụ thẩm định", ["Sở Nội vụ"], [], ("Lớp tập huấn", "Quý IV năm 2019")));
        var one = Task("2.1", "Công bố thủ tục hành chính", ["Văn phòng UBND TP"], ["Sở, ban, ngành TP"], ("Quyết định công bố", "Thường xuyên"), ("Báo cáo năm", "Trong năm 2019"));
        one.Subtasks!.Add(Task("2.1.1", "Rà soát thủ tục hành chính cấp huyện", ["UBND quận, huyện"], [], ("Báo cáo rà soát", "Quý II năm 2019")));
        return new PlanFile
        {
            Sections =
            [
                new SectionDto { Number = 1, Title = "CẢI CÁCH THỂ CHẾ", Tasks = [
                    Task("1.a", "Rà soát văn bản quy phạm pháp luật", ["Sở Tư pháp"], ["Sở, ngành TP", "UBND quận, huyện"], ("Kế hoạch", "Quý IV năm 2018"), ("Báo cáo", "Quý IV năm 2019")),
                    b] },
                new SectionDto { Number = 2, Title = "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", Tasks = [one] },
            ],
        };
    }

    [Fact]
    public async Task A_sheet_a_person_made_in_Calc_reads_by_its_header_with_merged_cells_section_rows_and_labels()
    {
        using var folder = new TempFolder();
        var html = folder.Write("phu-luc.html", PersonMadeSheet);
        var xlsx = await LibreOffice.ConvertAsync(html, "xlsx:Calc MS Excel 2007 XML", "HTML (StarCalc)");

        var reading = Read(await File.ReadAllBytesAsync(xlsx));

        Assert.DoesNotContain(reading.Problems, p => p.IsError);
        PlanFileDiff.AssertSame(PersonMadeExpected(), reading.Plan);
        Assert.Equal(["CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"], reading.Plan.Sections!.Select(s => s.Title));
        var warning = Assert.Single(reading.Problems);
        Assert.Equal(("Trang tính Sheet1, dòng 2", false), (warning.Place, warning.IsError));
        Assert.Contains("\"Kinh phí\"", warning.Message);
        Assert.Equal("Trang tính Sheet1, dòng 4", reading.Plan.Sections![0].Tasks![0].Source);
    }

    private static byte[] Workbook(Action<XlsxBuilder> write)
    {
        var output = new MemoryStream();
        using (var book = new XlsxBuilder(output)) write(book);
        return output.ToArray();
    }

    [Fact]
    public void A_deadline_cell_holding_a_date_reads_as_dd_MM_yyyy_text_and_a_year_as_a_number()
    {
        var content = Workbook(book =>
        {
            var plan = book.Sheet("Kế hoạch");
            plan.Row("Năm", 2019);
            plan.Row("Ngày ban hành", new DateOnly(2018, 12, 28));
            var sheet = book.Sheet("Nhiệm vụ");
            sheet.Headers(ExcelTemplate.Columns);
            sheet.Row(1, "Cải cách thể chế", "1.a", "Rà soát văn bản", "Kế hoạch", "Sở Tư pháp", "", new DateOnly(2019, 3, 31), "");
        });

        var reading = Read(content);

        Assert.Empty(reading.Problems);
        Assert.Equal("31/03/2019", Assert.Single(reading.Plan.Sections![0].Tasks![0].Deliverables!).Deadline);
        Assert.Equal((2019, "2018-12-28"), (reading.Plan.Plan!.Year, reading.Plan.Plan.IssuedOn));
    }

    [Fact]
    public void A_template_whose_header_lacks_required_columns_is_refused_naming_them()
    {
        var content = Workbook(book =>
        {
            var sheet = book.Sheet("Nhiệm vụ");
            sheet.Headers("Lĩnh vực", "Mã nhiệm vụ", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp");
            sheet.Row(1, "1.a", "Rà soát văn bản", "Sở Tư pháp", "");
        });

        var reading = Read(content);

        var problem = Assert.Single(reading.Problems);
        Assert.True(problem.IsError);
        Assert.Equal("Trang tính Nhiệm vụ, dòng 1", problem.Place);
        Assert.Equal("Dòng tiêu đề thiếu cột: Sản phẩm, Thời hạn (Thời gian hoàn thành).", problem.Message);
        Assert.Empty(reading.Plan.Sections!);
    }

    [Fact]
    public void A_sheet_of_unrelated_data_is_refused_as_having_no_task_table()
    {
        var content = Workbook(book =>
        {
            var sheet = book.Sheet("Danh sách");
            sheet.Headers("Họ tên", "Ngày sinh", "Địa chỉ");
            sheet.Row("Nguyễn Văn A", new DateOnly(1990, 1, 2), "Ninh Kiều");
        });

        var problem = Assert.Single(Read(content).Problems);

        Assert.True(problem.IsError);
        Assert.StartsWith("Không tìm thấy trang tính nào có dòng tiêu đề của bảng nhiệm vụ", problem.Message);
    }

    [Fact]
    public void An_empty_workbook_is_refused_as_empty()
    {
        var problem = Assert.Single(Read(Workbook(book => book.Sheet("Sheet1"))).Problems);

        Assert.Equal(("Tệp Excel không có dữ liệu.", true), (problem.Message, problem.IsError));
    }

    [Fact]
    public void A_row_with_a_product_but_no_task_is_an_error_at_its_row()
    {
        var content = Workbook(book =>
        {
            var sheet = book.Sheet("Nhiệm vụ");
            sheet.Headers(ExcelTemplate.Columns);
            sheet.Row(1, "Cải cách thể chế", "", "", "Báo cáo", "Sở Tư pháp", "", "Quý I", "");
            sheet.Row(1, "Cải cách thể chế", "1.a", "Rà soát văn bản", "Kế hoạch", "Sở Tư pháp", "", "Quý II", "");
        });

        var reading = Read(content);

        var problem = Assert.Single(reading.Problems);
        Assert.Equal(("Trang tính Nhiệm vụ, dòng 2", true), (problem.Place, problem.IsError));
        Assert.Contains("không có nội dung nhiệm vụ", problem.Message);
        Assert.Equal("1.a", Assert.Single(reading.Plan.Sections![0].Tasks!).Code);
    }

    [Fact]
    public async Task The_empty_template_reads_as_its_example_row()
    {
        var response = await (await host.AdminAsync()).GetAsync("/admin/plans/template.xlsx");

        var reading = Read(await response.Content.ReadAsByteArrayAsync());

        var task = Assert.Single(Assert.Single(reading.Plan.Sections!).Tasks!);
        Assert.Equal("1.a", task.Code);
        Assert.Equal(["Sở Tư pháp"], task.LeadUnits!);
        Assert.Equal(["Sở, ngành TP", "UBND quận, huyện"], task.CoordinatingUnits!);
        Assert.Null(reading.Plan.Plan!.Number);
    }

    [Fact]
    public async Task A_draft_plan_is_not_found_for_a_unit_editor_and_is_downloaded_by_an_admin()
    {
        var draft = new Plan { Number = "999/KH-UBND", Title = "Bản nháp", Year = 2020, EndYear = 2020, Status = PlanStatus.Draft, CreatedAtUtc = DateTime.UtcNow };
        await using (var db = host.NewDbContext())
        {
            db.Plans.Add(draft);
            await db.SaveChangesAsync();
        }

        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/plans/{draft.Id}/export.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await host.AdminAsync()).GetAsync($"/plans/{draft.Id}/export.xlsx")).StatusCode);
    }

    [Fact]
    public async Task The_plan_page_links_its_workbook_and_the_admin_plans_page_links_the_template()
    {
        var admin = await host.AdminAsync();
        var id = await host.Plan163Async();

        var planPage = PageText.Parse(await admin.GetStringAsync($"/plans/{id}"));
        var plansPage = PageText.Parse(await admin.GetStringAsync("/admin/plans"));

        Assert.Contains(planPage.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/plans/{id}/export.xlsx" && a.TextContent == "Tải Excel");
        Assert.Contains(plansPage.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/admin/plans/template.xlsx" && a.TextContent == "Tải mẫu Excel");
    }
}
