using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PlanTracker.Web.Features.Api;

public sealed record PlanDto(int Id, string Number, string Title, int Year, int EndYear, PlanKind Kind, PlanStatus Status,
    bool VerifiesCompletions, DateOnly? IssuedOn, string? Issuer, int Version);

/// <summary>The city's plans the caller may open (the plan pickers' list: drafts only for Sở Nội vụ and the leadership; no unit's own plan).</summary>
public static class PlanEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/plans", ListAsync).WithName("ListPlans").WithSummary("Plans, newest first").WithTags("Plans")
            .WithDescription("The city's plans the caller may open, newest first, a page at a time. Drafts are listed for admins and " +
                "viewers only; units' own plans are left out.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/plans/{id:int}", GetAsync).WithName("GetPlan").WithSummary("One plan").WithTags("Plans")
            .WithDescription("One plan by its id; 404 when there is none or the caller may not open it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The plans the user may open, as the plan pickers list them.</summary>
    internal static IQueryable<Plan> Visible(PlanTrackerDbContext db, ClaimsPrincipal user) =>
        db.Plans.AsNoTracking().VisibleTo(user).NewestFirst();

    internal static Task<Plan?> VisibleAsync(PlanTrackerDbContext db, ClaimsPrincipal user, int id, CancellationToken ct) =>
        Visible(db, user).FirstOrDefaultAsync(p => p.Id == id, ct);

    private static PlanDto Dto(Plan p) =>
        new(p.Id, p.Number, p.Title, p.Year, p.EndYear, p.Kind, p.Status, p.VerifiesCompletions, p.IssuedOn, p.Issuer, p.Version);

    private static async Task<Results<Ok<ItemPage<PlanDto>>, ProblemHttpResult>> ListAsync(HttpContext http, PlanTrackerDbContext db,
        int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryRead(http, page, pageSize, out var paging, out var problem)) return problem!;
        var plans = Visible(db, http.User);
        var total = await plans.CountAsync(ct);
        var items = await plans.Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(paging.Of(items.Select(Dto).ToList(), total));
    }

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> GetAsync(HttpContext http, PlanTrackerDbContext db, int id, CancellationToken ct) =>
        await VisibleAsync(db, http.User, id, ct) is { } plan ? TypedResults.Ok(Dto(plan)) : ApiProblems.NotFound(http);
}
