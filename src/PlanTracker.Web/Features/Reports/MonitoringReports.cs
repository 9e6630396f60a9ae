using PlanTracker.Core.Monitoring;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.States;
using PlanTracker.Core.Time;
using PlanTracker.Web.Features.Reports.Export;
using PlanTracker.Web.Features.Tasks;

namespace PlanTracker.Web.Features.Reports;

/// <summary>Builds what the report pages and exports show: the periodic report and filtered item lists.</summary>
public sealed class MonitoringReports(PlanTrackerDbContext db, ReportSchedule schedule, IClock clock)
{
    /// <summary>The plan asked for, or the current one, among those the user may see.</summary>
    public Task<Plan?> PlanAsync(int? planId, System.Security.Claims.ClaimsPrincipal user) =>
        db.Plans.AsNoTracking().VisibleTo(user).AskedOrCurrentAsync(planId, clock.Today);

    public ReportSchedule Schedule => schedule;

    /// <summary>The period asked for ("2019-Q1"), or the latest one whose cut-off has passed in the plan's year.</summary>
    public ReportingPeriod PeriodOf(Plan plan, string? key) =>
        schedule.Find(key) is { IsPeriodic: true } period ? period : schedule.Latest(plan.Year, clock.Today);

    public Task<PeriodicReport> PeriodicAsync(Plan plan, ReportingPeriod period, CancellationToken ct = default) =>
        PeriodicReport.BuildAsync(db, schedule.Options, plan, period, clock.Today, ct);

    /// <summary>The work items behind a task-list filter (every state when it names none), grouped by section.</summary>
    public async Task<ItemList?> ItemListAsync(TaskFilter filter, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct = default)
    {
        var plan = await PlanAsync(filter.Plan, user);
        if (plan is null) return null;
        var asOf = filter.AsOf ?? clock.Today;
        var query = await filter.ApplyAsync(db, db.Tasks.AsNoTracking(), plan.Id);
        var states = filter.States() ?? Enum.GetValues<DeliverableState>().ToHashSet();
        var items = await filter.ItemsAsync(db, query, plan.Id, asOf, states, ct);

        var unitIds = items.Select(i => i.UnitId).Distinct().ToList();
        var unitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var sections = await db.Sections.AsNoTracking().Where(s => s.PlanId == plan.Id && !s.IsRetired).OrderBy(s => s.SortOrder)
            .Select(s => new { s.Number, s.Title }).ToListAsync(ct);
        var bySection = items.ToLookup(i => i.SectionNumber);
        var rank = TaskCodeOrder.Ranks(items.Select(i => i.TaskCode));
        var reportSections = sections.Where(s => bySection[s.Number].Any())
            .Select(s => new ReportSection(s.Number, s.Title, StateCounts.Of(bySection[s.Number].Select(i => i.State)),
                bySection[s.Number].OrderBy(i => rank(i.TaskCode)).ThenBy(i => i.Due)
                    .Select(i => new ReportItem(i, unitNames.GetValueOrDefault(i.UnitId, "?"))).ToList()))
            .ToList();
        return new ItemList("DANH SÁCH SẢN PHẨM", $"Theo dõi thực hiện Kế hoạch số {plan.Number} ({plan.Title})", asOf, clock.Today,
            await DescribeAsync(filter, states), reportSections, plan.VerifiesCompletions);
    }

    private async Task<string> DescribeAsync(TaskFilter f, IReadOnlySet<DeliverableState> states)
    {
        var parts = new List<string>();
        if (f.Section is { } s) parts.Add($"lĩnh vực {s}");
        if (f.Unit is { } u)
            parts.Add($"đơn vị {await db.Units.Where(x => x.Id == u).Select(x => x.Name).FirstOrDefaultAsync()}"
                + (f.Role is { } r ? $" ({Shared.Display.RoleLabel(r).ToLowerInvariant()})" : ""));
        if (f.Quarter is { Length: > 0 } q) parts.Add($"quý đến hạn {q}");
        if (f.Kind is { } k) parts.Add($"loại thời hạn {Shared.Display.KindLabel(k)}");
        if (f.Q is { Length: > 0 } text) parts.Add($"tìm \"{text}\"");
        if (states.Count < Enum.GetValues<DeliverableState>().Length) parts.Add("tình trạng " + string.Join(", ", states.Select(x => x.Label())));
        return string.Join("; ", parts);
    }
}
