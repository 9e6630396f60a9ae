using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Time;

namespace PlanTracker.Web.Features.Reports;

/// <summary>
/// Who has sent which periodic report: Sở Nội vụ and the leadership see every unit, a unit editor sees
/// its own unit. Each cell is on time, late, missing or not yet due, by <see cref="ReportStatus"/>.
/// </summary>
public class IndexModel(PlanTrackerDbContext db, ReportSchedule schedule, IClock clock) : PageModel
{
    public Plan? Plan { get; private set; }
    public List<Plan> Plans { get; private set; } = [];
    public IReadOnlyList<ReportingPeriod> Reports { get; private set; } = [];
    public List<(int UnitId, string UnitName, Dictionary<string, ReportObligation> Cells)> Rows { get; private set; } = [];
    public bool SeesAllUnits { get; private set; }

    [BindProperty(SupportsGet = true, Name = "plan")]
    public int? PlanId { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync([FromServices] Microsoft.AspNetCore.Authorization.IAuthorizationService authorization, CancellationToken ct)
    {
        Plans = await db.Plans.AsNoTracking().VisibleTo(User).NewestFirst().ToListAsync(ct);
        var current = PlanId ?? (await db.Plans.AsNoTracking().VisibleTo(User).CurrentAsync(clock.Today, ct))?.Id;
        Plan = Plans.FirstOrDefault(p => p.Id == current);
        if (Plan is null) return PlanId is null ? Page() : NotFound();

        SeesAllUnits = await authorization.AllowsAsync(User, Policies.AdminOrViewer);
        int? onlyUnit = SeesAllUnits ? null : User.UnitId() ?? -1;
        Reports = schedule.Of(Plan.Year);
        var obligations = await ReportObligations.LoadAsync(db, schedule, clock.Today, Plan.Id, onlyUnit, ct);
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        Rows = obligations.GroupBy(o => o.UnitId)
            .Select(g => (g.Key, names[g.Key], g.ToDictionary(o => o.Period.Key)))
            .OrderBy(r => r.Item2, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .ToList();
        return Page();
    }

    public int Count(string reportKey, ReportState state) => Rows.Count(r => r.Cells.TryGetValue(reportKey, out var cell) && cell.State == state);

    public bool CanRecord(int unitId) => User.ActsFor(unitId);
}
