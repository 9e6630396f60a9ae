using System.Security.Claims;

namespace PlanTracker.Web.Authorization;

public sealed record PlanRef(int PlanId);

/// <summary>
/// The plan lifecycle's rules, in one place: a draft is seen only by Sở Nội vụ and the leadership (a unit's editor
/// neither lists nor opens it), and nothing of a closed plan changes (tasks, deliverables, progress, comments, evidence,
/// reports, indicator values) whoever asks. Pages ask <see cref="Operations.SeePlan"/> and <see cref="Operations.ChangePlan"/>
/// on a <see cref="PlanRef"/>; the task, progress and indicator handlers ask the same rule for their own operations.
/// </summary>
public sealed class PlanHandler(PlanTrackerDbContext db) : OperationHandler<PlanRef>
{
    protected override async Task<bool> AllowsAsync(ClaimsPrincipal user, string operation, PlanRef plan)
    {
        var status = await PlanLifecycle.StatusAsync(db, plan.PlanId);
        return operation switch
        {
            nameof(Operations.SeePlan) => status is { } s && PlanLifecycle.Sees(user, s),
            nameof(Operations.ChangePlan) => status is { } s && PlanLifecycle.IsOpen(s),
            _ => false,
        };
    }
}

public static class PlanLifecycle
{
    public const string ClosedMessage = "Kế hoạch đã kết thúc, không thể chỉnh sửa.";
    private const string MessageKey = "PlanTracker.Refusal";

    /// <summary>Sở Nội vụ and the leadership see drafts; a unit's editor sees active and closed plans.</summary>
    public static bool SeesDrafts(this ClaimsPrincipal user) => user.SeesAllUnits();

    public static bool Sees(ClaimsPrincipal user, PlanStatus status) => status != PlanStatus.Draft || user.SeesDrafts();

    /// <summary>A draft is being prepared and an active plan is being carried out; a closed one is on record only.</summary>
    public static bool IsOpen(PlanStatus status) => status != PlanStatus.Closed;

    /// <summary>The plans the user may list and open.</summary>
    public static IQueryable<Plan> VisibleTo(this IQueryable<Plan> plans, ClaimsPrincipal user) => plans.Visible(user.SeesDrafts());

    public static Task<PlanStatus?> StatusAsync(PlanTrackerDbContext db, int planId) =>
        db.Plans.Live().Where(p => p.Id == planId).Select(p => (PlanStatus?)p.Status).FirstOrDefaultAsync();

    public static Task<PlanStatus?> StatusOfTaskAsync(PlanTrackerDbContext db, int taskId) =>
        db.Tasks.Where(t => t.Id == taskId).Select(t => (PlanStatus?)t.Section!.Plan!.Status).FirstOrDefaultAsync();

    /// <summary>Whether the task's plan is open to changes (false for a task that does not exist).</summary>
    public static async Task<bool> TaskIsOpenAsync(PlanTrackerDbContext db, int taskId) =>
        await StatusOfTaskAsync(db, taskId) is { } s && IsOpen(s);

    /// <summary>
    /// The answer to a change of a closed plan: 403 with <see cref="ClosedMessage"/> on the error page, instead of
    /// the generic "no permission" (the user may change the plan's items, only not any more).
    /// </summary>
    public static IActionResult Closed(HttpContext http)
    {
        http.Items[MessageKey] = ClosedMessage;
        return new StatusCodeResult(StatusCodes.Status403Forbidden);
    }

    /// <summary>The message a refusal left for the error page, if any.</summary>
    public static string? RefusalMessage(HttpContext http) => http.Items[MessageKey] as string;
}
