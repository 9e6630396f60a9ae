using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Data;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.History;
using PlanTracker.Core.Plans;
using PlanTracker.Web.Features.Shared;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>A new duty of section III ("Tổ chức thực hiện"); its deadline is read for the plan's year.</summary>
public class AddDutyModel(PlanTrackerDbContext db, TimeProvider time) : ItemEditorPageModel(time)
{
    public const string AddForm = "Add";

    public Plan Plan { get; private set; } = null!;
    public DutyInput Input { get; private set; } = new();

    public Task<IActionResult> OnGetAsync(int id) => PageAsync(id);

    public async Task<IActionResult> OnPostAsync(int id, [FromForm(Name = "Input")] DutyInput input)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == id);
        if (plan is null) return NotFound();
        var problems = new Problems();
        if (StatementEdits.ClosedRefusal(plan) is { } closed) problems.Add(closed);
        else if (await input.CheckAsync(db, id, null, problems) is { } valid)
        {
            var duty = new PlanDuty
            {
                PlanId = id, Code = valid.Code, PrintedUnits = valid.PrintedUnits, Text = valid.Text, Product = valid.Product,
                Recipient = valid.Recipient, Periods = valid.Periods, Note = valid.Note,
                SortOrder = await db.PlanDuties.Where(d => d.PlanId == id).Select(d => (int?)d.SortOrder).MaxAsync() + 1 ?? 0,
            };
            var parsed = DeadlineParser.Parse(valid.DeadlineText, plan.Year, plan.EndYear);
            (duty.DeadlineText, duty.DeadlineKind, duty.DeadlineDue) = (parsed.Text, parsed.Kind, parsed.Due);
            db.PlanDuties.Add(duty);
            db.Record(User.Actor(), NowUtc, duty, Change.Created, $"Thêm nhiệm vụ tổ chức thực hiện {duty.Code} vào kế hoạch {plan.Number}",
                after: EditDutyModel.Snapshot(duty), planId: id);
            await db.SaveChangesAsync();
            return Done($"Đã thêm nhiệm vụ tổ chức thực hiện {duty.Code}: {EditDutyModel.Reading(duty)}.", "EditPlan", new { id });
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
