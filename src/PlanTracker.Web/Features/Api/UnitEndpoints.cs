using Microsoft.AspNetCore.Http.HttpResults;
using PlanTracker.Core.Units;

namespace PlanTracker.Web.Features.Api;

public sealed record UnitDto(int Id, string Code, string Name, UnitKind Kind, int Version);

public static class UnitEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/units", ListAsync).WithName("ListUnits").WithSummary("Units, by name").WithTags("Units")
            .WithDescription("The unit directory (departments, districts, agencies...), by name, a page at a time.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<Ok<ItemPage<UnitDto>>, ProblemHttpResult>> ListAsync(HttpContext http, PlanTrackerDbContext db,
        int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryRead(http, page, pageSize, out var paging, out var problem)) return problem!;
        var units = db.Units.AsNoTracking();
        var total = await units.CountAsync(ct);
        var items = await units.OrderBy(u => u.Name).ThenBy(u => u.Id).Skip(paging.Skip).Take(paging.Size)
            .Select(u => new UnitDto(u.Id, u.Code, u.Name, u.Kind, u.Version)).ToListAsync(ct);
        return TypedResults.Ok(paging.Of(items, total));
    }
}
