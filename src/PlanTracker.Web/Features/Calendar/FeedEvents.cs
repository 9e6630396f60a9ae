using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.States;

namespace PlanTracker.Web.Features.Calendar;

/// <summary>
/// What a feed holds, read with projections and no tracking: the deadlines of the active plans a unit leads (each
/// occurrence of a recurring one, at the date in force after an extension), the tasks it coordinates (at the plan's
/// date), and the periodic reports it owes. A person's feed adds the items they follow.
/// </summary>
public sealed class FeedEvents(PlanTrackerDbContext db, ReportSchedule schedule, string baseUrl, DateOnly today)
{
    private sealed record PlanInfo(int Id, string Number, DateTime CreatedAtUtc);

    private Dictionary<int, PlanInfo>? plans;
    private Dictionary<int, string>? unitNames;

    /// <summary>Active plans: city plans, and the unit's own plan for its feed (as "Nhiệm vụ của tôi" shows it).</summary>
    private async Task<Dictionary<int, PlanInfo>> PlansAsync(int? ownUnit, CancellationToken ct) =>
        plans ??= await db.Plans.AsNoTracking().Live()
            .Where(p => p.Status == PlanStatus.Active && (p.Kind != PlanKind.UnitAnnual || p.UnitId == ownUnit))
            .Select(p => new PlanInfo(p.Id, p.Number, p.CreatedAtUtc))
            .ToDictionaryAsync(p => p.Id, ct);

    private async Task<string> UnitNameAsync(int unitId, CancellationToken ct)
    {
        unitNames ??= await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return unitNames.GetValueOrDefault(unitId) ?? "";
    }

    public async Task<List<FeedEvent>> ForUnitAsync(int unitId, CancellationToken ct = default)
    {
        var active = await PlansAsync(unitId, ct);
        var events = new List<FeedEvent>();
        var led = await WorkItems.LoadAsync(db, today, unitId, active.Keys, ct);
        events.AddRange(await ItemEventsAsync(led, ct));
        events.AddRange(await CoordinatedAsync(unitId, active, [.. led.Select(i => i.TaskId).Distinct()], ct));
        events.AddRange(await ReportsAsync(unitId, active, ct));
        return events;
    }

    /// <summary>
    /// A person's feed: their unit's, plus the items they follow. Without a unit (Sở Nội vụ's admins, leaders), the
    /// due dates of the periodic reports every unit sends in, one event per report, plus what they follow.
    /// </summary>
    public async Task<List<FeedEvent>> ForUserAsync(string userId, int? unitId, CancellationToken ct = default)
    {
        var events = unitId is { } unit ? await ForUnitAsync(unit, ct) : await CityReportsAsync(ct);
        var active = await PlansAsync(unitId, ct);
        var followed = await db.ItemFollowers.AsNoTracking().Where(f => f.UserId == userId)
            .Select(f => new { f.DeliverableId, f.UnitId }).ToListAsync(ct);
        if (followed.Count == 0) return events;
        var pairs = followed.Select(f => (f.DeliverableId, f.UnitId)).ToHashSet();
        var items = (await WorkItems.LoadAsync(db, today, [.. pairs.Select(p => p.DeliverableId).Distinct()], ct))
            .Where(i => pairs.Contains((i.DeliverableId, i.UnitId)) && active.ContainsKey(i.PlanId)).ToList();
        var known = events.Select(e => e.Uid).ToHashSet(StringComparer.Ordinal);
        events.AddRange((await ItemEventsAsync(items, ct)).Where(e => known.Add(e.Uid)));
        return events;
    }

    /// <summary>"deliverable-{id}-{unit}-{period}@plantracker": one deliverable can be led by several units, each its own item.</summary>
    public static string ItemUid(int deliverableId, int unitId, string period) =>
        $"deliverable-{deliverableId}-{unitId}-{(period.Length == 0 ? "once" : period)}@plantracker";

    private async Task<List<FeedEvent>> ItemEventsAsync(List<WorkItem> items, CancellationToken ct)
    {
        var dated = items.Where(i => i.Due is not null).ToList();
        if (dated.Count == 0) return [];
        var ids = dated.Select(i => i.DeliverableId).Distinct().ToArray();
        // The versions the context raises on every edit: their sum goes up whenever the deliverable, its task or the
        // unit's progress row (status, extension) changes, so SEQUENCE rises without a write on GET.
        var versions = await db.Deliverables.AsNoTracking().Where(d => EF.Parameter(ids).Contains(d.Id))
            .Select(d => new { d.Id, d.Version, TaskVersion = d.Task!.Version }).ToDictionaryAsync(d => d.Id, d => d.Version + d.TaskVersion, ct);
        var active = plans ?? [];
        var events = new List<FeedEvent>(dated.Count);
        foreach (var i in dated)
        {
            var plan = active.GetValueOrDefault(i.PlanId);
            var lead = await UnitNameAsync(i.UnitId, ct);
            var period = i.Period.Length > 0 ? $" ({Periods.Label(i.Period)})" : "";
            var done = i.State.IsDone();
            var due = i.IsExtended ? $"{IcsWriter.Date(i.Due!.Value)} (gia hạn, hạn gốc {IcsWriter.Date(i.OriginalDue!.Value)})" : IcsWriter.Date(i.Due!.Value);
            var url = $"{baseUrl}/tasks/{i.TaskId}";
            events.Add(new(ItemUid(i.DeliverableId, i.UnitId, i.Period), i.Due.Value,
                $"{(done ? "[Đã xong] " : "")}{i.TaskCode}{period}: {Short(i.Product ?? i.Activity)}",
                Lines($"Kế hoạch: {plan?.Number}", $"Nhiệm vụ {i.TaskCode}: {i.Activity}", i.Product is null ? null : $"Sản phẩm: {i.Product}",
                    $"Đơn vị chủ trì: {lead}", "Vai trò: chủ trì", $"Hạn: {due}", $"Trạng thái: {i.State.Label()}", url),
                url, versions.GetValueOrDefault(i.DeliverableId) + (i.Progress?.Version ?? 0),
                Latest(i.Progress?.UpdatedAtUtc, plan?.CreatedAtUtc), done));
        }
        return events;
    }

    /// <summary>Deadlines of the tasks the unit coordinates, at the plan's dates: the lead's progress is the lead's.</summary>
    private async Task<List<FeedEvent>> CoordinatedAsync(int unitId, Dictionary<int, PlanInfo> active, int[] ledTaskIds, CancellationToken ct)
    {
        var planIds = active.Keys.ToArray();
        var deliverables = await db.LiveDeliverables()
            .Where(d => !EF.Parameter(ledTaskIds).Contains(d.TaskId) && EF.Parameter(planIds).Contains(d.Task!.Section!.PlanId)
                && db.Tasks.AssignedTo(db, unitId, AssignmentRole.Coordinating).Select(t => t.Id).Contains(d.TaskId))
            .Select(d => new
            {
                d.Id, d.TaskId, d.Product, d.DeadlineKind, d.DeadlineText, d.DeadlineStart, d.DeadlineDue, d.Version,
                PlanId = d.Task!.Section!.PlanId, d.Task.Code, d.Task.Activity, TaskVersion = d.Task.Version,
            })
            .ToListAsync(ct);
        var unit = await UnitNameAsync(unitId, ct);
        var leads = deliverables.Count == 0 ? [] : await WorkItems.LeadUnitsByTaskAsync(db, [.. deliverables.Select(d => d.TaskId).Distinct()], ct);
        var events = new List<FeedEvent>();
        foreach (var d in deliverables)
        {
            var leadNames = new List<string>();
            foreach (var lead in leads.GetValueOrDefault(d.TaskId) ?? []) leadNames.Add(await UnitNameAsync(lead, ct));
            var plan = active[d.PlanId];
            var url = $"{baseUrl}/tasks/{d.TaskId}";
            foreach (var p in Periods.Of(d.DeadlineKind, d.DeadlineStart, d.DeadlineDue, d.DeadlineText))
            {
                if (p.Due is not { } due) continue;
                var period = p.Key.Length > 0 ? $" ({Periods.Label(p.Key)})" : "";
                events.Add(new(ItemUid(d.Id, unitId, p.Key).Replace("deliverable-", "coordinating-", StringComparison.Ordinal), due,
                    $"[Phối hợp] {d.Code}{period}: {Short(d.Product ?? d.Activity)}",
                    Lines($"Kế hoạch: {plan.Number}", $"Nhiệm vụ {d.Code}: {d.Activity}", d.Product is null ? null : $"Sản phẩm: {d.Product}",
                        $"Đơn vị chủ trì: {string.Join(", ", leadNames.Order(StringComparer.Ordinal))}", $"Vai trò: phối hợp ({unit})",
                        $"Hạn: {IcsWriter.Date(due)}", url),
                    url, d.Version + d.TaskVersion, plan.CreatedAtUtc, false));
            }
        }
        return events;
    }

    private async Task<List<FeedEvent>> ReportsAsync(int unitId, Dictionary<int, PlanInfo> active, CancellationToken ct)
    {
        var events = new List<FeedEvent>();
        var unit = await UnitNameAsync(unitId, ct);
        foreach (var plan in active.Values.OrderBy(p => p.Id))
            foreach (var o in await ReportObligations.LoadAsync(db, schedule, today, plan.Id, unitId, ct))
            {
                var done = o.State.IsSubmitted();
                var url = $"{baseUrl}/reports";
                events.Add(new($"report-{plan.Id}-{unitId}-{o.Period.Key}@plantracker", o.Period.Due,
                    $"{(done ? "[Đã nộp] " : "")}{ReportSummary(o.Period)}",
                    Lines($"Kế hoạch: {plan.Number}", $"Đơn vị báo cáo: {unit}", $"Hạn: {IcsWriter.Date(o.Period.Due)}",
                        o.Submission is { } s ? $"Trạng thái: {o.State.Label()} (số {s.DocumentNumber}, ngày {IcsWriter.Date(s.SubmittedOn)})" : $"Trạng thái: {o.State.Label()}",
                        url),
                    url, done ? 1 : 0, Latest(o.Submission?.RecordedAtUtc, plan.CreatedAtUtc), done));
            }
        return events;
    }

    /// <summary>For Sở Nội vụ and the leadership: each report of each active city plan once, for every unit.</summary>
    private async Task<List<FeedEvent>> CityReportsAsync(CancellationToken ct)
    {
        var active = await PlansAsync(null, ct);
        var years = await db.Plans.AsNoTracking().Where(p => p.Kind != PlanKind.UnitAnnual && EF.Parameter(active.Keys.ToArray()).Contains(p.Id))
            .Select(p => new { p.Id, p.Year }).ToListAsync(ct);
        var events = new List<FeedEvent>();
        foreach (var plan in years)
            foreach (var period in schedule.Of(plan.Year))
            {
                var url = $"{baseUrl}/reports";
                events.Add(new($"report-{plan.Id}-all-{period.Key}@plantracker", period.Due, ReportSummary(period),
                    Lines($"Kế hoạch: {active[plan.Id].Number}", "Các đơn vị gửi Sở Nội vụ", $"Hạn: {IcsWriter.Date(period.Due)}", url),
                    url, 0, active[plan.Id].CreatedAtUtc, false));
            }
        return events;
    }

    private static string ReportSummary(ReportingPeriod period) =>
        period.Kind == ReportKind.AnnualPlan ? $"Hạn gửi kế hoạch CCHC năm {period.Year}" : $"Hạn báo cáo {period.Title}";

    private static DateTime Latest(DateTime? a, DateTime? b) =>
        (a ?? DateTime.MinValue) > (b ?? DateTime.MinValue) ? a!.Value : b ?? new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static string Short(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 90 ? line : line[..87].TrimEnd() + "…";
    }

    private static string Lines(params string?[] lines) => string.Join("\n", lines.Where(l => !string.IsNullOrEmpty(l)));
}
