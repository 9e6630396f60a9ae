using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Evidence;

/// <summary>
/// Saves with files when the disk is full (a 1 MB tmpfs as the attachments folder) or the database refuses the
/// commit (another connection holds SQLite's write lock past the busy timeout): no file stays, the user reads
/// why in Vietnamese, and the form comes back with what was typed.
/// </summary>
public class StorageFaultTests
{
    /// <summary>The app with its attachments folder on a tmpfs of the given size (or on the ordinary disk).</summary>
    private sealed class Host : PlanTrackerFactory
    {
        private readonly TempFolder mountPoint = new();

        public Host(string? tmpfsSize = null, int? busyTimeoutSeconds = null)
        {
            Settings["Clock:Today"] = "2019-10-01";
            Settings["Attachments:Directory"] = mountPoint.Path;
            if (tmpfsSize is not null) Disk = new Tmpfs(mountPoint.Path, tmpfsSize);
            if (busyTimeoutSeconds is { } seconds)
                Settings["ConnectionStrings:PlanTracker"] = $"Data Source={DatabaseFile};Default Timeout={seconds}";
        }

        public Tmpfs? Disk { get; }

        public List<string> StoredFiles() => Directory.EnumerateFiles(mountPoint.Path, "*", SearchOption.AllDirectories).ToList();

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (!disposing) return;
            Disk?.Dispose();
            mountPoint.Dispose();
        }
    }

    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        Random.Shared.NextBytes(bytes.AsSpan(16));
        return bytes;
    }

    private static readonly (string Key, string Value)[] Typed =
    [
        ("Input.Status", "Done"), ("Input.ProgressPercent", "100"), ("Input.CompletedOn", "2019-09-20"),
        ("Input.ResultText", "Đã ban hành kế hoạch kiểm tra"), ("Input.EvidenceNumber", "77/KH-STP"), ("Input.EvidenceDate", "2019-09-20"),
    ];

    private static async Task<HttpResponseMessage> PostProgressAsync(HttpClient client, string url, params (string Name, byte[] Content)[] files)
    {
        var page = await client.GetStringAsync(url);
        var form = new MultipartFormDataContent
        {
            { new StringContent(FormPosting.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(PageText.InputValue(page, "Unit")), "Unit" },
            { new StringContent(""), "Period" },
            { new StringContent(PageText.InputValue(page, "Input.Version")), "Input.Version" },
        };
        foreach (var (key, value) in Typed) form.Add(new StringContent(value), key);
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
            form.Add(part, "Files", name);
        }
        return await client.PostAsync(url, form);
    }

    /// <summary>The progress form as it came back: every typed value in its field.</summary>
    private static void AssertTypedValuesAreBack(IDocument page)
    {
        Assert.Equal("Done", page.Find("select[name='Input.Status'] option[selected]").GetAttribute("value"));
        Assert.Equal("100", page.Find("input[name='Input.ProgressPercent']").GetAttribute("value"));
        Assert.Equal("2019-09-20", page.Find("input[name='Input.CompletedOn']").GetAttribute("value"));
        Assert.Equal("Đã ban hành kế hoạch kiểm tra", page.Find("textarea[name='Input.ResultText']").TextContent.Trim());
        Assert.Equal("77/KH-STP", page.Find("input[name='Input.EvidenceNumber']").GetAttribute("value"));
        Assert.Equal("2019-09-20", page.Find("input[name='Input.EvidenceDate']").GetAttribute("value"));
    }

    [TmpfsFact]
    public async Task A_full_disk_during_a_progress_upload_leaves_no_file_and_gives_the_typed_form_back()
    {
        using var host = new Host(tmpfsSize: "1m");
        var (_, deliverableId) = await host.DeliverableAsync("1.a", 0);
        var stp = await host.UnitIdAsync("STP");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        // The first file fits in the 1 MB disk; the second fills it halfway through.
        var response = await PostProgressAsync(client, $"/deliverables/{deliverableId}/progress?unit={stp}&period=",
            ("ke-hoach.pdf", Pdf(600_000)), ("phu-luc.pdf", Pdf(600_000)));

        Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
        var page = PageText.Parse(await response.Content.ReadAsStringAsync());
        var errors = page.Find(".errors").TextContent;
        Assert.Contains("hết dung lượng lưu trữ", errors);
        Assert.Contains("chọn lại tệp", errors);
        AssertTypedValuesAreBack(page);
        Assert.Empty(host.StoredFiles());
        await using var db = host.NewDbContext();
        Assert.False(await db.Progress.AnyAsync(p => p.DeliverableId == deliverableId));
        Assert.False(await db.Attachments.AnyAsync(a => a.DeliverableId == deliverableId));
    }

    [TmpfsFact]
    public async Task A_full_disk_during_a_report_upload_leaves_no_file_and_gives_the_typed_form_back()
    {
        using var host = new Host(tmpfsSize: "1m");
        await using var db = host.NewDbContext();
        var plan = await db.Plans.Select(p => p.Id).FirstAsync();
        var stp = await host.UnitIdAsync("STP");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var form = new MultipartFormDataContent
        {
            { new StringContent(FormPosting.AntiforgeryToken(await client.GetStringAsync($"/reports/record?plan={plan}"))), "__RequestVerificationToken" },
            { new StringContent(plan.ToString(CultureInfo.InvariantCulture)), "plan" },
            { new StringContent(stp.ToString(CultureInfo.InvariantCulture)), "unit" },
            { new StringContent("2019-Q1"), "period" },
            { new StringContent("45/BC-STP"), "DocumentNumber" },
            { new StringContent("2019-03-14"), "DocumentDate" },
            { new StringContent("2019-03-15"), "SubmittedOn" },
        };
        var file = new ByteArrayContent(Pdf(1_500_000));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Upload", "bao-cao-quy-1.pdf");

        var response = await client.PostAsync("/reports/record", form);

        var page = PageText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("hết dung lượng lưu trữ", page.Find(".errors").TextContent);
        Assert.Equal("45/BC-STP", page.Find("input[name='DocumentNumber']").GetAttribute("value"));
        Assert.Equal("2019-03-14", page.Find("input[name='DocumentDate']").GetAttribute("value"));
        Assert.Equal("2019-03-15", page.Find("input[name='SubmittedOn']").GetAttribute("value"));
        Assert.Equal("2019-Q1", page.Find("select[name='period'] option[selected]").GetAttribute("value"));
        Assert.Empty(host.StoredFiles());
        Assert.False(await db.ReportSubmissions().AnyAsync());
    }

    [SqliteFact]
    public async Task A_database_locked_past_the_busy_timeout_leaves_no_file_and_gives_the_typed_form_back()
    {
        using var host = new Host(busyTimeoutSeconds: 1);
        var (_, deliverableId) = await host.DeliverableAsync("1.a", 0);
        var stp = await host.UnitIdAsync("STP");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var url = $"/deliverables/{deliverableId}/progress?unit={stp}&period=";
        await client.GetStringAsync(url); // warm: the first request compiles the page

        HttpResponseMessage response;
        await using (var other = new SqliteConnection($"Data Source={host.DatabaseFile};Pooling=False"))
        {
            await other.OpenAsync();
            await using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE;";
            await hold.ExecuteNonQueryAsync();

            response = await PostProgressAsync(client, url, ("ke-hoach.pdf", Pdf(50_000)), ("phu-luc.pdf", Pdf(50_000)));

            hold.CommandText = "ROLLBACK;";
            await hold.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = PageText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Cơ sở dữ liệu đang bận hoặc không cho ghi", page.Find(".errors").TextContent);
        AssertTypedValuesAreBack(page);
        Assert.Empty(host.StoredFiles());
        await using var db = host.NewDbContext();
        Assert.False(await db.Progress.AnyAsync(p => p.DeliverableId == deliverableId));
        Assert.False(await db.Attachments.AnyAsync(a => a.DeliverableId == deliverableId));
    }
}
