using Microsoft.AspNetCore.Authorization;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.States;
using PlanTracker.Core.Time;
using PlanTracker.Web.Features.Reports;
using PlanTracker.Web.Features.Tasks;

namespace PlanTracker.Web.Features.Scorecard;

/// <summary>
/// One unit's scorecard: its items by state, its on-time rate, its periodic-report submissions and its late items,
/// so a unit head sees what Sở Nội vụ sees about the unit. A unit editor sees only the own unit.
/// </summary>
public class IndexModel(PlanTrackerDbContext db, MonitoringReports reports, IClock clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Plan { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }

    public DateOnly AsOfDate => AsOf ?? clock.Today;
    public bool CanPickUnit { get; private set; }
    public Plan? PlanShown { get; private set; }
    public string? UnitName { get; private set; }
    public StateCounts Counts { get; private set; } = new();
    /// <summary>The state cards, as on the dashboard: "Chờ xác nhận" only where the plan verifies or claims wait.</summary>
    public DeliverableState[] Columns { get; private set; } = StateCounts.Order;
    public List<WorkItem> LateItems { get; private set; } = [];
    /// <summary>Q1, H1, Q3 and Y, each with the unit's obligation, or none when the unit does not owe that report.</summary>
    public List<(ReportingPeriod Period, ReportObligation? Obligation)> Reports { get; private set; } = [];
    public ReportingPeriod? IndicatorPeriod { get; private set; }
    public List<IndicatorRow> Indicators { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public List<Shared.PlanChoice> Plans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        CanPickUnit = await authorization.AllowsAsync(User, Policies.AdminOrViewer);
        if (!CanPickUnit)
        {
            if (User.UnitId() is not { } own) return Page();
            Unit ??= own;
        }
        if (Unit is { } asked && !await authorization.AllowsAsync(User, new UnitRef(asked), Operations.SeeScorecard)) return Forbid();
        PlanShown = await reports.PlanAsync(Plan, User);
        Plans = await Shared.PlanPicker.ChoicesAsync(db, User);
        if (CanPickUnit)
            Units = await Shared.UnitChoices.AllAsync(db);
        if (PlanShown is null || Unit is not { } unitId) return Page();
        UnitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync();
        if (UnitName is null) return NotFound();

        var items = await WorkItems.LoadAsync(db, AsOfDate, PlanShown.Id, unitId);
        Counts = StateCounts.Of(items.Select(i => i.State));
        Columns = StateCounts.Columns(PlanShown.VerifiesCompletions, Counts);
        LateItems = items.Where(i => i.State is DeliverableState.Overdue or DeliverableState.DoneLate)
            .OrderBy(i => i.State).ThenBy(i => i.Due).ThenBy(i => i.TaskCode, TaskCodeOrder.Instance).ToList();

        // The whole page speaks of one day: a report sent after it had not been sent on it.
        var obligations = (await ReportObligations.LoadAsync(db, reports.Schedule, AsOfDate, PlanShown.Id, unitId))
            .Select(o => o.Submission?.SubmittedOn > AsOfDate ? o with { Submission = null } : o).ToList();
        Reports = reports.Schedule.PeriodicOf(PlanShown.Year)
            .Select(p => (p, obligations.FirstOrDefault(o => o.Period.Key == p.Key))).ToList();
        IndicatorPeriod = reports.Schedule.PeriodicOf(PlanShown.Year).LastOrDefault(p => p.CutOff <= AsOfDate);
        var responsible = await db.Indicators.Where(i => i.ResponsibleUnitId == unitId).Select(i => i.Id).ToListAsync();
        Indicators = (await PeriodicReport.IndicatorRowsAsync(db, PlanShown.Id, reports.Schedule.Latest(PlanShown.Year, AsOfDate)))
            .Where(r => responsible.Contains(r.IndicatorId)).ToList();
        return Page();
    }

    public string Link(string state) => new TaskFilter
    {
        Plan = PlanShown?.Id, Unit = Unit, Role = AssignmentRole.Lead, State = state, AsOf = AsOfDate,
    }.Link("/tasks");

    /// <summary>How the unit's report for a period stands on the as-of day: sent on time or late, missing, or not due yet.</summary>
    public static string ReportStatus(ReportObligation? obligation) => obligation?.State.ShortLabel() ?? "Không thuộc diện báo cáo";
}
