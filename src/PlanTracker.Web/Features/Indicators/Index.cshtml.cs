using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using PlanTracker.Core.History;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Time;
using PlanTracker.Web.Features.Reports;

namespace PlanTracker.Web.Features.Indicators;

/// <summary>
/// The plan's numeric targets and their actual values per reporting period. Sở Nội vụ assigns each indicator a
/// responsible unit; an admin or an editor of that unit enters the value with its source. Everyone else reads.
/// </summary>
public class IndexModel(PlanTrackerDbContext db, MonitoringReports reports, IClock clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "plan")] public int? PlanId { get; set; }
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodKey { get; set; }

    [BindProperty] public int IndicatorId { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? SourceNote { get; set; }
    [BindProperty] public int? ResponsibleUnitId { get; set; }

    public Plan? Plan { get; private set; }
    public ReportingPeriod Period { get; private set; } = null!;
    public List<Indicator> Indicators { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public bool IsAdmin { get; private set; }
    public List<Shared.PlanChoice> Plans { get; private set; } = [];
    private HashSet<int> enterable = [];

    public bool CanEnter(Indicator indicator) => enterable.Contains(indicator.Id);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var indicator = Indicators.FirstOrDefault(i => i.Id == IndicatorId);
        if (indicator is null) return NotFound();
        if (!PlanLifecycle.IsOpen(Plan!.Status)) return PlanLifecycle.Closed(HttpContext);
        if (!await authorization.AllowsAsync(User, indicator, Operations.EnterIndicatorValue)) return Forbid();
        if (!TryParseValue(Value, out var value))
            ModelState.AddModelError(nameof(Value), $"Số liệu của chỉ tiêu \"{indicator.Text}\" phải là một số từ 0 đến 1.000.000.000 (vd: 35 hoặc 35,5).");
        var note = Core.Text.VietnameseText.Clean(SourceNote);
        if (note.Length == 0) ModelState.AddModelError(nameof(SourceNote), "Ghi nguồn số liệu (vd: Báo cáo số 45/BC-STTTT ngày 10/3/2019).");
        if (note.Length > 1000) ModelState.AddModelError(nameof(SourceNote), "Nguồn số liệu dài quá 1000 ký tự.");
        if (!ModelState.IsValid) return Page();

        var existing = await db.IndicatorValues.FirstOrDefaultAsync(v => v.IndicatorId == indicator.Id && v.Period == Period.Key);
        var before = existing is null ? null : new { existing.Value, existing.SourceNote, existing.EnteredByName };
        var entry = existing ?? db.IndicatorValues.Add(new IndicatorValue { IndicatorId = indicator.Id, Period = Period.Key }).Entity;
        entry.Value = value;
        entry.SourceNote = note;
        entry.EnteredByUserId = User.UserId();
        entry.EnteredByName = User.DisplayName();
        entry.EnteredAtUtc = clock.Now.UtcDateTime;
        db.Record(User.Actor(), entry.EnteredAtUtc, existing is null ? ChangeKind.IndicatorValueEntered : ChangeKind.IndicatorValueCorrected, indicator.Id,
            $"Chỉ tiêu \"{indicator.Text}\", kỳ {Period.Label}: {ExportTextNumber(value)}{indicator.Unit} (nguồn: {note})",
            before, new { entry.Value, entry.SourceNote, Period = Period.Key }, planId: Plan!.Id);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Đã lưu số liệu kỳ {Period.Label} cho chỉ tiêu \"{indicator.Text}\".";
        return Redirect($"/indicators?plan={Plan.Id}&period={Period.Key}#indicator-{indicator.Id}");
    }

    public async Task<IActionResult> OnPostAssignAsync()
    {
        if (!await authorization.AllowsAsync(User, Policies.Admin)) return Forbid();
        if (!await LoadAsync()) return NotFound();
        if (!PlanLifecycle.IsOpen(Plan!.Status)) return PlanLifecycle.Closed(HttpContext);
        var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Id == IndicatorId && i.Objective!.PlanId == Plan!.Id);
        if (indicator is null) return NotFound();
        if (ResponsibleUnitId is { } unitId && !Units.Any(u => u.Id == unitId))
        {
            ModelState.AddModelError(nameof(ResponsibleUnitId), "Đơn vị không có trong danh bạ.");
            return Page();
        }
        var before = indicator.ResponsibleUnitId;
        indicator.ResponsibleUnitId = ResponsibleUnitId;
        var name = Units.FirstOrDefault(u => u.Id == ResponsibleUnitId).Name ?? "(không có)";
        db.Record(User.Actor(), clock.Now.UtcDateTime, ChangeKind.ResponsibleUnitAssigned, indicator.Id,
            $"Chỉ tiêu \"{indicator.Text}\": đơn vị báo cáo số liệu là {name}", new { ResponsibleUnitId = before }, new { ResponsibleUnitId }, planId: Plan!.Id);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Đã giao chỉ tiêu \"{indicator.Text}\" cho {name}.";
        return Redirect($"/indicators?plan={Plan.Id}&period={Period.Key}#indicator-{indicator.Id}");
    }

    private async Task<bool> LoadAsync()
    {
        IsAdmin = await authorization.AllowsAsync(User, Policies.Admin);
        Plan = await reports.PlanAsync(PlanId, User);
        if (Plan is null) return PlanId is null;
        Plans = await Shared.PlanPicker.ChoicesAsync(db, User);
        Period = reports.PeriodOf(Plan, PeriodKey);
        if (Period.Year != Plan.Year) Period = reports.Schedule.Latest(Plan.Year, clock.Today);
        Indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.Objective!.PlanId == Plan.Id)
            .Include(i => i.Objective).Include(i => i.ResponsibleUnit).Include(i => i.Values)
            .OrderBy(i => i.Objective!.SortOrder).ThenBy(i => i.SortOrder)
            .ToListAsync();
        foreach (var indicator in Indicators)
            if (await authorization.AllowsAsync(User, indicator, Operations.EnterIndicatorValue)) enterable.Add(indicator.Id);
        Units = await Shared.UnitChoices.AllAsync(db);
        return true;
    }

    public static bool TryParseValue(string? text, out decimal value)
    {
        value = 0;
        var clean = text?.Trim().Replace(" ", "").TrimEnd('%');
        if (string.IsNullOrEmpty(clean)) return false;
        // "35,5" and "35.5" both mean thirty-five and a half; thousands separators are not expected in percentages.
        return decimal.TryParse(clean.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && value is >= 0 and <= 1_000_000_000;
    }

    private static string ExportTextNumber(decimal value) => Reports.Export.ExportText.Number(value);
}
