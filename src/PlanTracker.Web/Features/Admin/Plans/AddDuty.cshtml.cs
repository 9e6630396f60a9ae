using PlanTracker.Core.Deadlines;
using PlanTracker.Core.History;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>A new duty of section III ("Tổ chức thực hiện"); its deadline is read for the plan's year.</summary>
public class AddDutyModel(PlanTrackerDbContext db, TimeProvider time) : AddStatementPageModel<DutyInput>(time)
{
    protected override async Task<IActionResult?> AddAsync(Plan plan, DutyInput input, Problems problems)
    {
        if (await input.CheckAsync(db, plan.Id, null, problems) is not { } valid) return null;
        var duty = new PlanDuty
        {
            PlanId = plan.Id, Code = valid.Code, PrintedUnits = valid.PrintedUnits, Text = valid.Text, Product = valid.Product,
            Recipient = valid.Recipient, Periods = valid.Periods, Note = valid.Note,
            SortOrder = await db.PlanDuties.Where(d => d.PlanId == plan.Id).Select(d => (int?)d.SortOrder).MaxAsync() + 1 ?? 0,
        };
        var parsed = DeadlineParser.Parse(valid.DeadlineText, plan.Year, plan.EndYear);
        (duty.DeadlineText, duty.DeadlineKind, duty.DeadlineDue) = (parsed.Text, parsed.Kind, parsed.Due);
        db.PlanDuties.Add(duty);
        db.Record(User.Actor(), NowUtc, duty, Change.Created, $"Thêm nhiệm vụ tổ chức thực hiện {duty.Code} vào kế hoạch {plan.Number}",
            after: EditDutyModel.Snapshot(duty), planId: plan.Id);
        await db.SaveChangesAsync();
        return Done($"Đã thêm nhiệm vụ tổ chức thực hiện {duty.Code}: {EditDutyModel.Reading(duty)}.", "EditPlan", new { id = plan.Id });
    }
}
