using PlanTracker.Core.Deadlines;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>A deadline input and its preview; <see cref="Reading"/> is the server's reading of the current text.</summary>
public sealed record DeadlineField(string Name, string? Text, int Year, string PreviewId)
{
    public ParsedDeadline? Reading => string.IsNullOrWhiteSpace(Text) ? null : DeadlineParser.Parse(Text, Year);
}
