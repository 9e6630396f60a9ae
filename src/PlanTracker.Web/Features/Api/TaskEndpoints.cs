using Microsoft.AspNetCore.Http.HttpResults;
using PlanTracker.Core.Deadlines;
using PlanTracker.Web.Features.Tasks;

namespace PlanTracker.Web.Features.Api;

public sealed record TaskSummaryDto(int Id, int SectionId, int SectionNumber, string Code, string Activity, int Version);

public sealed record AssignmentDto(AssignmentRole Role, string PrintedName, int? UnitId, int? UnitGroupId);

public sealed record DeliverableSummaryDto(int Id, string? Product, string DeadlineText, DeadlineKind DeadlineKind,
    DateOnly? DeadlineStart, DateOnly? DeadlineDue, int Version);

public sealed record TaskDto(int Id, int PlanId, int SectionId, int SectionNumber, string Code, string Activity, string? Note,
    int Version, List<AssignmentDto> Assignments, List<DeliverableSummaryDto> Deliverables);

/// <summary>The task list (the /tasks page's filters and order) and one task.</summary>
public static class TaskEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tasks", ListAsync).WithName("ListTasks").WithTags("Tasks")
            .WithSummary("A plan's tasks (the current plan without plan), filtered as on the task list")
            .WithDescription("The tasks of the plan asked for (the current plan when plan is left out) in the task list's order, " +
                "with its filters: section, unit, role, quarter, kind and q (a search that ignores Vietnamese accents).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/tasks/{id:int}", GetAsync).WithName("GetTask").WithSummary("One task with its lead and coordinating units and deliverables")
            .WithDescription("One task with its lead and coordinating units (as printed in the plan) and its deliverables; " +
                "404 when there is none or the caller may not see it.")
            .WithTags("Tasks").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<ItemPage<TaskSummaryDto>>, ProblemHttpResult>> ListAsync(HttpContext http, PlanTrackerDbContext db,
        Core.Time.IClock clock, [AsParameters] TaskFilter filter, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryRead(http, page, pageSize, out var paging, out var problem)) return problem!;
        var plan = await PlanEndpoints.Visible(db, http.User).AskedOrCurrentAsync(filter.Plan, clock.Today, ct);
        if (plan is null) return ApiProblems.NotFound(http);
        var query = await filter.ApplyAsync(db, db.Tasks.AsNoTracking(), plan.Id);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(t => t.Section!.SortOrder).ThenBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Skip(paging.Skip).Take(paging.Size)
            .Select(t => new TaskSummaryDto(t.Id, t.SectionId, t.Section!.Number, t.Code, t.Activity, t.Version)).ToListAsync(ct);
        return TypedResults.Ok(paging.Of(items, total));
    }

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> GetAsync(HttpContext http, PlanTrackerDbContext db, int id, CancellationToken ct)
    {
        var task = await VisibleTasks(db, http).Where(t => t.Id == id)
            .Include(t => t.Section)
            .Include(t => t.Deliverables.Where(d => !d.IsRetired).OrderBy(d => d.SortOrder))
            .Include(t => t.Assignments.Where(a => !a.IsRetired).OrderBy(a => a.SortOrder))
            .AsSplitQuery().FirstOrDefaultAsync(ct);
        if (task is null) return ApiProblems.NotFound(http);
        return TypedResults.Ok(new TaskDto(task.Id, task.Section!.PlanId, task.SectionId, task.Section.Number, task.Code, task.Activity, task.Note,
            task.Version,
            [.. task.Assignments.Select(a => new AssignmentDto(a.Role, a.PrintedName, a.UnitId, a.UnitGroupId))],
            [.. task.Deliverables.Select(d => new DeliverableSummaryDto(d.Id, d.Product, d.DeadlineText, d.DeadlineKind, d.DeadlineStart, d.DeadlineDue, d.Version))]));
    }

    /// <summary>The live tasks of the plans the user may open (the same plans as <see cref="PlanEndpoints"/>).</summary>
    internal static IQueryable<PlanTask> VisibleTasks(PlanTrackerDbContext db, HttpContext http)
    {
        var plans = PlanEndpoints.Visible(db, http.User).Select(p => p.Id);
        return db.Tasks.AsNoTracking().Where(t => !t.IsRetired && !t.Section!.IsRetired && plans.Contains(t.Section.PlanId));
    }
}
