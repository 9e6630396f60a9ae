using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Data;
using PlanTracker.Core.History;
using PlanTracker.Core.Plans;
using PlanTracker.Web.Features.Shared;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>A new statement of the plan's part I: an objective, a viewpoint, a general goal or a solution.</summary>
public class AddObjectiveModel(PlanTrackerDbContext db, TimeProvider time) : ItemEditorPageModel(time)
{
    public const string AddForm = "Add";

    public Plan Plan { get; private set; } = null!;
    public ObjectiveInput Input { get; private set; } = new() { Kind = nameof(ObjectiveKind.Objective) };

    public Task<IActionResult> OnGetAsync(int id) => PageAsync(id);

    public async Task<IActionResult> OnPostAsync(int id, [FromForm(Name = "Input")] ObjectiveInput input)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == id);
        if (plan is null) return NotFound();
        var problems = new Problems();
        if (StatementEdits.ClosedRefusal(plan) is { } closed) problems.Add(closed);
        else if (await input.CheckAsync(db, id, null, problems) is { } valid)
        {
            var objectives = await db.Objectives.Where(o => o.PlanId == id).OrderBy(o => o.SortOrder).ThenBy(o => o.Id).ToListAsync();
            var objective = new Objective { PlanId = id, Code = valid.Code, Kind = valid.Kind, Text = valid.Text };
            objectives.Insert(Math.Min(valid.SortOrder ?? int.MaxValue, objectives.Count), objective);
            for (var i = 0; i < objectives.Count; i++) objectives[i].SortOrder = i;
            db.Objectives.Add(objective);
            db.Record(User.Actor(), NowUtc, objective, Change.Created,
                $"Thêm {StatementEdits.KindLabel(objective.Kind).ToLowerInvariant()} {objective.Code} vào kế hoạch {plan.Number}",
                after: new { objective.Code, objective.Kind, objective.Text, objective.SortOrder }, planId: id);
            await db.SaveChangesAsync();
            return Done($"Đã thêm {StatementEdits.KindLabel(objective.Kind).ToLowerInvariant()} {objective.Code}.", "EditObjective", new { id = objective.Id });
        }
        problems.CopyTo(ModelState, AddForm);
        var page = await PageAsync(id);
        Input = input;
        return page;
    }

    protected override async Task<bool> LoadAsync(int id)
    {
        Plan = (await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id))!;
        return Plan is not null;
    }
}
