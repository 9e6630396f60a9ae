using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.History;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Progress;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Features.Evidence;

namespace PlanTracker.Tests.Features.Evidence;

/// <summary>
/// Issue 15, point 7: a unit's quota over its evidence and report files, removed files purged after the retention
/// period, names without control or bidirectional characters, downloads no cache keeps. Sở Tư pháp (STP) uploads.
/// </summary>
public class UploadTests
{
    /// <summary>The app on a clock the test moves by hand (no frozen date: the purge counts real days).</summary>
    private sealed class Host : PlanTrackerFactory
    {
        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2019, 10, 1, 3, 0, 0, TimeSpan.Zero));

        public Host(long? quotaBytes = null)
        {
            Settings["Attachments:MaxBytes"] = "1000000";
            if (quotaBytes is { } quota) Settings["Attachments:QuotaBytesPerUnit"] = quota.ToString(CultureInfo.InvariantCulture);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        }

        public string AttachmentsFolder => Folder.File("attachments");

        public List<string> StoredFiles() => Directory.Exists(AttachmentsFolder)
            ? Directory.EnumerateFiles(AttachmentsFolder, "*", SearchOption.AllDirectories).ToList()
            : [];
    }

    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static string Url(int deliverableId, int unitId) => $"/deliverables/{deliverableId}/progress?unit={unitId}&period=";

    private static async Task<HttpResponseMessage> PostProgressAsync(HttpClient client, int deliverableId, int unitId, string fileName, byte[] content)
    {
        var page = await client.GetStringAsync(Url(deliverableId, unitId));
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
        var form = new MultipartFormDataContent
        {
            { new StringContent(FormPosting.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(unitId.ToString(CultureInfo.InvariantCulture)), "Unit" },
            { new StringContent(""), "Period" },
            { new StringContent(PageText.InputValue(page, "Input.Version")), "Input.Version" },
            { new StringContent("InProgress"), "Input.Status" },
            { new StringContent("10"), "Input.ProgressPercent" },
            { file, "Files", fileName },
        };
        return await client.PostAsync(Url(deliverableId, unitId), form);
    }

    internal static async Task<HttpResponseMessage> RecordReportAsync(HttpClient client, int plan, int unit, string fileName, byte[] content)
    {
        var page = await client.GetStringAsync($"/reports/record?plan={plan}");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var form = new MultipartFormDataContent
        {
            { new StringContent(FormPosting.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(plan.ToString(CultureInfo.InvariantCulture)), "plan" },
            { new StringContent(unit.ToString(CultureInfo.InvariantCulture)), "unit" },
            { new StringContent("2019-Q1"), "period" },
            { new StringContent("45/BC-STP"), "DocumentNumber" },
            { new StringContent("2019-03-14"), "DocumentDate" },
            { new StringContent("2019-03-15"), "SubmittedOn" },
            { file, "Upload", fileName },
        };
        return await client.PostAsync("/reports/record", form);
    }

    [Fact]
    public async Task An_upload_past_the_units_quota_is_refused_naming_used_and_allowed_MB_and_nothing_is_written()
    {
        using var host = new Host(quotaBytes: 1024 * 1024);
        var (_, first) = await host.DeliverableAsync("1.a", 0);
        var (_, second) = await host.DeliverableAsync("1.a", 1);
        var stp = await host.UnitIdAsync("STP");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        int plan;
        await using (var db = host.NewDbContext())
            plan = await db.Plans.Select(p => p.Id).FirstAsync();

        var kept = await PostProgressAsync(client, first, stp, "ke-hoach.pdf", Pdf(600_000));
        var refused = await PostProgressAsync(client, second, stp, "bao-cao.pdf", Pdf(600_000));
        var refusedReport = await RecordReportAsync(client, plan, stp, "bao-cao-quy-1.pdf", Pdf(600_000));

        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        var message = PageText.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Vượt hạn mức lưu trữ của đơn vị: đơn vị đã dùng 0,6 MB trên 1 MB được phép, tệp gửi lên thêm 0,6 MB.", message);
        // Evidence and report files count together.
        Assert.Contains("đơn vị đã dùng 0,6 MB trên 1 MB được phép", PageText.Text(await refusedReport.Content.ReadAsStringAsync()));
        Assert.Single(host.StoredFiles());
        await using (var db = host.NewDbContext())
        {
            Assert.Equal(1, await db.Attachments.CountAsync(a => a.UnitId == stp));
            Assert.False(await db.Progress.AnyAsync(p => p.DeliverableId == second));
            Assert.False(await db.ReportSubmissions().AnyAsync());
        }

        // A removed file no longer counts, and its removal is timed for the purge.
        int attachmentId;
        await using (var db = host.NewDbContext())
            attachmentId = await db.Attachments.Select(a => a.Id).SingleAsync();
        var removal = await client.PostFormAsync(Url(first, stp), [new("Unit", stp.ToString(CultureInfo.InvariantCulture)), new("Period", "")],
            $"/deliverables/{first}/progress?handler=RemoveAttachment&attachmentId={attachmentId}");
        var accepted = await PostProgressAsync(client, second, stp, "bao-cao.pdf", Pdf(600_000));

        Assert.Equal(HttpStatusCode.Redirect, removal.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await using (var db = host.NewDbContext())
        {
            var removed = await db.Attachments.SingleAsync(a => a.Id == attachmentId);
            Assert.True(removed.IsRemoved);
            Assert.Equal(host.Time.GetUtcNow().UtcDateTime, removed.RemovedAtUtc!.Value, TimeSpan.FromMinutes(1));
        }
    }

    [Fact]
    public async Task The_purge_deletes_only_files_removed_longer_ago_than_the_retention_and_keeps_every_row()
    {
        using var host = new Host();
        var (_, deliverableId) = await host.DeliverableAsync("1.a", 0);
        var stp = await host.UnitIdAsync("STP");
        var now = host.Time.GetUtcNow().UtcDateTime;
        var ids = new Dictionary<string, int>();
        await using (var db = host.NewDbContext())
        {
            Attachment EvidenceFile(string name, DateTime? removedAtUtc, bool removed = true) => new()
            {
                DeliverableId = deliverableId, UnitId = stp, FileName = name + ".pdf", ContentType = "application/pdf", SizeBytes = 9,
                StoredName = Path.Combine("2019", name + ".pdf"), UploadedAtUtc = now.AddDays(-100), IsRemoved = removed, RemovedAtUtc = removedAtUtc,
            };
            var evidence = new Dictionary<string, Attachment>
            {
                ["live"] = EvidenceFile("live", null, removed: false),
                ["removed-31-days-ago"] = EvidenceFile("removed-31-days-ago", now.AddDays(-31)),
                ["removed-29-days-ago"] = EvidenceFile("removed-29-days-ago", now.AddDays(-29)),
                ["removed-long-ago-file-gone"] = EvidenceFile("removed-long-ago-file-gone", now.AddDays(-90)),
                // Removed before RemovedAtUtc existed: its history record tells when.
                ["legacy-removed-45-days-ago"] = EvidenceFile("legacy-removed-45-days-ago", null),
                ["legacy-removed-10-days-ago"] = EvidenceFile("legacy-removed-10-days-ago", null),
            };
            db.Attachments.AddRange(evidence.Values);
            var plan = await db.Plans.Select(p => p.Id).FirstAsync();
            ReportSubmission ReportFile(string name, string period, DateTime removedAtUtc) => new()
            {
                PlanId = plan, UnitId = stp, PeriodKey = period, DocumentNumber = "45/BC-STP", DocumentDate = new DateOnly(2019, 3, 14),
                SubmittedOn = new DateOnly(2019, 3, 15), FileName = name + ".pdf", ContentType = "application/pdf", SizeBytes = 9,
                StoredName = Path.Combine("reports", "2019", name + ".pdf"), RecordedAtUtc = now.AddDays(-100),
                IsRemoved = true, RemovedAtUtc = removedAtUtc, RemovedByName = "Người gỡ",
            };
            var reports = new Dictionary<string, ReportSubmission>
            {
                ["report-removed-31-days-ago"] = ReportFile("report-removed-31-days-ago", "2019-Q1", now.AddDays(-31)),
                ["report-removed-2-days-ago"] = ReportFile("report-removed-2-days-ago", "2019-H1", now.AddDays(-2)),
            };
            db.AddRange(reports.Values);
            await db.SaveChangesAsync();
            foreach (var (name, days) in new[] { ("legacy-removed-45-days-ago", 45), ("legacy-removed-10-days-ago", 10) })
                db.ChangeRecords.Add(new ChangeRecord
                {
                    EntityType = ChangeKind.AttachmentRemoved.EntityType, Action = ChangeKind.AttachmentRemoved.Action,
                    EntityId = evidence[name].Id, Summary = $"gỡ tệp \"{name}.pdf\"", AtUtc = now.AddDays(-days),
                });
            await db.SaveChangesAsync();
            foreach (var (name, a) in evidence) ids[name] = a.Id;
            foreach (var (name, r) in reports) ids[name] = r.Id;
            foreach (var stored in evidence.Values.Where(a => a.FileName != "removed-long-ago-file-gone.pdf").Select(a => a.StoredName)
                         .Concat(reports.Values.Select(r => r.StoredName!)))
            {
                var path = Path.Combine(host.AttachmentsFolder, stored);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, Pdf(9));
            }
        }

        int firstRun, secondRun;
        using (var scope = host.Services.CreateScope())
            firstRun = await scope.ServiceProvider.GetRequiredService<RemovedFilesPurge>().PurgeAsync(CancellationToken.None);
        using (var scope = host.Services.CreateScope())
            secondRun = await scope.ServiceProvider.GetRequiredService<RemovedFilesPurge>().PurgeAsync(CancellationToken.None);

        Assert.Equal(3, firstRun);
        Assert.Equal(0, secondRun); // idempotent: nothing left to delete, and a missing file is no fault
        var left = host.StoredFiles().Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["legacy-removed-10-days-ago", "live", "removed-29-days-ago", "report-removed-2-days-ago"], left);
        await using (var db = host.NewDbContext())
        {
            Assert.Equal(6, await db.Attachments.CountAsync(a => a.DeliverableId == deliverableId));
            Assert.Equal(2, await db.ReportSubmissions().CountAsync());
        }
        // Scheduled beside the reminders, so that it runs every night.
        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == RemovedFilesPurge.JobId);
    }

    [Fact]
    public async Task Control_and_bidirectional_characters_are_stripped_from_an_evidence_files_name()
    {
        using var host = new Host();
        var (taskId, deliverableId) = await host.DeliverableAsync("1.a", 0);
        var stp = await host.UnitIdAsync("STP");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        var response = await PostProgressAsync(client, deliverableId, stp,
            "\uFEFFbiên\u0007 bản\u202E\u2066 họp\u200B\u0085\u007F\u200F.pdf", Pdf(1000));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.NewDbContext();
        var saved = await db.Attachments.SingleAsync(a => a.DeliverableId == deliverableId);
        Assert.Equal("biên bản họp.pdf", saved.FileName);
        Assert.EndsWith(".pdf", saved.StoredName, StringComparison.Ordinal);
        Assert.Contains(await db.ChangeRecords.Where(c => c.TaskId == taskId).Select(c => c.Summary).ToListAsync(),
            s => s.EndsWith("đính kèm biên bản họp.pdf", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bao-cao.pdf", "bao-cao.pdf")]
    [InlineData("C:\\Users\\stp\\Desktop\\bao-cao.pdf", "bao-cao.pdf")]
    [InlineData("hop-dong\u202Efdp.exe", "hop-dongfdp.exe")]
    [InlineData("\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200B\u200C\u200D\uFEFFa.pdf", "a.pdf")]
    [InlineData("\u0000\u0001\u001F\u007F\u0080\u009Fa\u2028b.pdf", "ab.pdf")]
    [InlineData("\u202E\u0007.pdf", UploadNames.DefaultStem + ".pdf")]
    [InlineData("\u202E", UploadNames.DefaultStem)]
    [InlineData("  .pdf", UploadNames.DefaultStem + ".pdf")]
    [InlineData("Báo cáo quý I\uFFFF.docx", "Báo cáo quý I.docx")]
    public void A_file_name_keeps_no_control_or_format_character(string uploaded, string stored) =>
        Assert.Equal(stored, UploadNames.Clean(uploaded));

    [Fact]
    public void A_name_longer_than_the_column_is_cut_and_keeps_its_extension()
    {
        var name = UploadNames.Clean(new string('ă', 300) + ".xlsx");

        Assert.Equal(UploadNames.MaxLength, name.Length);
        Assert.EndsWith("ă.xlsx", name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_evidence_download_is_kept_by_no_cache_and_stays_an_attachment()
    {
        using var host = new Host();
        var (_, deliverableId) = await host.DeliverableAsync("1.a", 0);
        var stp = await host.UnitIdAsync("STP");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        await PostProgressAsync(client, deliverableId, stp, "biên bản.pdf", Pdf(1000));
        int id;
        await using (var db = host.NewDbContext())
            id = await db.Attachments.Select(a => a.Id).SingleAsync();

        var response = await client.GetAsync($"/attachments/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.Private);
        Assert.True(response.Headers.CacheControl.NoStore);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("biên bản.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
