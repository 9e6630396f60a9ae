namespace PlanTracker.Web.Features.Evidence;

/// <summary>
/// The files one request writes, deleted together unless the request calls <see cref="Keep"/> after its
/// database commit. Use it with <c>using</c> around the writes and the commit: a full disk halfway through a
/// file, a later file of the same request failing, or the database refusing the commit all end in
/// <see cref="Dispose"/> before <see cref="Keep"/>, so every file of the request goes, partial ones included.
/// <para>Why files are written under their final names before the commit rather than to temporary names moved
/// into place after it: the move can fail or be cut by a crash after the commit, and then a saved row points
/// at a missing file (evidence lost). Written first and deleted on failure, the only leftover possible is an
/// unreferenced file after a crash between the write and the commit: space wasted, nothing lost.</para>
/// </summary>
public sealed class UploadedFiles(string folder) : IDisposable
{
    private readonly List<string> written = [];
    private bool kept;

    /// <summary>Writes the upload under a generated name in <paramref name="subfolder"/>; returns its path relative to the folder.</summary>
    public async Task<string> WriteAsync(IFormFile file, string subfolder, CancellationToken ct = default)
    {
        var relativePath = Path.Combine(subfolder, Guid.NewGuid().ToString("N") + Path.GetExtension(UploadNames.Clean(file.FileName)).ToLowerInvariant());
        var path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        written.Add(path); // before the first byte: a file cut short by a full disk is deleted too
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        await file.CopyToAsync(target, ct);
        return relativePath;
    }

    /// <summary>The database now refers to the files: they stay.</summary>
    public void Keep() => kept = true;

    public void Dispose()
    {
        if (kept) return;
        foreach (var path in written)
            try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
