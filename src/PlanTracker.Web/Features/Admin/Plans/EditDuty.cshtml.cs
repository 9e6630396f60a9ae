using PlanTracker.Core.Deadlines;
using PlanTracker.Core.History;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>One duty of section III: code, units as printed, text, product, recipient, deadline, periods and note.</summary>
public class EditDutyModel(PlanTrackerDbContext db, TimeProvider time) : VersionedEditorPageModel<PlanDuty, DutyInput>(time)
{
    public PlanDuty Duty { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;

    public async Task<IActionResult> OnPostAsync(int id, [FromForm(Name = "Input")] DutyInput input)
    {
        var duty = await db.PlanDuties.Include(d => d.Plan).FirstOrDefaultAsync(d => d.Id == id);
        if (duty is null) return NotFound();
        var plan = duty.Plan!;
        var problems = new Problems();
        if (ClosedRefusal(plan.Status) is { } closed) problems.Add(closed);
        var valid = problems.Any ? null : await input.CheckAsync(db, plan.Id, id, problems);
        if (valid is null || duty.Version != input.Version) return await RefuseAsync(id, input, problems);

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
        db.Record(User.Actor(), NowUtc, duty, Change.Updated, $"Sửa nhiệm vụ tổ chức thực hiện {oldCode}: {changes.Labels}",
            changes.Before, changes.After, plan.Id);
        return await SaveAsync(id, duty, input, () => Done($"Đã lưu nhiệm vụ tổ chức thực hiện {duty.Code}: {Reading(duty)}.", null, new { id }));
    }

    protected override PlanDuty Saved => Duty;

    protected override IEnumerable<ConflictRow> ConflictRows(PlanDuty saved, DutyInput typed) =>
    [
        new("Mã", saved.Code, typed.Code),
        new("Đơn vị thực hiện", saved.PrintedUnits, typed.Units?.ReplaceLineEndings("; ")),
        new("Nội dung", saved.Text, typed.Text),
        new("Sản phẩm", saved.Product, typed.Product),
        new("Gửi đến", saved.Recipient, typed.Recipient),
        new("Thời hạn", saved.DeadlineText, typed.DeadlineText),
        new("Kỳ báo cáo", saved.Periods, string.Join(",", typed.Periods)),
        new("Ghi chú", saved.Note, typed.Note),
    ];

    public async Task<IActionResult> OnPostRemoveAsync(int id, int version)
    {
        var duty = await db.PlanDuties.Include(d => d.Plan).FirstOrDefaultAsync(d => d.Id == id);
        if (duty is null) return NotFound();
        var plan = duty.Plan!;
        if (ClosedRefusal(plan.Status) is { } closed) return await FailAsync(id, RemoveForm, closed);

        db.Record(User.Actor(), NowUtc, duty, Change.Removed, $"Xoá nhiệm vụ tổ chức thực hiện {duty.Code} của kế hoạch {plan.Number}",
            before: Snapshot(duty), planId: plan.Id);
        return await RemoveAsync(id, RemoveForm, duty, version, $"Chưa xoá: nhiệm vụ {duty.Code} vừa được người khác sửa. Hãy xem lại rồi xoá lần nữa.",
            () => Done($"Đã xoá nhiệm vụ tổ chức thực hiện {duty.Code}.", "EditPlan", new { id = plan.Id }));
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
