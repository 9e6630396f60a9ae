using System.Security.Cryptography;
using System.Text.Json;
using PlanTracker.Core.Import;

namespace PlanTracker.Web.Features.Admin.Plans.Import;

/// <summary>The size limit of a plan document, for the wizard and the `import` verb alike.</summary>
public static class ImportLimits
{
    public static int MaxMegabytes(IConfiguration config) => config.GetValue<int?>("Import:MaxFileMegabytes") is > 0 and var mb ? mb : 20;

    public static long MaxBytes(IConfiguration config) => MaxMegabytes(config) * 1024L * 1024L;
}

/// <summary>
/// The documents an admin uploaded to the import wizard, kept on disk between its steps under a random id: in the
/// folder `imports` beside Attachments:Directory (data/imports by default), outside wwwroot and never served back.
/// Deleted at confirm or cancel; anything older than a day (a wizard left open) is purged at the next upload.
/// </summary>
public sealed class ImportUploads(IConfiguration config)
{
    public sealed record Upload(string Id, string Name, byte[] Content)
    {
        public string Hash => Convert.ToHexStringLower(SHA256.HashData(Content));
    }

    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public string Folder => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(
        config["Attachments:Directory"] is { Length: > 0 } d ? d : "data/attachments").TrimEnd(Path.DirectorySeparatorChar))!, "imports");

    /// <summary>A 32-hex-digit id, so that no id can name a path outside the folder.</summary>
    public static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    public async Task<string> SaveAsync(string name, byte[] content)
    {
        Directory.CreateDirectory(Folder);
        Purge();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await File.WriteAllBytesAsync(PathOf(id, ".upload"), content);
        await File.WriteAllTextAsync(PathOf(id, ".name"), name);
        return id;
    }

    public async Task<Upload?> LoadAsync(string id)
    {
        if (!IsId(id) || !File.Exists(PathOf(id, ".upload"))) return null;
        return new Upload(id, await File.ReadAllTextAsync(PathOf(id, ".name")), await File.ReadAllBytesAsync(PathOf(id, ".upload")));
    }

    /// <summary>The header as the admin edited it on the preview, if they did.</summary>
    public async Task<PlanHeaderDto?> HeaderAsync(string id) =>
        IsId(id) && File.Exists(PathOf(id, ".header.json"))
            ? JsonSerializer.Deserialize<PlanHeaderDto>(await File.ReadAllTextAsync(PathOf(id, ".header.json")))
            : null;

    public Task SaveHeaderAsync(string id, PlanHeaderDto header) =>
        File.WriteAllTextAsync(PathOf(id, ".header.json"), JsonSerializer.Serialize(header));

    public void Delete(string id)
    {
        if (!IsId(id)) return;
        foreach (var suffix in Suffixes) File.Delete(PathOf(id, suffix));
    }

    public bool Exists(string id) => IsId(id) && File.Exists(PathOf(id, ".upload"));

    private static readonly string[] Suffixes = [".upload", ".name", ".header.json"];

    private void Purge()
    {
        // The files' real age: "today" may be frozen (Clock:Today) years before their write times.
        var before = DateTime.UtcNow - KeptFor;
        foreach (var file in Directory.EnumerateFiles(Folder))
            if (File.GetLastWriteTimeUtc(file) < before) File.Delete(file);
    }

    private string PathOf(string id, string suffix) => Path.Combine(Folder, id + suffix);
}
