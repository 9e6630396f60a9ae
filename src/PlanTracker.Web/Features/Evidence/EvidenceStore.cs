namespace PlanTracker.Web.Features.Evidence;

/// <summary>
/// Evidence files on disk, outside wwwroot, under generated names. A file is accepted only when its
/// extension is allowed, its size within the limit, and its first bytes match what the extension claims.
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
    public string Folder => Path.GetFullPath(config["Attachments:Directory"] is { Length: > 0 } d ? d : "data/attachments");
    public static string AcceptList => string.Join(",", Allowed.Keys);

    /// <summary>Null when the file is acceptable, else the reason in Vietnamese.</summary>
    public async Task<string?> RejectionAsync(IFormFile file)
    {
        var name = Path.GetFileName(file.FileName);
        var extension = Path.GetExtension(name);
        if (!Allowed.TryGetValue(extension, out var kind))
            return $"Tệp \"{name}\" không được nhận: chỉ nhận PDF, Word, Excel và ảnh (PDF, DOC, DOCX, XLS, XLSX, ODT, ODS, PNG, JPG).";
        if (file.Length == 0) return $"Tệp \"{name}\" rỗng.";
        if (file.Length > MaxBytes)
            return $"Tệp \"{name}\" quá lớn ({file.Length / 1024.0 / 1024.0:0.0} MB); tối đa {MaxBytes / 1024.0 / 1024.0:0.#} MB.";
        var head = new byte[8];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
        if (!kind.Signatures.Any(sig => read >= sig.Length && head.AsSpan(0, sig.Length).SequenceEqual(sig)))
            return $"Nội dung tệp \"{name}\" không đúng định dạng {extension.TrimStart('.').ToUpperInvariant()}.";
        return null;
    }

    /// <summary>Writes the file under a generated name through <paramref name="files"/>, which deletes it unless the save commits.</summary>
    public async Task<(string StoredName, string ContentType)> SaveAsync(UploadedFiles files, IFormFile file, DateTime nowUtc)
    {
        var storedName = await files.WriteAsync(file, nowUtc.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture));
        return (storedName, Allowed[Path.GetExtension(file.FileName)].ContentType);
    }

    /// <summary>The files of one request, kept only once its database save has committed.</summary>
    public UploadedFiles NewUpload() => new(Folder);

    public string PathOf(string storedName) => Path.Combine(Folder, storedName);
}
