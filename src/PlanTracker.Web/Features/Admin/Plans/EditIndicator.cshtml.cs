using PlanTracker.Core.History;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>One indicator: text, target, unit, level, target year, responsible unit and yearly steps.</summary>
public class EditIndicatorModel(PlanTrackerDbContext db, TimeProvider time) : VersionedEditorPageModel<Indicator, IndicatorInput>(time)
{
    public Indicator Indicator { get; private set; } = null!;
    public Objective Objective { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public int Values { get; private set; }
    public List<(int Id, string Name)> Units { get; private set; } = [];

    public async Task<IActionResult> OnPostAsync(int id, [FromForm(Name = "Input")] IndicatorInput input)
    {
        var indicator = await db.Indicators.Include(i => i.Steps).Include(i => i.Objective!).ThenInclude(o => o.Plan)
            .FirstOrDefaultAsync(i => i.Id == id);
        if (indicator is null) return NotFound();
        var (objective, plan) = (indicator.Objective!, indicator.Objective!.Plan!);
        var problems = new Problems();
        if (ClosedRefusal(plan.Status) is { } closed) problems.Add(closed);
        var valid = problems.Any ? null : await input.CheckAsync(db, plan, problems);
        if (valid is null || indicator.Version != input.Version) return await RefuseAsync(id, input, problems);

        var changes = new FieldChanges()
            .Add(nameof(Indicator.Text), "nội dung", indicator.Text, valid.Text)
            .Add(nameof(Indicator.Target), "chỉ tiêu", indicator.Target, valid.Target)
            .Add(nameof(Indicator.Unit), "đơn vị tính", indicator.Unit, valid.Unit)
            .Add(nameof(Indicator.Level), "cấp áp dụng", indicator.Level, valid.Level)
            .Add(nameof(Indicator.TargetYear), "năm đạt", indicator.TargetYear, valid.TargetYear)
            .Add(nameof(Indicator.ResponsibleUnitId), "đơn vị báo cáo số liệu", indicator.ResponsibleUnitId, valid.ResponsibleUnitId)
            .Add(nameof(Indicator.Steps), "lộ trình", StatementEdits.Steps(indicator.Steps), valid.StepsText);
        if (!changes.Any) return Done("Không có gì thay đổi.", null, new { id });

        (indicator.Text, indicator.Target, indicator.Unit, indicator.Level, indicator.TargetYear, indicator.ResponsibleUnitId) =
            (valid.Text, valid.Target, valid.Unit, valid.Level, valid.TargetYear, valid.ResponsibleUnitId);
        // Steps are kept by year, so that the unique (indicator, year) index never sees a year twice in one save.
        foreach (var step in indicator.Steps.Where(s => valid.Steps.All(v => v.Year != s.Year)).ToList()) indicator.Steps.Remove(step);
        foreach (var wanted in valid.Steps)
        {
            if (indicator.Steps.FirstOrDefault(s => s.Year == wanted.Year) is { } step) (step.Target, step.Text) = (wanted.Target, wanted.Text);
            else indicator.Steps.Add(new IndicatorStep { Year = wanted.Year, Target = wanted.Target, Text = wanted.Text });
        }
        db.Record(User.Actor(), NowUtc, indicator, Change.Updated, $"Sửa chỉ tiêu “{indicator.Text}” của mục {objective.Code}: {changes.Labels}",
            changes.Before, changes.After, plan.Id);
        return await SaveAsync(id, indicator, input, () => Done($"Đã lưu chỉ tiêu “{indicator.Text}”.", "EditObjective", new { id = objective.Id }));
    }

    protected override Indicator Saved => Indicator;

    protected override IEnumerable<ConflictRow> ConflictRows(Indicator saved, IndicatorInput typed)
    {
        string? UnitName(int? unitId) => Units.FirstOrDefault(u => u.Id == unitId).Name;
        return
        [
            new("Nội dung", saved.Text, typed.Text),
            new("Chỉ tiêu", StatementEdits.Number(saved.Target), typed.Target),
            new("Đơn vị tính", saved.Unit, typed.Unit),
            new("Cấp áp dụng", saved.Level, typed.Level),
            new("Năm đạt", saved.TargetYear?.ToString(System.Globalization.CultureInfo.InvariantCulture), typed.TargetYear),
            new("Đơn vị báo cáo số liệu", UnitName(saved.ResponsibleUnitId), UnitName(typed.ResponsibleUnitId)),
            new("Lộ trình", StatementEdits.Steps(saved.Steps),
                string.Join("; ", typed.Steps.Where(s => !s.IsBlank).Select(s => $"{s.Year}: {s.Target}{(string.IsNullOrWhiteSpace(s.Target) || string.IsNullOrWhiteSpace(s.Text) ? "" : " ")}{s.Text}"))),
        ];
    }

    /// <summary>Removes an indicator nobody has entered values for; values entered stay, and so does their indicator.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int id, int version)
    {
        var indicator = await db.Indicators.Include(i => i.Steps).Include(i => i.Objective!).ThenInclude(o => o.Plan)
            .FirstOrDefaultAsync(i => i.Id == id);
        if (indicator is null) return NotFound();
        var (objective, plan) = (indicator.Objective!, indicator.Objective!.Plan!);
        if (ClosedRefusal(plan.Status) is { } closed) return await FailAsync(id, RemoveForm, closed);
        var values = await db.IndicatorValues.CountAsync(v => v.IndicatorId == id);
        if (values > 0)
            return await FailAsync(id, RemoveForm,
                $"Không xoá được chỉ tiêu này: đã có {values} kỳ số liệu được nhập. Số liệu đã nhập được giữ lại; hãy sửa nội dung thay vì xoá.");

        db.Record(User.Actor(), NowUtc, indicator, Change.Removed, $"Xoá chỉ tiêu “{indicator.Text}” của mục {objective.Code}",
            before: IndicatorInput.Snapshot(indicator), planId: plan.Id);
        return await RemoveAsync(id, RemoveForm, indicator, version, "Chưa xoá: chỉ tiêu này vừa được người khác sửa. Hãy xem lại rồi xoá lần nữa.",
            () => Done($"Đã xoá chỉ tiêu “{indicator.Text}”.", "EditObjective", new { id = objective.Id }));
    }

    protected override async Task<bool> LoadAsync(int id)
    {
        var indicator = await db.Indicators.AsNoTracking().Include(i => i.Steps).Include(i => i.Objective!).ThenInclude(o => o.Plan)
            .FirstOrDefaultAsync(i => i.Id == id);
        if (indicator is null) return false;
        (Indicator, Objective, Plan) = (indicator, indicator.Objective!, indicator.Objective!.Plan!);
        Values = await db.IndicatorValues.CountAsync(v => v.IndicatorId == id);
        Units = await UnitChoices.AllAsync(db);
        Input = IndicatorInput.Of(indicator);
        return true;
    }
}
