namespace PlanTracker.Core.Deadlines;

public sealed record DeadlineOccurrence(DateOnly Start, DateOnly Due);

/// <summary>
/// A deadline as printed (<see cref="Text"/>, never altered) and what it means. Start and Due are set
/// where the text names a period or a date; Occurrences lists the periods of a recurring deadline.
/// </summary>
public sealed record ParsedDeadline(
    string Text,
    DeadlineKind Kind,
    DateOnly? Start,
    DateOnly? Due,
    IReadOnlyList<DeadlineOccurrence> Occurrences,
    string? Note)
{
    public static ParsedDeadline Unparsed(string text) => new(text, DeadlineKind.Unparsed, null, null, [], null);
}
