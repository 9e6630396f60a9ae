using PlanTracker.Core.PeriodicReports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PlanTracker.Web.Features.Api;

public sealed record ReportSubmissionDto(int Id, int PlanId, int UnitId, string PeriodKey, string DocumentNumber, DateOnly DocumentDate,
    DateOnly SubmittedOn, string? FileName, DateTime RecordedAtUtc);

/// <summary>
/// The periodic reports recorded as sent to Sở Nội vụ: every unit's for Sở Nội vụ and the leadership, a unit editor's own
/// unit's (those whose files it may download: Authorization/UnitHandlers, ReportSubmissionHandler).
/// </summary>
public static class ReportSubmissionEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/report-submissions", ListAsync).WithName("ListReportSubmissions").WithTags("Reports")
            .WithSummary("Recorded report submissions of a plan (the current plan without plan), by period and unit")
            .WithDescription("Recorded periodic-report submissions: every unit's for admins and viewers, the caller's own unit's for a unit editor.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<ItemPage<ReportSubmissionDto>>, ProblemHttpResult>> ListAsync(HttpContext http, PlanTrackerDbContext db,
        Core.Time.IClock clock, int? plan, int? unit, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryRead(http, page, pageSize, out var paging, out var problem)) return problem!;
        var found = await PlanEndpoints.Visible(db, http.User).AskedOrCurrentAsync(plan, clock.Today, ct);
        if (found is null) return ApiProblems.NotFound(http);
        var user = http.User;
        var query = db.ReportSubmissions().AsNoTracking().Where(s => s.PlanId == found.Id && !s.IsRemoved);
        if (!(user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Viewer)))
        {
            var own = user.IsInRole(Roles.UnitEditor) ? user.UnitId() : null;
            query = query.Where(s => s.UnitId == own);
        }
        if (unit is { } unitId) query = query.Where(s => s.UnitId == unitId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(s => s.PeriodKey).ThenBy(s => s.UnitId).ThenBy(s => s.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(paging.Of(items.Select(s => new ReportSubmissionDto(s.Id, s.PlanId, s.UnitId, s.PeriodKey, s.DocumentNumber,
            s.DocumentDate, s.SubmittedOn, s.FileName, ApiTime.Utc(s.RecordedAtUtc))).ToList(), total));
    }
}
