using PlanTracker.Core.History;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>A new statement of the plan's part I: an objective, a viewpoint, a general goal or a solution.</summary>
public class AddObjectiveModel(PlanTrackerDbContext db, TimeProvider time) : AddStatementPageModel<ObjectiveInput>(time)
{
    protected override ObjectiveInput NewForm() => new() { Kind = nameof(ObjectiveKind.Objective) };

    protected override async Task<IActionResult?> AddAsync(Plan plan, ObjectiveInput input, Problems problems)
    {
        if (await input.CheckAsync(db, plan.Id, null, problems) is not { } valid) return null;
        var objective = new Objective { PlanId = plan.Id, Code = valid.Code, Kind = valid.Kind, Text = valid.Text };
        await ObjectiveInput.PlaceAsync(db, objective, valid.SortOrder);
        db.Objectives.Add(objective);
        db.Record(User.Actor(), NowUtc, objective, Change.Created,
            $"Thêm {StatementEdits.KindLabel(objective.Kind).ToLowerInvariant()} {objective.Code} vào kế hoạch {plan.Number}",
            after: new { objective.Code, objective.Kind, objective.Text, objective.SortOrder }, planId: plan.Id);
        await db.SaveChangesAsync();
        return Done($"Đã thêm {StatementEdits.KindLabel(objective.Kind).ToLowerInvariant()} {objective.Code}.", "EditObjective", new { id = objective.Id });
    }
}
