using System.Security.Cryptography;
using System.Text.Json;

namespace PlanTracker.Core.Import;

internal static class ImportFileReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Hashes the file, then deserializes it from the stream into the typed model: the raw text is never held
    /// whole (a 16 MB file read into a byte array, then parsed, was a third of the import's peak memory).
    /// </summary>
    public static async Task<(T Content, string Hash)> ReadAsync<T>(string path, CancellationToken ct = default) where T : class
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
            stream.Position = 0;
            var content = await JsonSerializer.DeserializeAsync<T>(stream, Options, ct)
                ?? throw new ImportException(path, ["$: the file holds null, not an object"]);
            return (content, hash);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(path, [$"the file cannot be read: {e.Message}"]);
        }
        catch (JsonException e)
        {
            var where = e.Path ?? "$";
            var line = e.LineNumber is { } n ? $" (line {n + 1})" : "";
            throw new ImportException(path, [$"{where}{line}: {FirstSentence(e.Message)}"]);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
