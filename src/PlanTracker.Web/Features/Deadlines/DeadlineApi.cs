using System.Globalization;
using PlanTracker.Core.Deadlines;

namespace PlanTracker.Web.Features.Deadlines;

public static class DeadlineApi
{
    /// <summary>
    /// GET /api/deadlines/parse?text=Quý IV năm 2019&amp;year=2019, for the plan editor's live preview. A plan of several
    /// years passes its period (<c>&amp;from=2021&amp;to=2025</c>) so that "Hằng năm" gets one occurrence per year.
    /// Without them the period is <c>year</c> alone, and without <c>year</c> the year of today.
    /// </summary>
    public static RouteHandlerBuilder MapDeadlineApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/deadlines/parse", (string? text, string? year, string? from, string? to, PlanTracker.Core.Time.IClock clock) =>
        {
            // A year out of range reads as today's year, as it always has; a period out of range is refused.
            if (!TryYear(year, "year", false, out var planYear, out var problem)
                || !TryYear(from, "from", true, out var fromYear, out problem)
                || !TryYear(to, "to", true, out var toYear, out problem))
                return BadPeriod(problem!);
            var first = fromYear ?? planYear ?? clock.Today.Year;
            var last = toYear ?? first;
            if (last < first)
                return BadPeriod($"to ({last}) is before from ({first})");

            var parsed = DeadlineParser.Parse(text, first, last);
            return Results.Ok(new
            {
                text = parsed.Text,
                kind = parsed.Kind,
                start = parsed.Start,
                due = parsed.Due,
                occurrences = parsed.Occurrences,
                note = parsed.Note,
            });
        });

    private static IResult BadPeriod(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The year or period is not valid");

    private static bool TryYear(string? value, string name, bool inRange, out int? year, out string? problem)
    {
        (year, problem) = (null, null);
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            problem = $"{name} must be a year such as 2021, not \"{value}\"";
        else if (inRange && number is < DeadlineParser.MinYear or > DeadlineParser.MaxYear)
            problem = $"{name} must be a year from {DeadlineParser.MinYear} to {DeadlineParser.MaxYear}, not {number}";
        else
            year = number;
        return problem is null;
    }
}
