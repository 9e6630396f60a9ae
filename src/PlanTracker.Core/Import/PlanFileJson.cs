using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanTracker.Core.Import;

/// <summary>Writes a plan file in the seed's format (seed/README.md): camelCase, 2-space indent, Vietnamese unescaped, no nulls.</summary>
public static class PlanFileJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task WriteAsync(PlanFile plan, Stream output, CancellationToken ct = default) =>
        JsonSerializer.SerializeAsync(output, plan, Options, ct);

    public static string Write(PlanFile plan) => JsonSerializer.Serialize(plan, Options);
}
