namespace PlanTracker.Core.Import;

/// <summary>A file refused whole. Each problem names the JSON path and what is wrong (English, for operators).</summary>
public sealed class ImportException(string file, IReadOnlyList<string> problems)
    : Exception($"{file} was not imported; nothing was written. Problems:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
