using PlanTracker.Core.PeriodicReports;

namespace PlanTracker.Web.Features.Evidence;

/// <summary>
/// Evidence and report files on disk, outside wwwroot, under generated names. A file is accepted only when its
/// extension is allowed, its size within the limit, its first bytes match what the extension claims, and its
/// unit stays within its quota. The same rule for both kinds of file.
/// </summary>
public sealed class EvidenceStore(IConfiguration config)
{
    // Declared before the table that uses them: static fields initialise in text order.
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    private static readonly Dictionary<string, (string ContentType, byte[][] Signatures)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", [[0x25, 0x50, 0x44, 0x46]]),
        [".doc"] = ("application/msword", [Ole]),
        [".xls"] = ("application/vnd.ms-excel", [Ole]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [Zip]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [Zip]),
        [".odt"] = ("application/vnd.oasis.opendocument.text", [Zip]),
        [".ods"] = ("application/vnd.oasis.opendocument.spreadsheet", [Zip]),
        [".png"] = ("image/png", [[0x89, 0x50, 0x4E, 0x47]]),
        [".jpg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".jpeg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
    };

    public long MaxBytes => config.GetValue<long?>("Attachments:MaxBytes") ?? 10 * 1024 * 1024;
    /// <summary>Evidence and report files of one unit together, removed ones not counted.</summary>
    public long QuotaBytesPerUnit => config.GetValue<long?>("Attachments:QuotaBytesPerUnit") ?? 2L * 1024 * 1024 * 1024;
    /// <summary>How long a removed file stays on disk before <see cref="RemovedFilesPurge"/> deletes it.</summary>
    public int RetentionDays => config.GetValue<int?>("Attachments:RetentionDays") ?? 30;
    public string Folder => Path.GetFullPath(config["Attachments:Directory"] is { Length: > 0 } d ? d : "data/attachments");
    public static string AcceptList => string.Join(",", Allowed.Keys);

    /// <summary>Null when the evidence file is acceptable, else the reason in Vietnamese.</summary>
    public Task<string?> RejectionAsync(IFormFile file) => RejectionAsync(file, MaxBytes);

    /// <summary>Null when the file is acceptable as evidence or as a report file of at most <paramref name="maxBytes"/>, else the reason in Vietnamese.</summary>
    public static async Task<string?> RejectionAsync(IFormFile file, long maxBytes)
    {
        var name = UploadNames.Clean(file.FileName);
        var extension = Path.GetExtension(name);
        if (!Allowed.TryGetValue(extension, out var kind))
            return $"Tệp \"{name}\" không được nhận: chỉ nhận PDF, Word, Excel và ảnh. Chỉ nhận tệp PDF, DOC, DOCX, XLS, XLSX, ODT, ODS, PNG hoặc JPG.";
        if (file.Length == 0) return $"Tệp \"{name}\" rỗng.";
        if (file.Length > maxBytes)
            return $"Tệp \"{name}\" quá lớn ({Megabytes(file.Length)} MB); tối đa {Megabytes(maxBytes)} MB.";
        var head = new byte[8];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
        if (!kind.Signatures.Any(sig => read >= sig.Length && head.AsSpan(0, sig.Length).SequenceEqual(sig)))
            return $"Nội dung tệp \"{name}\" không đúng định dạng {extension.TrimStart('.').ToUpperInvariant()}.";
        return null;
    }

    /// <summary>
    /// Null when the unit may store <paramref name="adding"/> more bytes, else the reason in Vietnamese. Checked before
    /// anything is written; two uploads at the same instant may together pass the quota by at most their own size.
    /// </summary>
    public async Task<string?> QuotaRejectionAsync(PlanTrackerDbContext db, int unitId, long adding, CancellationToken ct = default)
    {
        var evidence = await db.Attachments.Where(a => a.UnitId == unitId && !a.IsRemoved).SumAsync(a => (long?)a.SizeBytes, ct) ?? 0;
        var reports = await db.ReportSubmissions().Where(s => s.UnitId == unitId && !s.IsRemoved && s.StoredName != null).SumAsync(s => s.SizeBytes, ct) ?? 0;
        var used = evidence + reports;
        if (used + adding <= QuotaBytesPerUnit) return null;
        return $"Vượt hạn mức lưu trữ của đơn vị: đơn vị đã dùng {Megabytes(used)} MB trên {Megabytes(QuotaBytesPerUnit)} MB được phép, "
            + $"tệp gửi lên thêm {Megabytes(adding)} MB. Chưa lưu gì; hãy gỡ bớt tệp không còn cần hoặc báo quản trị viên.";
    }

    /// <summary>Writes the file under a generated name through <paramref name="files"/>, which deletes it unless the save commits.</summary>
    public async Task<(string StoredName, string ContentType)> SaveAsync(UploadedFiles files, IFormFile file, DateTime nowUtc)
    {
        var storedName = await files.WriteAsync(file, nowUtc.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture));
        return (storedName, ContentTypeOf(file));
    }

    /// <summary>The content type the extension stands for, never the one the browser sent; for an accepted file.</summary>
    public static string ContentTypeOf(IFormFile file) => Allowed[Path.GetExtension(UploadNames.Clean(file.FileName))].ContentType;

    /// <summary>The files of one request, kept only once its database save has committed.</summary>
    public UploadedFiles NewUpload() => new(Folder);

    public string PathOf(string storedName) => Path.Combine(Folder, storedName);

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}
