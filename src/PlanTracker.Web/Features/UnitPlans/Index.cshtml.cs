using Microsoft.AspNetCore.Authorization;

namespace PlanTracker.Web.Features.UnitPlans;

/// <summary>
/// "Kế hoạch CCHC của đơn vị": a unit's own plans, one per active city plan, and the button that starts one.
/// A unit editor acts for its unit; an admin picks the unit.
/// </summary>
[Authorize(Policy = Policies.AdminOrUnitEditor)]
public class IndexModel(PlanTrackerDbContext db, IAuthorizationService authorization, TimeProvider time) : EditorPageModel(time)
{
    public const string StartForm = "Start";

    public sealed record Row(Plan City, Plan? Own);

    [BindProperty(SupportsGet = true, Name = "unit")] public int? UnitId { get; set; }

    public Core.Units.Unit? Unit { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        UnitId ??= User.UnitId();
        if (UnitId is { } unit && !await authorization.AllowsAsync(User, new UnitRef(unit), Operations.StartUnitPlan)) return Forbid();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(int cityPlanId)
    {
        if (UnitId is not { } unitId || !await authorization.AllowsAsync(User, new UnitRef(unitId), Operations.StartUnitPlan)) return Forbid();
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == unitId);
        var city = await db.Plans.Live().FirstOrDefaultAsync(p => p.Id == cityPlanId && p.Kind == PlanKind.CityAnnual && p.Status == PlanStatus.Active);
        if (unit is null || city is null)
        {
            Fail(StartForm, "Chọn một kế hoạch CCHC năm của thành phố đang thực hiện.");
            await LoadAsync();
            return Page();
        }
        if (await UnitPlanStarter.ExistingAsync(db, city.Id, unit.Id) is { } existing)
            return Done($"{unit.Name} đã có kế hoạch cho {city.Number}; mở kế hoạch đó.", "/UnitPlans/Edit", new { id = existing.Id });

        var plan = await UnitPlanStarter.StartAsync(db, User.Actor(), NowUtc, city, unit);
        var count = await db.Tasks.CountAsync(t => t.Section!.PlanId == plan.Id);
        return Done($"Đã lập dự thảo kế hoạch với {count} nhiệm vụ {unit.Name} chủ trì hoặc phối hợp trong {city.Number}. "
            + "Hãy ghi số kế hoạch, bổ sung nhiệm vụ của đơn vị rồi gửi Sở Nội vụ.", "/UnitPlans/Edit", new { id = plan.Id });
    }

    private async Task LoadAsync()
    {
        if (User.IsInRole(Core.Accounts.Roles.Admin))
            Units = (await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync())
                .Select(u => (u.Id, u.Name)).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
        if (UnitId is not { } unitId) return;
        Unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId);
        var cities = await db.Plans.AsNoTracking().Where(p => p.Kind == PlanKind.CityAnnual && p.Status == PlanStatus.Active).NewestFirst().ToListAsync();
        var own = await db.Plans.AsNoTracking().Where(p => p.Kind == PlanKind.UnitAnnual && p.UnitId == unitId).ToListAsync();
        Rows = cities.Select(c => new Row(c, own.FirstOrDefault(p => p.ParentPlanId == c.Id))).ToList();
    }

    public static string StatusLabel(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "Dự thảo (chưa gửi)",
        PlanStatus.Active => "Đã gửi Sở Nội vụ",
        _ => "Đã kết thúc",
    };
}
