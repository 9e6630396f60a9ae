using PlanTracker.Core.History;

namespace PlanTracker.Core.Plans;

/// <summary>
/// The two steps of a plan's lifecycle, as the admin plan page and the operator's <c>plans activate|close</c> take
/// them: draft → active ("Kích hoạt"), active → closed ("Kết thúc"). Each is a recorded history step; nothing goes back.
/// </summary>
public static class PlanStatusSteps
{
    public static string Label(this PlanStatus status) => status switch
    {
        PlanStatus.Draft => "Dự thảo",
        PlanStatus.Active => "Đang thực hiện",
        PlanStatus.Closed => "Đã kết thúc",
        _ => status.ToString(),
    };

    /// <summary>Why the plan cannot take the step to <paramref name="to"/>, in Vietnamese; null when it can.</summary>
    public static string? Refusal(Plan plan, PlanStatus to) => (plan.Status, to) switch
    {
        (PlanStatus.Draft, PlanStatus.Active) or (PlanStatus.Active, PlanStatus.Closed) => null,
        (PlanStatus.Active, PlanStatus.Active) => $"Kế hoạch {plan.Number} đang thực hiện rồi.",
        (PlanStatus.Closed, _) => $"Kế hoạch {plan.Number} đã kết thúc; không thể kích hoạt hay kết thúc lại.",
        (PlanStatus.Draft, PlanStatus.Closed) => $"Kế hoạch {plan.Number} còn là dự thảo; kích hoạt trước khi kết thúc.",
        _ => $"Kế hoạch {plan.Number} không chuyển được sang trạng thái {to.Label()}.",
    };

    /// <summary>Takes the step (the caller checked <see cref="Refusal"/>) and records it; the caller saves.</summary>
    public static void Take(PlanTrackerDbContext db, Actor actor, DateTime atUtc, Plan plan, PlanStatus to)
    {
        var before = plan.Status;
        plan.Status = to;
        var (kind, verb) = to == PlanStatus.Active ? (ChangeKind.PlanActivated, "Kích hoạt") : (ChangeKind.PlanClosed, "Kết thúc");
        db.Record(actor, atUtc, kind, plan.Id, $"{verb} kế hoạch {plan.Number} ({Years(plan)})",
            new { Status = before }, new { Status = to }, planId: plan.Id);
    }

    public static string Years(Plan plan) => plan.EndYear > plan.Year ? $"{plan.Year}–{plan.EndYear}" : $"{plan.Year}";
}
