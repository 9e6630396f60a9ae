using Microsoft.AspNetCore.Http.HttpResults;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Progress;
using PlanTracker.Core.States;
using PlanTracker.Web.Features.Tasks;

namespace PlanTracker.Web.Features.Api;

/// <summary>
/// One unit's share of a deliverable in one period (a work item), with its state as of the day asked for: the rows the
/// task list shows with a state filter and the dashboard counts. <c>version</c> is the unit's progress record's (0: none yet),
/// the one a progress update carries.
/// </summary>
public sealed record WorkItemDto(int DeliverableId, int TaskId, string TaskCode, int SectionNumber, string? Product, int UnitId,
    string Period, DeadlineKind DeadlineKind, string DeadlineText, DateOnly? Due, DateOnly? OriginalDue, DeliverableState State,
    ProgressStatus? Status, int? ProgressPercent, DateOnly? CompletedOn, int Version)
{
    public static WorkItemDto Of(WorkItem i) => new(i.DeliverableId, i.TaskId, i.TaskCode, i.SectionNumber, i.Product, i.UnitId, i.Period,
        i.Kind, i.DeadlineText, i.Due, i.OriginalDue, i.State, i.Progress?.Status, i.Progress?.ProgressPercent, i.Progress?.CompletedOn,
        i.Progress?.Version ?? 0);
}

public sealed record WorkItemPage(DateOnly AsOf, IReadOnlyList<WorkItemDto> Items, int Page, int PageSize, int Total);

public sealed record DeliverableDto(int Id, int TaskId, string? Product, string? Note, string DeadlineText, DeadlineKind DeadlineKind,
    DateOnly? DeadlineStart, DateOnly? DeadlineDue, int Version, DateOnly AsOf, List<WorkItemDto> Items);

public static class DeliverableEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/deliverables", ListAsync).WithName("ListDeliverables").WithTags("Deliverables")
            .WithSummary("A plan's work items with their state as of a day (state=Overdue, DoneOnTime,DoneLate or All), filtered as on the task list")
            .WithDescription("The work items (one deliverable x lead unit x period) of a plan with their state as of asOf (today by default). " +
                "A work item's version is its progress record's (0: none yet), the one an update sends.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/deliverables/{id:int}", GetAsync).WithName("GetDeliverable").WithTags("Deliverables")
            .WithSummary("One deliverable with each lead unit's work items and their state as of a day")
            .WithDescription("One deliverable with each lead unit's work items and their state as of asOf (today by default).")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<WorkItemPage>, ProblemHttpResult>> ListAsync(HttpContext http, PlanTrackerDbContext db,
        Dashboard.OverviewCache kept, Core.Time.IClock clock, [AsParameters] TaskFilter filter, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryRead(http, page, pageSize, out var paging, out var problem)) return problem!;
        filter.State ??= TaskFilter.AllStates;
        if (filter.States() is not { } states)
            return ApiProblems.Invalid(http, [("state", $"Trạng thái không hợp lệ: {filter.State}.",
                $"state must be All or states among {string.Join(", ", Enum.GetNames<DeliverableState>())}, comma-separated.")]);
        var plan = await PlanEndpoints.Visible(db, http.User).AskedOrCurrentAsync(filter.Plan, clock.Today, ct);
        if (plan is null) return ApiProblems.NotFound(http);
        var asOf = filter.AsOf ?? clock.Today;
        // The task list's path (Features/Tasks/Index: LoadItemsAsync): the rows from the plan's kept items, in its order; one page read in full.
        var rows = await filter.RowsAsync(kept, await filter.ApplyAsync(db, db.Tasks.AsNoTracking(), plan.Id), plan.Id, asOf, states, ct);
        var items = await TaskFilter.PageAsync(db, asOf, rows.Skip(paging.Skip).Take(paging.Size), ct);
        return TypedResults.Ok(new WorkItemPage(asOf, [.. items.Select(WorkItemDto.Of)], paging.Page, paging.Size, rows.Count));
    }

    private static async Task<Results<Ok<DeliverableDto>, ProblemHttpResult>> GetAsync(HttpContext http, PlanTrackerDbContext db,
        Core.Time.IClock clock, int id, DateOnly? asOf, CancellationToken ct)
    {
        var tasks = TaskEndpoints.VisibleTasks(db, http).Select(t => t.Id);
        var d = await db.Deliverables.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && !d.IsRetired && tasks.Contains(d.TaskId), ct);
        if (d is null) return ApiProblems.NotFound(http);
        var day = asOf ?? clock.Today;
        var items = await WorkItems.LoadAsync(db, day, [id], ct);
        return TypedResults.Ok(new DeliverableDto(d.Id, d.TaskId, d.Product, d.Note, d.DeadlineText, d.DeadlineKind, d.DeadlineStart, d.DeadlineDue,
            d.Version, day, [.. items.OrderBy(i => i.Due).ThenBy(i => i.UnitId).Select(WorkItemDto.Of)]));
    }
}
