using PlanTracker.Core.Deadlines;
using PlanTracker.Core.History;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>One deliverable: product, note and deadline; the server reads the deadline again on save.</summary>
public class EditDeliverableModel(PlanTrackerDbContext db, TimeProvider time) : VersionedEditorPageModel<Deliverable, DeliverableInput>(time)
{
    public Deliverable Deliverable { get; private set; } = null!;
    public PlanTask Task { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;

    public async Task<IActionResult> OnPostAsync(int id, [FromForm(Name = "Input")] DeliverableInput input)
    {
        var deliverable = await db.Deliverables.Include(d => d.Task!).ThenInclude(t => t.Section!).ThenInclude(s => s.Plan)
            .FirstOrDefaultAsync(d => d.Id == id);
        if (deliverable is null) return NotFound();
        var task = deliverable.Task!;
        var problems = new Problems();
        if (input.Check(problems) is not { } valid || deliverable.Version != input.Version)
            return await RefuseAsync(id, input, problems);

        var parsed = DeadlineParser.Parse(valid.DeadlineText, task.Section!.Plan!.Year, task.Section.Plan.EndYear);
        var changes = new FieldChanges()
            .Add(nameof(Deliverable.Product), "sản phẩm", deliverable.Product, valid.Product)
            .Add(nameof(Deliverable.Note), "ghi chú", deliverable.Note, valid.Note);
        DeliverableInput.DeadlineChanges(deliverable, parsed, changes);
        if (!changes.Any) return Done("Không có gì thay đổi.", "EditTask", new { id = task.Id });

        (deliverable.Product, deliverable.Note) = (valid.Product, valid.Note);
        deliverable.ApplyDeadline(parsed);
        db.Record(User.Actor(), NowUtc, deliverable, Change.Updated,
            $"Sửa sản phẩm “{deliverable.Product ?? deliverable.Note}” của nhiệm vụ {task.Code}: {changes.Labels}",
            changes.Before, changes.After, task.Section.PlanId);
        return await SaveAsync(id, deliverable, input, () => Done(
            $"Đã lưu sản phẩm của nhiệm vụ {task.Code}: {Display.KindLabel(deliverable.DeadlineKind)}, {Display.Meaning(deliverable)}.", "EditTask", new { id = task.Id }));
    }

    protected override Deliverable Saved => Deliverable;

    protected override IEnumerable<ConflictRow> ConflictRows(Deliverable saved, DeliverableInput typed) =>
    [
        new("Sản phẩm", saved.Product, typed.Product),
        new("Thời gian hoàn thành", saved.DeadlineText, typed.DeadlineText),
        new("Cách hiểu", $"{Display.KindLabel(saved.DeadlineKind)}: {Display.Meaning(saved)}", null),
        new("Ghi chú", saved.Note, typed.Note),
        new("Đang dùng", EditorText.YesNo(!saved.IsRetired), EditorText.YesNo(!saved.IsRetired)),
    ];

    protected override async Task<bool> LoadAsync(int id)
    {
        var deliverable = await db.Deliverables.AsNoTracking()
            .Include(d => d.Task!).ThenInclude(t => t.Section!).ThenInclude(s => s.Plan)
            .FirstOrDefaultAsync(d => d.Id == id);
        if (deliverable is null) return false;
        (Deliverable, Task, Plan) = (deliverable, deliverable.Task!, deliverable.Task!.Section!.Plan!);
        Input = DeliverableInput.Of(Deliverable);
        return true;
    }

    protected override Task<int?> PlanOfItemAsync(int id) =>
        db.Deliverables.Where(d => d.Id == id).Select(d => (int?)d.Task!.Section!.PlanId).FirstOrDefaultAsync();
}
