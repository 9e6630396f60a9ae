namespace PlanTracker.Core.Import;

public enum ImportOutcome { Imported, Unchanged }

public sealed record ImportResult(
    ImportOutcome Outcome,
    string Summary,
    IReadOnlyList<string> UnmatchedUnitNames);
