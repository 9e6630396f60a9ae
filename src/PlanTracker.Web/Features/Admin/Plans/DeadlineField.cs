using PlanTracker.Core.Deadlines;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>
/// A deadline input and its preview for a plan running from <see cref="Year"/> to <see cref="EndYear"/>;
/// <see cref="Reading"/> is the server's reading of the current text.
/// </summary>
public sealed record DeadlineField(string Name, string? Text, int Year, int EndYear, string PreviewId)
{
    public ParsedDeadline? Reading => string.IsNullOrWhiteSpace(Text) ? null : DeadlineParser.Parse(Text, Year, EndYear);
}
