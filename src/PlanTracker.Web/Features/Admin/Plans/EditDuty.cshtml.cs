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

/// <summary>One duty of section III: code, units as printed, text, product, recipient, deadline, periods and note.</summary>
public class EditDutyModel(PlanTrackerDbContext db, TimeProvider time) : ItemEditorPageModel(time)
{
    public const string EditForm = "Edit";
    public const string RemoveForm = "Remove";

    public PlanDuty Duty { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public DutyInput Input { get; private set; } = new();
    public Conflict? Conflict { get; private set; }

    public Task<IActionResult> OnGetAsync(int id) => PageAsync(id);

    public async Task<IActionResult> OnPostAsync(int id, [FromForm(Name = "Input")] DutyInput input)
    {
        var duty = await db.PlanDuties.Include(d => d.Plan).FirstOrDefaultAsync(d => d.Id == id);
        if (duty is null) return NotFound();
        var plan = duty.Plan!;
        var problems = new Problems();
        if (StatementEdits.ClosedRefusal(plan) is { } closed) problems.Add(closed);
        var valid = problems.Any ? null : await input.CheckAsync(db, plan.Id, id, problems);
        if (valid is null || duty.Version != input.Version) return await RefuseAsync(id, input, problems, duty);

        var parsed = DeadlineParser.Parse(valid.DeadlineText, plan.Year, plan.EndYear);
        var changes = new FieldChanges()
            .Add(nameof(PlanDuty.Code), "mã", duty.Code, valid.Code)
            .Add(nameof(PlanDuty.PrintedUnits), "đơn vị thực hiện", duty.PrintedUnits, valid.PrintedUnits)
            .Add(nameof(PlanDuty.Text), "nội dung", duty.Text, valid.Text)
            .Add(nameof(PlanDuty.Product), "sản phẩm", duty.Product, valid.Product)
            .Add(nameof(PlanDuty.Recipient), "nơi nhận", duty.Recipient, valid.Recipient)
            .Add(nameof(PlanDuty.DeadlineText), "thời hạn", duty.DeadlineText, parsed.Text)
            .Add(nameof(PlanDuty.DeadlineKind), "loại thời hạn", duty.DeadlineKind, parsed.Kind)
            .Add(nameof(PlanDuty.DeadlineDue), "hạn", duty.DeadlineDue, parsed.Due)
            .Add(nameof(PlanDuty.Periods), "kỳ báo cáo", duty.Periods, valid.Periods)
            .Add(nameof(PlanDuty.Note), "ghi chú", duty.Note, valid.Note);
        if (!changes.Any) return Done("Không có gì thay đổi.", null, new { id });

        var oldCode = duty.Code;
        (duty.Code, duty.PrintedUnits, duty.Text, duty.Product, duty.Recipient, duty.Periods, duty.Note) =
            (valid.Code, valid.PrintedUnits, valid.Text, valid.Product, valid.Recipient, valid.Periods, valid.Note);
        (duty.DeadlineText, duty.DeadlineKind, duty.DeadlineDue) = (parsed.Text, parsed.Kind, parsed.Due);
        db.Expect(duty, input.Version);
        db.Record(User.Actor(), NowUtc, duty, Change.Updated, $"Sửa nhiệm vụ tổ chức thực hiện {oldCode}: {changes.Labels}",
            changes.Before, changes.After, plan.Id);
        if (!await TrySaveAsync())
            return await RefuseAsync(id, input, new Problems(), await db.PlanDuties.AsNoTracking().FirstAsync(d => d.Id == id));
        return Done($"Đã lưu nhiệm vụ tổ chức thực hiện {duty.Code}: {Reading(duty)}.", null, new { id });
    }

    private async Task<IActionResult> RefuseAsync(int id, DutyInput input, Problems problems, PlanDuty saved)
    {
        if (!problems.Any && saved.Version != input.Version)
        {
            Conflict = Shared.Conflict.From(await LastChange.OfAsync<PlanDuty>(db, id),
                new("Mã", saved.Code, input.Code),
                new("Đơn vị thực hiện", saved.PrintedUnits, input.Units?.ReplaceLineEndings("; ")),
                new("Nội dung", saved.Text, input.Text),
                new("Sản phẩm", saved.Product, input.Product),
                new("Gửi đến", saved.Recipient, input.Recipient),
                new("Thời hạn", saved.DeadlineText, input.DeadlineText),
                new("Kỳ báo cáo", saved.Periods, string.Join(",", input.Periods)),
                new("Ghi chú", saved.Note, input.Note));
            input.Version = saved.Version;
        }
        problems.CopyTo(ModelState, EditForm);
        var page = await PageAsync(id);
        Input = input;
        return page;
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int version)
    {
        var duty = await db.PlanDuties.Include(d => d.Plan).FirstOrDefaultAsync(d => d.Id == id);
        if (duty is null) return NotFound();
        var plan = duty.Plan!;
        if (StatementEdits.ClosedRefusal(plan) is { } closed) return await FailAsync(id, RemoveForm, closed);
        var stale = $"Chưa xoá: nhiệm vụ {duty.Code} vừa được người khác sửa. Hãy xem lại rồi xoá lần nữa.";
        if (duty.Version != version) return await FailAsync(id, RemoveForm, stale);

        db.Record(User.Actor(), NowUtc, duty, Change.Removed, $"Xoá nhiệm vụ tổ chức thực hiện {duty.Code} của kế hoạch {plan.Number}",
            before: Snapshot(duty), planId: plan.Id);
        db.Expect(duty, version);
        db.PlanDuties.Remove(duty);
        if (!await TrySaveAsync()) return await FailAsync(id, RemoveForm, stale);
        return Done($"Đã xoá nhiệm vụ tổ chức thực hiện {duty.Code}.", "EditPlan", new { id = plan.Id });
    }

    /// <summary>How the deadline was read, in the words the deliverable editor uses.</summary>
    public static string Reading(PlanDuty d) => $"{Display.KindLabel(d.DeadlineKind)}, {Display.Meaning(d.DeadlineKind, null, d.DeadlineDue)}";

    public static object Snapshot(PlanDuty d) => new
    {
        d.Code, d.PrintedUnits, d.Text, d.Product, d.Recipient, d.DeadlineText, d.DeadlineKind, d.DeadlineDue, d.Periods, d.Note, d.SortOrder,
    };

    protected override async Task<bool> LoadAsync(int id)
    {
        var duty = await db.PlanDuties.AsNoTracking().Include(d => d.Plan).FirstOrDefaultAsync(d => d.Id == id);
        if (duty is null) return false;
        (Duty, Plan) = (duty, duty.Plan!);
        Input = DutyInput.Of(duty);
        return true;
    }
}
