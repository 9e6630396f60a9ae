using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Import;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Import.Documents;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Admin;

public class ImportWizardTests(ImportWizardTests.Host host) : IClassFixture<ImportWizardTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Import:MaxFileMegabytes"] = "1";

        public string UploadFolder => Path.Combine(Folder.Path, "imports");
    }

    /// <summary>
    /// A plan in the seed format whose "Sở Tư Phap" (no tone mark) the directory does not know: beside Sở Nội vụ on 1.a
    /// (a warning), alone on 1.b (an error). Its deadlines read except "Sau khi có kinh phí".
    /// </summary>
    public static string PlanJson(string number = "77/KH-UBND") => $$"""
        { "plan": { "number": "{{number}}", "title": "Kế hoạch cải cách hành chính năm 2020", "year": 2020, "issuedOn": "2019-12-20", "issuer": "UBND thành phố Cần Thơ" },
          "sections": [ { "number": 1, "title": "Cải cách thể chế", "tasks": [
            { "code": "1.a", "activity": "Rà soát văn bản quy phạm pháp luật", "leadUnits": ["Sở Nội vụ", "Sở Tư Phap"], "coordinatingUnits": ["UBND quận, huyện"],
              "deliverables": [ { "product": "Kế hoạch rà soát", "deadline": "Quý I năm 2020" }, { "product": "Báo cáo kết quả", "deadline": "Sau khi có kinh phí" } ],
              "source": "Bảng 1, dòng 3" },
            { "code": "1.b", "activity": "Theo dõi thi hành pháp luật", "leadUnits": ["Sở Tư Phap"],
              "deliverables": [ { "product": "Báo cáo", "deadline": "Tháng 6/2020" } ], "source": "Bảng 1, dòng 4" } ] } ] }
        """;

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    /// <summary><see cref="PlanJson"/>'s plan as a Word document LibreOffice wrote: letterhead, a section row, task cells merged over their products.</summary>
    public static async Task<byte[]> PlanDocxAsync(string number = "77/KH-UBND", string unknownUnit = "Sở Tư Phap")
    {
        using var folder = new TempFolder();
        var plan = JsonSerializer.Deserialize<PlanFile>(PlanJson(number).Replace("Sở Tư Phap", unknownUnit, StringComparison.Ordinal), WebJson)!;
        return await File.ReadAllBytesAsync(await PlanHtml.DocxAsync(folder, "ke-hoach", PlanHtml.Plan(plan)));
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var token = FormPosting.AntiforgeryToken(await client.GetStringAsync("/admin/plans/import"));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/admin/plans/import", form);
    }

    private static string PreviewUrl(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private static string Count(AngleSharp.Dom.IDocument page, string name) => page.Find($"[data-count={name}]").TextContent;

    [Fact]
    public async Task Admin_uploads_a_plan_sees_it_checked_adds_an_alias_and_confirms_a_draft_plan_in_one_piece()
    {
        var admin = await host.AdminAsync();
        var preview = PreviewUrl(await UploadAsync(admin, "ke-hoach-77.json", Encoding.UTF8.GetBytes(PlanJson())));
        var id = preview.Split('/').Last();
        Assert.True(File.Exists(Path.Combine(host.UploadFolder, id + ".upload")));

        var page = await admin.GetDocumentAsync(preview);
        Assert.Equal(("2", "3", "1", "2", "1"), (Count(page, "tasks"), Count(page, "products"), Count(page, "errors"), Count(page, "warnings"), Count(page, "unknown-units")));
        Assert.Equal("77/KH-UBND", page.Find("input[name='Header.Number']").GetAttribute("value"));
        Assert.True(page.Find("#confirm").HasAttribute("disabled"));
        var a = page.Find("tr[data-code='1.a']");
        Assert.Equal(("0", "2"), (a.GetAttribute("data-errors"), a.GetAttribute("data-warnings")));
        Assert.Contains("Bảng 1, dòng 3", PageText.Text(a));
        Assert.Contains("Quý I năm 2020 : Quý, hạn 31/03/2020", PageText.Text(a));
        Assert.Contains("không đọc được", PageText.Text(a.Find(".products")));
        Assert.Equal("1", page.Find("tr[data-code='1.b']").GetAttribute("data-errors"));
        var suggestion = page.Find("#unknown-units form.suggestion");
        Assert.Contains("Sở Tư pháp", PageText.Text(suggestion));
        Assert.Equal(0, await PlanCountAsync("77/KH-UBND"));

        var alias = await admin.PostFormAsync(preview, [new("name", "Sở Tư Phap"), new("candidate", suggestion.Find("input[name=candidate]").GetAttribute("value")!)],
            preview + "?handler=Alias");
        Assert.Equal(HttpStatusCode.Redirect, alias.StatusCode);
        page = await admin.GetDocumentAsync(preview);
        Assert.Equal(("0", "1", "0"), (Count(page, "errors"), Count(page, "warnings"), Count(page, "unknown-units")));
        Assert.Contains("Đã thêm “Sở Tư Phap” làm tên gọi khác của đơn vị Sở Tư pháp", PageText.Text(page.Find(".notice")));
        Assert.False(page.Find("#confirm").HasAttribute("disabled"));

        var confirm = await admin.PostFormAsync(preview, [new("Header.Number", "77/KH-UBND"), new("Header.Title", "Kế hoạch CCHC năm 2020"),
            new("Header.Year", "2020"), new("Header.IssuedOn", "2019-12-20"), new("Header.Issuer", "UBND thành phố Cần Thơ")], preview + "?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var editor = await admin.GetDocumentAsync(confirm.Headers.Location!.OriginalString);
        Assert.Contains("Đã nhập kế hoạch 77/KH-UBND năm 2020 ở dạng nháp", PageText.Text(editor.Find(".notice")));
        Assert.False(File.Exists(Path.Combine(host.UploadFolder, id + ".upload")));

        await using var db = host.NewDbContext();
        var plan = await db.Plans.SingleAsync(p => p.Number == "77/KH-UBND");
        Assert.Equal((PlanStatus.Draft, "Kế hoạch CCHC năm 2020"), (plan.Status, plan.Title));
        var tasks = await db.Tasks.Where(t => t.Section!.PlanId == plan.Id).Include(t => t.Deliverables).Include(t => t.Assignments).OrderBy(t => t.Code).ToListAsync();
        Assert.Equal(["1.a", "1.b"], tasks.Select(t => t.Code));
        Assert.Equal(3, tasks.Sum(t => t.Deliverables.Count));
        var stp = await host.UnitIdAsync("STP");
        Assert.All(tasks, t => Assert.Contains(t.Assignments, x => x.UnitId == stp && x.PrintedName == "Sở Tư Phap"));
        Assert.True(await db.ChangeRecords.AnyAsync(r => r.Action == "UnitUpdated" && r.Summary.Contains("cách ghi khác")));
        Assert.False(await db.Sections.AnyAsync(s => s.PlanId == plan.Id && s.IsRetired));
    }

    [Fact]
    public async Task Cancelling_deletes_the_kept_upload_and_writes_nothing()
    {
        var admin = await host.AdminAsync();
        var preview = PreviewUrl(await UploadAsync(admin, "huy.json", Encoding.UTF8.GetBytes(PlanJson("78/KH-UBND"))));
        var id = preview.Split('/').Last();

        var cancel = await admin.PostFormAsync(preview, [], preview + "?handler=Cancel");

        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Empty(Directory.EnumerateFiles(host.UploadFolder, id + "*"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync(preview)).StatusCode); // gone: back to step 1
        Assert.Equal(0, await PlanCountAsync("78/KH-UBND"));
    }

    [Fact]
    public async Task A_plan_with_the_number_and_year_of_one_already_there_is_an_error_and_cannot_be_confirmed()
    {
        var admin = await host.AdminAsync();
        var preview = PreviewUrl(await UploadAsync(admin, "trung.json", Encoding.UTF8.GetBytes(PlanJson("163/KH-UBND").Replace("\"year\": 2020", "\"year\": 2019"))));

        var page = await admin.GetDocumentAsync(preview);
        Assert.Contains("Đã có kế hoạch số 163/KH-UBND năm 2019", PageText.Text(page.Find("#general-problems")));
        var confirm = await admin.PostFormAsync(preview, [new("Header.Number", "163/KH-UBND"), new("Header.Title", "x"), new("Header.Year", "2019")], preview + "?handler=Confirm");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Chưa nhập được", PageText.Text(await confirm.Content.ReadAsStringAsync()));
        Assert.Equal(1, await PlanCountAsync("163/KH-UBND"));
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "png", "Tệp không phải văn bản, Word (.docx) hay Excel (.xlsx)" },
        { "ole", "Tệp được bảo vệ bằng mật khẩu hoặc là tệp Word/Excel đời cũ" },
        { "zipbomb", "Tệp giải nén ra quá lớn" },
        { "oversized", "Tệp lớn hơn giới hạn 1 MB" },
        { "empty", "Tệp trống." },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_file_that_cannot_be_read_gets_a_Vietnamese_message_and_nothing_is_kept_or_written(string kind, string message)
    {
        var admin = await host.AdminAsync();
        var plans = await PlanCountAsync(null);
        var kept = Directory.Exists(host.UploadFolder) ? Directory.GetFiles(host.UploadFolder).Length : 0;

        var response = await UploadAsync(admin, "ke-hoach.docx", BadFile(kind));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PageText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, PageText.Text(page.Find(".errors")));
        Assert.Contains("chưa có gì được ghi", PageText.Text(page.Find(".errors")));
        Assert.Equal(kept, Directory.Exists(host.UploadFolder) ? Directory.GetFiles(host.UploadFolder).Length : 0);
        Assert.Equal(plans, await PlanCountAsync(null));
    }

    [Fact]
    public async Task A_request_past_the_servers_limit_gets_the_Vietnamese_page_not_a_bare_413()
    {
        var admin = await host.AdminAsync();

        var response = await UploadAsync(admin, "lon.docx", new byte[3 * 1024 * 1024]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Tệp quá lớn", PageText.Text(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_plan_whose_row_names_only_unknown_units_cannot_be_confirmed()
    {
        var admin = await host.AdminAsync();
        var json = PlanJson("79/KH-UBND").Replace("\"Sở Tư Phap\"", "\"Ban Không Tồn Tại\"");
        var preview = PreviewUrl(await UploadAsync(admin, "la.json", Encoding.UTF8.GetBytes(json)));

        var confirm = await admin.PostFormAsync(preview, [new("Header.Number", "79/KH-UBND"), new("Header.Title", "x"), new("Header.Year", "2020")], preview + "?handler=Confirm");

        var page = PageText.Parse(await confirm.Content.ReadAsStringAsync());
        Assert.Contains("Không nhận ra đơn vị nào của dòng này (“Ban Không Tồn Tại”)", PageText.Text(page.Find("tr[data-code='1.b']")));
        Assert.Equal(0, await PlanCountAsync("79/KH-UBND"));
    }

    [Fact]
    public async Task A_Word_file_LibreOffice_wrote_previews_like_the_plan_file_it_was_made_from()
    {
        var admin = await host.AdminAsync();

        // Another unknown name than the first test's, which that test adds as an alias.
        var page = await admin.GetDocumentAsync(PreviewUrl(await UploadAsync(admin, "ke-hoach-80.docx", await PlanDocxAsync("80/KH-UBND", "Sở Tư Pháp Tỉnh"))));

        Assert.Equal(("2", "3", "1", "2", "1"), (Count(page, "tasks"), Count(page, "products"), Count(page, "errors"), Count(page, "warnings"), Count(page, "unknown-units")));
        Assert.Equal("80/KH-UBND", page.Find("input[name='Header.Number']").GetAttribute("value"));
        Assert.StartsWith("Bảng ", PageText.Text(page.Find("tr[data-code='1.a'] td[data-label='Vị trí']")), StringComparison.Ordinal);
        Assert.Equal(0, await PlanCountAsync("80/KH-UBND"));
    }

    public static TheoryData<string, string> WordFilesWithoutATaskTable => new()
    {
        { "<p><b>KẾ HOẠCH</b></p><p>Cải cách hành chính năm 2020</p><p>Một đoạn văn, không có bảng nào.</p>", "Không tìm thấy bảng nhiệm vụ: tài liệu có 0 bảng" },
        { "<p><b>KẾ HOẠCH</b></p><table border=\"1\"><tr><th>Cột một</th><th>Cột hai</th><th>Cột ba</th></tr><tr><td>x</td><td>y</td><td>z</td></tr></table>",
            "Không tìm thấy bảng nhiệm vụ: tài liệu có 1 bảng nhưng không bảng nào có hàng tiêu đề" },
    };

    [Theory]
    [MemberData(nameof(WordFilesWithoutATaskTable))]
    public async Task A_Word_file_with_no_task_table_says_so_in_the_preview_and_cannot_be_confirmed(string body, string message)
    {
        var admin = await host.AdminAsync();
        using var folder = new TempFolder();
        var docx = await File.ReadAllBytesAsync(await PlanHtml.DocxAsync(folder, "khong-bang", PlanHtml.Document(body)));
        var plans = await PlanCountAsync(null);

        var page = await admin.GetDocumentAsync(PreviewUrl(await UploadAsync(admin, "khong-bang.docx", docx)));

        Assert.Contains(message, PageText.Text(page.Find("#general-problems")));
        Assert.Equal("0", Count(page, "tasks"));
        Assert.True(page.Find("#confirm").HasAttribute("disabled"));
        Assert.Equal(plans, await PlanCountAsync(null));
    }

    [Fact]
    public async Task An_xlsx_exported_from_a_plan_previews_its_tasks_and_finds_the_plan_already_there()
    {
        var admin = await host.AdminAsync();
        int plan;
        await using (var db = host.NewDbContext()) plan = await db.Plans.Where(p => p.Number == "163/KH-UBND").Select(p => p.Id).FirstAsync();
        var xlsx = await (await admin.GetAsync($"/plans/{plan}/export.xlsx")).Content.ReadAsByteArrayAsync();

        var page = await admin.GetDocumentAsync(PreviewUrl(await UploadAsync(admin, "ke-hoach-163.xlsx", xlsx)));

        var seed = PlanHtml.Seed163();
        var tasks = seed.Sections!.SelectMany(s => s.Tasks!).Sum(t => 1 + (t.Subtasks?.Count ?? 0));
        Assert.Equal(tasks.ToString(System.Globalization.CultureInfo.InvariantCulture), Count(page, "tasks"));
        Assert.Equal("163/KH-UBND", page.Find("input[name='Header.Number']").GetAttribute("value"));
        Assert.Contains("Đã có kế hoạch số 163/KH-UBND năm 2019", PageText.Text(page.Find("#general-problems")));
    }

    [Fact]
    public async Task Text_pasted_from_the_plans_PDF_previews_its_tasks_with_their_lines()
    {
        var admin = await host.AdminAsync();
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "tests", "PlanTracker.Tests.Unit", "Import", "Documents", "plan-163-2019.txt"));

        var response = await admin.PostFormAsync("/admin/plans/import", [new("text", text)]);

        var page = await admin.GetDocumentAsync(PreviewUrl(response));
        Assert.Equal("163/KH-UBND", page.Find("input[name='Header.Number']").GetAttribute("value"));
        Assert.True(int.Parse(Count(page, "tasks"), System.Globalization.CultureInfo.InvariantCulture) >= 50);
        Assert.StartsWith("Dòng ", PageText.Text(page.Find("tr[data-code='1.a'] td[data-label='Vị trí']")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_files_field_rules_are_said_in_Vietnamese_on_the_tasks_row()
    {
        var admin = await host.AdminAsync();
        var json = PlanJson("81/KH-UBND").Replace("\"activity\": \"Theo dõi thi hành pháp luật\"", "\"activity\": \"\"")
            .Replace("\"deadline\": \"Tháng 6/2020\"", "\"deadline\": \"\"").Replace("\"code\": \"1.b\"", "\"code\": \"1.a\"");

        var page = await admin.GetDocumentAsync(PreviewUrl(await UploadAsync(admin, "loi.json", Encoding.UTF8.GetBytes(json))));

        var row = PageText.Text(page.QuerySelectorAll("tr[data-code='1.a']")[1]);
        Assert.Contains("Nhiệm vụ 1.a không có nội dung hoạt động", row);
        Assert.Contains("Sản phẩm thứ 1 của nhiệm vụ 1.a không có thời hạn hoàn thành", row);
        Assert.Contains("Mã nhiệm vụ “1.a” dùng cho 2 nhiệm vụ", PageText.Text(page.QuerySelectorAll("tr[data-code='1.a']")[0]));
        Assert.DoesNotContain("missing or empty", PageText.Text(page.Body!));
    }

    [Theory]
    [InlineData("/admin/plans/import")]
    [InlineData("/admin/plans/import/0123456789abcdef0123456789abcdef")]
    public async Task A_unit_editor_is_refused_every_wizard_page(string url)
    {
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(url)).StatusCode);
    }

    private static byte[] BadFile(string kind) => kind switch
    {
        "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52],
        "ole" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]],
        "zipbomb" => ZipBomb(),
        "oversized" => [.. Encoding.UTF8.GetBytes("Kế hoạch "), .. Enumerable.Repeat((byte)'x', 1024 * 1024 + 10)],
        _ => [],
    };

    /// <summary>A .docx-looking zip whose one part expands to 210 MB of zeros, past the 200 MB limit; about 200 KB on disk.</summary>
    private static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 210; i++) part.Write(zeros);
        }
        return buffer.ToArray();
    }

    private async Task<int> PlanCountAsync(string? number)
    {
        await using var db = host.NewDbContext();
        return await db.Plans.CountAsync(p => number == null || p.Number == number);
    }
}
