using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Plans;
using PlanTracker.Core.Text;
using PlanTracker.Tests.Monitoring;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Reports;

/// <summary>
/// Characters XML cannot carry: one U+FFFF in a stored result once made every export answer 500, one U+FFFE in a
/// posted result made the save fail. Forms drop them on the way in; the Word and Excel writers drop what is already stored.
/// </summary>
public class XmlUnsafeTextTests(XmlUnsafeTextTests.Host host) : IClassFixture<XmlUnsafeTextTests.Host>
{
    public sealed class Host : MonitoringHost;

    /// <summary>The theory data names the class: xunit cannot serialise lone surrogates.</summary>
    private static string Characters(string characterClass) => characterClass switch
    {
        "C0 controls" => "\u0000\u0001\u0008\u000B\u000C\u000E\u001F",
        "U+FFFE" => "\uFFFE",
        "U+FFFF" => "\uFFFF",
        "lone high surrogate" => "\uD83D",
        "lone low surrogate" => "\uDE00",
        _ => throw new ArgumentOutOfRangeException(nameof(characterClass)),
    };

    public static TheoryData<string> Classes => ["C0 controls", "U+FFFE", "U+FFFF", "lone high surrogate", "lone low surrogate"];

    /// <summary>
    /// Stored without the characters. A lone surrogate cannot travel in UTF-8: its bytes arrive as U+FFFD, which XML
    /// carries, so only that may be left of it.
    /// </summary>
    private static void AssertStoredWithout(string? stored, string expected)
    {
        Assert.NotNull(stored);
        Assert.Equal(VietnameseText.XmlSafe(stored), stored);
        Assert.Equal(expected, stored.Replace("\uFFFD", "", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Classes))]
    public async Task A_progress_result_with_the_character_saves_without_it(string characterClass)
    {
        var bad = Characters(characterClass);
        await host.ReadyAsync();
        var (_, deliverableId) = await host.DeliverableAsync("1.a", 1);
        var stp = await host.UnitIdAsync("STP");
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var url = $"/deliverables/{deliverableId}/progress?unit={stp}&period=";
        var page = await editor.GetStringAsync(url);

        var response = await PostRawAsync(editor, url, page,
            ("Unit", Invariant(stp)), ("Period", ""), ("Input.Version", PageText.InputValue(page, "Input.Version")),
            ("Input.Status", "InProgress"), ("Input.ProgressPercent", "40"),
            ("Input.ResultText", "Đã dự thảo" + bad + " báo cáo" + bad), ("Input.EvidenceNumber", "12/KH" + bad + "-STP"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.NewDbContext();
        var saved = await db.Progress.SingleAsync(p => p.DeliverableId == deliverableId && p.UnitId == stp);
        AssertStoredWithout(saved.ResultText, "Đã dự thảo báo cáo");
        AssertStoredWithout(saved.EvidenceNumber, "12/KH-STP");
    }

    [Theory, MemberData(nameof(Classes))]
    public async Task An_indicator_note_with_the_character_saves_without_it(string characterClass)
    {
        var bad = Characters(characterClass);
        var (plan, indicator) = await IndicatorAsync();
        var page = $"/indicators?plan={plan}&period=2019-Q3";
        var assigned = await (await host.AdminAsync()).PostFormAsync(page,
            [new("IndicatorId", Invariant(indicator)), new("ResponsibleUnitId", Invariant(await host.UnitIdAsync("STP")))], action: page + "&handler=Assign");
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        var response = await PostRawAsync(editor, page + "&handler=Save", await editor.GetStringAsync(page),
            ("IndicatorId", Invariant(indicator)), ("Value", "30"), ("SourceNote", "Báo cáo" + bad + " 45/BC-STTTT" + bad));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.NewDbContext();
        var saved = await db.IndicatorValues.SingleAsync(v => v.IndicatorId == indicator && v.Period == "2019-Q3");
        AssertStoredWithout(saved.SourceNote, "Báo cáo 45/BC-STTTT");
    }

    [Theory, MemberData(nameof(Classes))]
    public async Task A_report_number_with_the_character_saves_without_it(string characterClass)
    {
        var bad = Characters(characterClass);
        await host.ReadyAsync();
        var plan = await PlanIdAsync();
        var stp = await host.UnitIdAsync("STP");
        await using (var db = host.NewDbContext())
            await db.ReportSubmissions().Where(s => s.UnitId == stp && s.PeriodKey == "2019-Q1").ExecuteDeleteAsync();
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        var response = await PostRawAsync(editor, "/reports/record", await editor.GetStringAsync($"/reports/record?plan={plan}"),
            ("plan", Invariant(plan)), ("unit", Invariant(stp)), ("period", "2019-Q1"), ("DocumentNumber", "45/BC" + bad + "-STP" + bad),
            ("DocumentDate", "2019-03-18"), ("SubmittedOn", "2019-03-18"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = host.NewDbContext();
        var saved = await check.ReportSubmissions().SingleAsync(s => s.UnitId == stp && s.PeriodKey == "2019-Q1");
        AssertStoredWithout(saved.DocumentNumber, "45/BC-STP");
    }

    [Theory, MemberData(nameof(Classes))]
    public async Task Exports_answer_with_a_readable_file_when_the_character_is_already_stored(string characterClass)
    {
        // PostgreSQL text cannot hold U+0000, and neither database can hold a lone surrogate (SQLite stores U+FFFD
        // in its place, Npgsql refuses it): what is stored is what could have been stored.
        var bad = TestProvider.IsPostgres
            ? new string(Characters(characterClass).Where(c => c != '\u0000' && !char.IsSurrogate(c)).ToArray())
            : Characters(characterClass);
        await host.ReadyAsync();
        var (plan, indicator) = await IndicatorAsync();
        await using (var db = host.NewDbContext())
        {
            foreach (var progress in await db.Progress.Where(p => p.ResultText != null).ToListAsync())
                progress.ResultText = "Kết quả" + bad + " có ký tự lạ" + bad;
            foreach (var submission in await db.ReportSubmissions().ToListAsync())
                submission.DocumentNumber = "88/BC" + bad;
            foreach (var section in await db.Sections.ToListAsync())
                section.Title = VietnameseText.XmlSafe(section.Title).TrimEnd('\uFFFD') + bad; // also a sheet name
            var value = await db.IndicatorValues.FirstOrDefaultAsync(v => v.IndicatorId == indicator && v.Period == "2019-Q3");
            if (value is null) db.IndicatorValues.Add(value = new IndicatorValue { IndicatorId = indicator, Period = "2019-Q3", Value = 30, EnteredAtUtc = DateTime.UtcNow });
            value.SourceNote = "Nguồn" + bad + " báo cáo";
            await db.SaveChangesAsync();
        }
        var admin = await host.AdminAsync();

        var report = await DownloadAsync(admin, $"/reports/periodic.docx?plan={plan}&period=2019-Q3");
        var book = await DownloadAsync(admin, $"/reports/periodic.xlsx?plan={plan}&period=2019-Q3");
        var listBook = await DownloadAsync(admin, $"/tasks/export.xlsx?Plan={plan}&AsOf=2019-10-01");
        var list = await DownloadAsync(admin, $"/tasks/export.docx?Plan={plan}&AsOf=2019-10-01");

        foreach (var text in new[] { WordText(report), ExcelText(book), ExcelText(listBook), WordText(list) })
        {
            Assert.Equal(VietnameseText.XmlSafe(text), text);
            Assert.Contains("Cải cách thể chế", text, StringComparison.Ordinal);
        }
        Assert.Contains("có ký tự lạ", WordText(report), StringComparison.Ordinal);
        Assert.Contains("88/BC", WordText(report), StringComparison.Ordinal);
        Assert.Contains("báo cáo", ExcelText(book), StringComparison.Ordinal);
        Assert.Contains("có ký tự lạ", ExcelText(listBook), StringComparison.Ordinal);
    }

    private async Task<int> PlanIdAsync()
    {
        await using var db = host.NewDbContext();
        return await db.Plans.Where(p => p.Number == MonitoringFixture.PlanNumber).Select(p => p.Id).SingleAsync();
    }

    private async Task<(int PlanId, int IndicatorId)> IndicatorAsync()
    {
        await host.ReadyAsync();
        await using var db = host.NewDbContext();
        var indicator = await db.Indicators.Include(i => i.Objective).SingleAsync(i => i.Objective!.Plan!.Number == MonitoringFixture.PlanNumber);
        return (indicator.Objective!.PlanId, indicator.Id);
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Every paragraph's text; opening the part parses its XML, which fails on a character XML cannot carry.</summary>
    private static string WordText(byte[] file)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(file), false);
        return document.MainDocumentPart!.Document!.InnerText;
    }

    private static string ExcelText(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var workbook = document.WorkbookPart!;
        return string.Join("\n", workbook.Workbook!.InnerText, string.Join("\n", workbook.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name?.Value)),
            string.Join("\n", workbook.WorksheetParts.Select(p => p.Worksheet!.InnerText)));
    }

    /// <summary>
    /// Posts the fields as the browser posts a form with a file field, each value as raw bytes: a lone surrogate goes as
    /// its three UTF-8-style bytes, which is what a hostile client can send (HttpClient's encoders would send U+FFFD).
    /// </summary>
    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string url, string page, params (string Key, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new StringContent(FormPosting.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields) form.Add(new ByteArrayContent(Utf8WithLoneSurrogates(value)), key);
        return client.PostAsync(url, form);
    }

    private static byte[] Utf8WithLoneSurrogates(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
            bytes.AddRange(char.IsSurrogatePair(text, i) ? Encoding.UTF8.GetBytes(text.Substring(i++, 2))
                : char.IsSurrogate(text[i]) ? [(byte)(0xE0 | (text[i] >> 12)), (byte)(0x80 | ((text[i] >> 6) & 0x3F)), (byte)(0x80 | (text[i] & 0x3F))]
                : Encoding.UTF8.GetBytes(text[i].ToString()));
        return [.. bytes];
    }

    private static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}
