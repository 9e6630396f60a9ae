using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Tests.Support;
using static PlanTracker.Tests.Features.Evidence.UploadTests;

namespace PlanTracker.Tests.Features.Reports;

/// <summary>A report's file is checked, named and served like an evidence file (issue 15, point 7). Sở Tư pháp's Q1 report.</summary>
public class ReportFileTests
{
    private sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";

        public List<string> StoredFiles() => Directory.Exists(Folder.File("attachments"))
            ? Directory.EnumerateFiles(Folder.File("attachments"), "*", SearchOption.AllDirectories).ToList()
            : [];

        public async Task<(HttpClient Editor, int Plan, int Unit)> EditorAsync()
        {
            await using var db = NewDbContext();
            return (await SignedInClientAsync(Roles.UnitEditor, "STP"), await db.Plans.Select(p => p.Id).FirstAsync(), await UnitIdAsync("STP"));
        }
    }

    [Fact]
    public async Task A_renamed_file_that_is_no_PDF_is_refused_and_nothing_is_written()
    {
        using var host = new Host();
        var (editor, plan, stp) = await host.EditorAsync();

        var response = await RecordReportAsync(editor, plan, stp, "bao-cao.pdf", "MZ this is a program, not a PDF"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nội dung tệp \"bao-cao.pdf\" không đúng định dạng PDF.", PageText.Parse(await response.Content.ReadAsStringAsync()).Find(".errors").TextContent);
        Assert.Empty(host.StoredFiles());
        await using var db = host.NewDbContext();
        Assert.False(await db.ReportSubmissions().AnyAsync());
    }

    [Fact]
    public async Task A_zip_is_no_longer_taken_as_a_report_file()
    {
        using var host = new Host();
        var (editor, plan, stp) = await host.EditorAsync();

        var response = await RecordReportAsync(editor, plan, stp, "bao-cao.zip", [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0]);

        Assert.Contains("Chỉ nhận tệp PDF", await response.Content.ReadAsStringAsync());
        Assert.Empty(host.StoredFiles());
    }

    [Fact]
    public async Task A_report_file_is_stored_without_control_or_bidirectional_characters_and_downloaded_uncached()
    {
        using var host = new Host();
        var (editor, plan, stp) = await host.EditorAsync();

        var recorded = await RecordReportAsync(editor, plan, stp, "Báo cáo\u202E\u0008 quý I\u2067\u001B.pdf", "%PDF-1.4 báo cáo"u8.ToArray());
        int id;
        await using (var db = host.NewDbContext())
        {
            var saved = await db.ReportSubmissions().SingleAsync();
            Assert.Equal(("Báo cáo quý I.pdf", "application/pdf"), (saved.FileName, saved.ContentType));
            id = saved.Id;
        }
        var response = await editor.GetAsync($"/reports/files/{id}");

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.Private);
        Assert.True(response.Headers.CacheControl.NoStore);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Báo cáo quý I.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
