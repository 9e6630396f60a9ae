using Microsoft.AspNetCore.Http.HttpResults;

namespace PlanTracker.Web.Features.Api;

public sealed record SectionDto(int Id, int PlanId, int Number, string Title, int Version);

public static class SectionEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/plans/{planId:int}/sections", ListAsync).WithName("ListSections").WithSummary("A plan's sections, in the plan's order")
            .WithDescription("Every section of a plan the caller may open, in the plan's order; 404 when the plan is not there for the caller.")
            .WithTags("Sections").ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<List<SectionDto>>, ProblemHttpResult>> ListAsync(HttpContext http, PlanTrackerDbContext db,
        int planId, CancellationToken ct)
    {
        if (await PlanEndpoints.VisibleAsync(db, http.User, planId, ct) is null) return ApiProblems.NotFound(http);
        return TypedResults.Ok(await db.Sections.AsNoTracking().Where(s => s.PlanId == planId && !s.IsRetired)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new SectionDto(s.Id, s.PlanId, s.Number, s.Title, s.Version)).ToListAsync(ct));
    }
}
