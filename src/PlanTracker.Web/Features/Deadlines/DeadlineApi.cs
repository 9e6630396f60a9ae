using PlanTracker.Core.Deadlines;

namespace PlanTracker.Web.Features.Deadlines;

public static class DeadlineApi
{
    /// <summary>GET /api/deadlines/parse?text=Quý IV năm 2019&amp;year=2019, for the plan editor's live preview.</summary>
    public static RouteHandlerBuilder MapDeadlineApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/deadlines/parse", (string? text, int? year, PlanTracker.Core.Time.IClock clock) =>
        {
            var parsed = DeadlineParser.Parse(text, year ?? clock.Today.Year);
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
}
