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

    public static (T Content, string Hash) Read<T>(string path) where T : class
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(path, [$"the file cannot be read: {e.Message}"]);
        }

        try
        {
            var content = JsonSerializer.Deserialize<T>(bytes, Options)
                ?? throw new ImportException(path, ["$: the file holds null, not an object"]);
            return (content, Convert.ToHexStringLower(SHA256.HashData(bytes)));
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
