using Microsoft.AspNetCore.Authorization;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.States;
using PlanTracker.Core.Time;
using PlanTracker.Web.Features.Reports;
using PlanTracker.Web.Features.Tasks;

namespace PlanTracker.Web.Features.Dashboard;

/// <summary>
/// "Tổng hợp": where a plan stands on a day, in numbers and charts, by section and by lead unit, each figure a link
/// to the items behind it. Sở Nội vụ and the leadership see it; a unit editor is sent to the unit's own scorecard.
/// </summary>
public class IndexModel(PlanTrackerDbContext db, MonitoringReports reports, OverviewCache overviews, IClock clock,
    IAuthorizationService authorization) : PageModel
{
    /// <summary>
    /// The states with a column of their own, in page order; "Chờ xác nhận" only for a plan that verifies completions
    /// or still holds claims (its setting may have been turned off since).
    /// </summary>
    public DeliverableState[] Columns { get; private set; } = StateCounts.Order;
    /// <summary>The states the section and unit charts draw: the ones that were due or are on their way.</summary>
    private static readonly DeliverableState[] ChartStates =
        [DeliverableState.DoneOnTime, DeliverableState.DoneLate, DeliverableState.InProgress, DeliverableState.Overdue];
    public const int UnitChartSize = 20;

    [BindProperty(SupportsGet = true)] public int? Plan { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }
    /// <summary>Unit table order: "name", "total", "rate" or a state name; "-" in front for descending.</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public DateOnly AsOfDate => AsOf ?? clock.Today;
    public PlanOverview? Overview { get; private set; }
    public List<UnitCounts> Units { get; private set; } = [];
    public List<IndicatorRow> Indicators { get; private set; } = [];
    public ReportingPeriod? IndicatorPeriod { get; private set; }
    public List<PlanChoice> Plans { get; private set; } = [];
    public ChartSpec? SectionChart { get; private set; }
    public ChartSpec? UnitChart { get; private set; }
    public ChartSpec? QuarterChart { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await authorization.AllowsAsync(User, Policies.AdminOrViewer)) return Redirect("/scorecard");
        var plan = await reports.PlanAsync(Plan, User);
        if (plan is null) return Plan is null ? Page() : NotFound();
        Plans = await PlanPicker.ChoicesAsync(db, User);

        Overview = await overviews.GetAsync(plan, AsOfDate);
        Columns = StateCounts.Columns(plan.VerifiesCompletions, Overview.Totals);
        Units = Sorted(Overview.Units, Sort);
        IndicatorPeriod = reports.Schedule.PeriodicOf(plan.Year).LastOrDefault(p => p.CutOff <= AsOfDate);
        Indicators = await PeriodicReport.IndicatorRowsAsync(db, plan.Id, reports.Schedule.Latest(plan.Year, AsOfDate));
        BuildCharts(Overview);
        return Page();
    }

    private void BuildCharts(PlanOverview o)
    {
        SectionChart = ChartSpec.ByState(o.Sections, s => $"{s.Number}. {s.Title}", s => s.Counts,
            (s, state) => Link(state.ToString(), section: s.Number), ChartStates, stacked: false);
        var busiest = o.Units.OrderByDescending(u => u.Counts.Overdue).ThenByDescending(u => u.Counts.DoneLate)
            .ThenByDescending(u => u.Counts.Total).Take(UnitChartSize).ToList();
        UnitChart = ChartSpec.ByState(busiest, u => u.Name.Length > 38 ? u.Name[..37] + "…" : u.Name, u => u.Counts,
            (u, state) => Link(state.ToString(), unit: u.UnitId), Columns, stacked: true, horizontal: true);
        QuarterChart = ChartSpec.ByState(o.Quarters, q => q.Label, q => q.Counts,
            (q, state) => Link(state.ToString(), asOf: q.Day), Columns, stacked: true);
    }

    /// <summary>The filtered task list behind a figure: the same items, the same day.</summary>
    public string Link(string state, int? section = null, int? unit = null, DateOnly? asOf = null) => new TaskFilter
    {
        Plan = Overview?.Plan.Id, Section = section, Unit = unit, Role = unit is null ? null : AssignmentRole.Lead,
        State = state, AsOf = asOf ?? AsOfDate,
    }.Link("/tasks");

    public static string DueStates => "DoneOnTime,DoneLate,Overdue";

    public string SortLink(string key) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/dashboard", new Dictionary<string, string?>
        {
            ["Plan"] = Overview?.Plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AsOf"] = AsOfDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Sort"] = Sort == key ? "-" + key : key,
        }) + "#units";

    public string SortMark(string key) => Sort == key ? " ▲" : Sort == "-" + key ? " ▼" : "";

    public static List<UnitCounts> Sorted(List<UnitCounts> units, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-') ?? "name";
        Func<UnitCounts, decimal> number = key switch
        {
            "total" => u => u.Counts.Total,
            "rate" => u => u.Counts.OnTimeRate ?? -1,
            _ when Enum.TryParse<DeliverableState>(key, out var state) && Enum.IsDefined(state) => u => u.Counts[state],
            _ => null!,
        };
        if (number is null) return descending ? [.. Enumerable.Reverse(units)] : units; // already by name
        return descending ? [.. units.OrderByDescending(number).ThenBy(u => u.Name)] : [.. units.OrderBy(number).ThenBy(u => u.Name)];
    }
}
