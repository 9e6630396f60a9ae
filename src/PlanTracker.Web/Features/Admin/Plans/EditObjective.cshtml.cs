using PlanTracker.Core.History;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>One statement of part I: code, kind, text and place; its indicators, added here and edited on their own page.</summary>
public class EditObjectiveModel(PlanTrackerDbContext db, TimeProvider time) : VersionedEditorPageModel<Objective, ObjectiveInput>(time)
{
    public const string AddIndicatorForm = "AddIndicator";

    public record IndicatorRow(Indicator Indicator, int Values);

    public Objective Objective { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public List<IndicatorRow> Indicators { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public IndicatorInput NewIndicator { get; private set; } = new();

    public async Task<IActionResult> OnPostAsync(int id, [FromForm(Name = "Input")] ObjectiveInput input)
    {
        var objective = await db.Objectives.Include(o => o.Plan).FirstOrDefaultAsync(o => o.Id == id);
        if (objective is null) return NotFound();
        var plan = objective.Plan!;
        var problems = new Problems();
        if (ClosedRefusal(plan.Status) is { } closed) problems.Add(closed);
        var valid = problems.Any ? null : await input.CheckAsync(db, plan.Id, id, problems);
        if (valid is null || objective.Version != input.Version) return await RefuseAsync(id, input, problems);

        var changes = new FieldChanges()
            .Add(nameof(Objective.Code), "mã", objective.Code, valid.Code)
            .Add(nameof(Objective.Kind), "loại", objective.Kind, valid.Kind)
            .Add(nameof(Objective.Text), "nội dung", objective.Text, valid.Text)
            .Add(nameof(Objective.SortOrder), "thứ tự", objective.SortOrder, valid.SortOrder ?? objective.SortOrder);
        if (!changes.Any) return Done("Không có gì thay đổi.", null, new { id });

        var oldCode = objective.Code;
        (objective.Code, objective.Kind, objective.Text) = (valid.Code, valid.Kind, valid.Text);
        if (valid.SortOrder is { } order && order != objective.SortOrder) await ObjectiveInput.PlaceAsync(db, objective, order);
        db.Record(User.Actor(), NowUtc, objective, Change.Updated, $"Sửa mục {oldCode} của kế hoạch {plan.Number}: {changes.Labels}",
            changes.Before, changes.After, plan.Id);
        return await SaveAsync(id, objective, input,
            () => Done($"Đã lưu {StatementEdits.KindLabel(objective.Kind).ToLowerInvariant()} {objective.Code}.", null, new { id }));
    }

    protected override Objective Saved => Objective;

    protected override IEnumerable<ConflictRow> ConflictRows(Objective saved, ObjectiveInput typed) =>
    [
        new("Mã", saved.Code, typed.Code),
        new("Loại", StatementEdits.KindLabel(saved.Kind), Enum.TryParse<ObjectiveKind>(typed.Kind, out var k) ? StatementEdits.KindLabel(k) : typed.Kind),
        new("Nội dung", saved.Text, typed.Text),
        new("Thứ tự", (saved.SortOrder + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), typed.Order),
    ];

    /// <summary>Removes the objective with its indicators, unless one of them has values entered: those stay on record.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int id, int version)
    {
        var objective = await db.Objectives.Include(o => o.Plan).Include(o => o.Indicators).ThenInclude(i => i.Steps)
            .FirstOrDefaultAsync(o => o.Id == id);
        if (objective is null) return NotFound();
        var plan = objective.Plan!;
        var label = StatementEdits.KindLabel(objective.Kind).ToLowerInvariant();
        if (ClosedRefusal(plan.Status) is { } closed) return await FailAsync(id, RemoveForm, closed);
        var withValues = await db.Indicators.Where(i => i.ObjectiveId == id && i.Values.Any()).Select(i => i.Text).ToListAsync();
        if (withValues.Count > 0)
            return await FailAsync(id, RemoveForm,
                $"Không xoá được {label} {objective.Code}: chỉ tiêu “{withValues[0]}”{(withValues.Count > 1 ? $" và {withValues.Count - 1} chỉ tiêu khác" : "")} đã có số liệu. Số liệu đã nhập được giữ lại; hãy sửa nội dung thay vì xoá.");

        foreach (var indicator in objective.Indicators)
            db.Record(User.Actor(), NowUtc, indicator, Change.Removed, $"Xoá chỉ tiêu “{indicator.Text}” cùng {label} {objective.Code}",
                before: IndicatorInput.Snapshot(indicator), planId: plan.Id);
        db.Record(User.Actor(), NowUtc, objective, Change.Removed, $"Xoá {label} {objective.Code} của kế hoạch {plan.Number}",
            before: new { objective.Code, objective.Kind, objective.Text, objective.SortOrder, Indicators = objective.Indicators.Count }, planId: plan.Id);
        return await RemoveAsync(id, RemoveForm, objective, version,
            $"Chưa xoá: {label} {objective.Code} vừa được người khác sửa. Hãy xem lại rồi xoá lần nữa.",
            () => Done($"Đã xoá {label} {objective.Code}.", "EditPlan", new { id = plan.Id }));
    }

    public async Task<IActionResult> OnPostAddIndicatorAsync(int id, [FromForm(Name = "NewIndicator")] IndicatorInput newIndicator)
    {
        var objective = await db.Objectives.Include(o => o.Plan).Include(o => o.Indicators).FirstOrDefaultAsync(o => o.Id == id);
        if (objective is null) return NotFound();
        var plan = objective.Plan!;
        var problems = new Problems();
        if (ClosedRefusal(plan.Status) is { } closed) problems.Add(closed);
        else if (await newIndicator.CheckAsync(db, plan, problems) is { } valid)
        {
            var indicator = new Indicator
            {
                ObjectiveId = id, Text = valid.Text, Target = valid.Target, Unit = valid.Unit, Level = valid.Level,
                TargetYear = valid.TargetYear, ResponsibleUnitId = valid.ResponsibleUnitId,
                SortOrder = objective.Indicators.Select(i => i.SortOrder).DefaultIfEmpty(-1).Max() + 1,
                Steps = [.. valid.Steps.Select(s => new IndicatorStep { Year = s.Year, Target = s.Target, Text = s.Text })],
            };
            db.Indicators.Add(indicator);
            db.Record(User.Actor(), NowUtc, indicator, Change.Created, $"Thêm chỉ tiêu “{indicator.Text}” cho mục {objective.Code}",
                after: IndicatorInput.Snapshot(indicator), planId: plan.Id);
            await db.SaveChangesAsync();
            return Done($"Đã thêm chỉ tiêu “{indicator.Text}”.", null, new { id });
        }
        return await ShowAgainAsync(id, AddIndicatorForm, problems, () => NewIndicator = newIndicator);
    }

    protected override async Task<bool> LoadAsync(int id)
    {
        var objective = await db.Objectives.AsNoTracking().Include(o => o.Plan).FirstOrDefaultAsync(o => o.Id == id);
        if (objective is null) return false;
        (Objective, Plan) = (objective, objective.Plan!);
        Indicators = await db.Indicators.AsNoTracking().Where(i => i.ObjectiveId == id)
            .Include(i => i.Steps).Include(i => i.ResponsibleUnit)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
            .Select(i => new IndicatorRow(i, i.Values.Count)).ToListAsync();
        Units = await UnitChoices.AllAsync(db);
        Input = ObjectiveInput.Of(objective);
        return true;
    }
}
