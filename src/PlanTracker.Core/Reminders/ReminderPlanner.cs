using PlanTracker.Core.Deadlines;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Progress;
using PlanTracker.Core.States;

namespace PlanTracker.Core.Reminders;

/// <summary>
/// Works out what a run on a day sends: every rule occurrence in (the last run's date, today], at most
/// one line per item (its latest occurrence), minus what an earlier run already planned, grouped into one
/// digest per unit. It reads only; the caller writes the outbox in one transaction.
/// </summary>
public sealed class ReminderPlanner(PlanTrackerDbContext db, ReminderRules rules, ReportSchedule reports, string baseUrl,
    DigestLimits? limits = null)
{
    private sealed record UnitInfo(int Id, string Code, string Name, string Emails);

    public async Task<ReminderPlan> PlanAsync(DateOnly today, DateOnly? lastRunDate, CancellationToken ct = default)
    {
        // The first run ever covers today only: nobody wants a year of back-filled reminders.
        var after = lastRunDate ?? today.AddDays(-1);
        if (after >= today) return new ReminderPlan { Today = today, CoveredFrom = after.AddDays(1) };

        var units = await db.Units.AsNoTracking().Select(u => new UnitInfo(u.Id, u.Code, u.Name, u.Emails)).ToDictionaryAsync(u => u.Id, ct);
        var agency = units.Values.FirstOrDefault(u => u.Code == rules.StandingAgencyUnitCode)?.Id;
        var weekly = agency is null ? null : ReminderSchedule.LatestWeekday(rules.WeeklySummaryDay, after, today);
        // The weekly summary counts every item; other days need only the deliverables a digest can list: whatever
        // is due by the end of the due-soon window (so every overdue one), returned or with a recent decision.
        var returned = await ReturnedAsync(ct);
        var decisions = await DecisionsAsync(today, ct);
        var work = weekly is null
            ? await WorkItems.LoadAsync(db, today, await CandidatesAsync(today,
                returned.Select(r => r.DeliverableId).Concat(decisions.Select(d => d.DeliverableId)), ct), ct)
            : await WorkItems.LoadAsync(db, today, ct: ct);
        var obligations = await ReportObligations.LoadAsync(db, reports, today, ct: ct);
        // Only active plans are reminded: a draft is not the units' yet, and a closed plan's reminders stop.
        var plans = await db.Plans.AsNoTracking().Live().Where(p => p.Status == PlanStatus.Active)
            .Select(p => new PlanWeekHeader(p.Id, p.Number, p.Year, p.EndYear)).ToDictionaryAsync(p => p.Id, ct);
        work = work.Where(w => plans.ContainsKey(w.PlanId)).ToList();
        obligations = obligations.Where(o => plans.ContainsKey(o.PlanId)).ToList();

        var lines = new List<(int UnitId, DigestLine Line)>();
        AddDeliverables(lines, work, agency, after, today);
        AddReports(lines, obligations, after, today);
        IReadOnlyList<PlanWeek>? week = null;
        if (agency is { } snv && weekly is { } monday)
        {
            week = Week(plans.Values, work, obligations, today);
            lines.Add((snv, new DigestLine(ReminderRule.WeeklySummary, "weekly", monday, monday)));
        }

        lines = await WithoutPlannedAsync(lines, after, today, ct);
        // What triggers a digest is unchanged (a rule fired today for the unit); what it lists is everything the unit owes.
        var triggered = lines.Select(l => l.UnitId).ToHashSet();
        var lastDigests = await LastDigestsAsync(triggered, today, ct);
        lines = WholePicture(lines, triggered, lastDigests, work, obligations, returned, decisions, today);
        var officers = await OfficersAsync(triggered, ct);
        lines = lines.Select(l => l.Line.Rule != ReminderRule.OverdueCopy && l.Line.Work is { } w && officers.TryGetValue((w.DeliverableId, w.UnitId), out var o)
            ? (l.UnitId, l.Line with { Officer = o.Name }) : l).ToList();
        var recipients = await RecipientsAsync(units.Values, ct);
        var writer = new DigestWriter(baseUrl, today, units.ToDictionary(u => u.Key, u => u.Value.Name), rules.CopyFromDaysOverdue, limits,
            plans.ToDictionary(p => p.Key, p => p.Value.Label));
        var digests = new List<Digest>();
        var unreachable = new List<(int, string, int)>();
        foreach (var group in lines.GroupBy(l => l.UnitId).OrderBy(g => units[g.Key].Name, StringComparer.Ordinal))
        {
            var unit = units[group.Key];
            // The item's officer is copied on the unit's digest rather than sent one of their own: the unit's mail is
            // the one list the unit works from (a second mail with a subset would drift from it), and a copy keeps the
            // rule of one digest a unit a day; each of their lines names them.
            var to = recipients.GetValueOrDefault(unit.Id, []).Concat(group.Where(g => g.Line.Work is not null && g.Line.Officer is not null)
                    .Select(g => officers[(g.Line.Work!.DeliverableId, g.Line.Work.UnitId)].Email))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (to.Count == 0)
            {
                unreachable.Add((unit.Id, unit.Name, group.Count(g => !g.Line.Context)));
                continue;
            }
            var digest = new Digest
            {
                UnitId = unit.Id, UnitName = unit.Name, Recipients = to, Lines = group.Select(g => g.Line).ToList(),
                Week = group.Any(g => g.Line.Rule == ReminderRule.WeeklySummary) ? week : null,
            };
            writer.Write(digest);
            digests.Add(digest);
        }
        return new ReminderPlan { Today = today, CoveredFrom = after.AddDays(1), Digests = digests, UnitsWithoutAddress = unreachable };
    }

    /// <summary>
    /// The deliverables with a period due by the end of the due-soon window, done or not, and the extra ones given:
    /// a narrow, set-based read of dates, so that only these are loaded in full and classified. Late in the year
    /// this is most of the plan, as on a Monday (measured 1.19 s for 100,000 deliverables).
    /// </summary>
    private async Task<List<int>> CandidatesAsync(DateOnly today, IEnumerable<int> extra, CancellationToken ct)
    {
        var dated = await db.LiveDeliverables()
            .Where(d => d.DeadlineDue != null && d.DeadlineKind != DeadlineKind.Ongoing)
            .Select(d => new { d.Id, d.DeadlineKind, d.DeadlineStart, d.DeadlineDue, ListText = d.DeadlineKind == DeadlineKind.List ? d.DeadlineText : null })
            .ToListAsync(ct);
        var horizon = today.AddDays(DueSoonWindow);
        // An extension can only move a due date later; the adjusted one is read with the progress records.
        return dated
            .Where(d => Periods.Of(d.DeadlineKind, d.DeadlineStart, d.DeadlineDue, d.ListText).Any(p => p.Due is { } due && due <= horizon))
            .Select(d => d.Id)
            .Concat(extra)
            .Distinct()
            .ToList();
    }

    /// <summary>How far ahead a digest lists what falls due: the longest due-soon notice (7 days by default).</summary>
    private int DueSoonWindow => rules.EffectiveDueSoonDays.Max();

    private void AddDeliverables(List<(int, DigestLine)> lines, List<WorkItem> work, int? agency, DateOnly after, DateOnly today)
    {
        var daysBefore = rules.EffectiveDueSoonDays;
        foreach (var item in work)
        {
            // Ongoing and set-later deliverables have no due date, so no due or overdue reminder.
            if (item.Due is not { } due || !Owes(item)) continue;
            if (ReminderSchedule.Latest(due, daysBefore, rules.OverdueStep, after, today) is not { } hit) continue;
            var key = WorkKey(item);
            lines.Add((item.UnitId, new DigestLine(hit.Overdue ? ReminderRule.Overdue : ReminderRule.DueSoon, key, hit.On, due, Work: item)));
            if (hit.Overdue && agency is { } snv && snv != item.UnitId && hit.On.DayNumber - due.DayNumber >= rules.CopyFromDaysOverdue)
                lines.Add((snv, new DigestLine(ReminderRule.OverdueCopy, key, hit.On, due, Work: item)));
        }
    }

    /// <summary>
    /// Whether the unit still owes the item: not done, and not a completion waiting for Sở Nội vụ's verification
    /// (the unit has done its part; a returned one is in progress again).
    /// </summary>
    private static bool Owes(WorkItem item) =>
        item.State is DeliverableState.InProgress or DeliverableState.Overdue && item.Progress?.Status != ProgressStatus.AwaitingVerification;

    private static string WorkKey(WorkItem item) => $"d{item.DeliverableId}:{item.Period}:u{item.UnitId}";

    /// <summary>A unit's last digest before today: the day it was planned for and when it was written.</summary>
    private sealed record LastDigest(DateOnly Date, DateTime AtUtc);

    /// <summary>From the outbox: the latest digest (a message of a reminder run that did not die) each unit was sent before today.</summary>
    private async Task<Dictionary<int, LastDigest>> LastDigestsAsync(HashSet<int> unitIds, DateOnly today, CancellationToken ct)
    {
        var ids = unitIds.ToArray();
        return (await db.OutboxMessages().AsNoTracking()
                .Where(m => m.ReminderRunId != null && m.UnitId != null && m.PlannedFor < today && m.State != OutboxState.Dead
                    && EF.Parameter(ids).Contains(m.UnitId!.Value))
                .GroupBy(m => m.UnitId!.Value)
                .Select(g => new { UnitId = g.Key, Date = g.Max(m => m.PlannedFor), AtUtc = g.Max(m => m.CreatedAtUtc) })
                .ToListAsync(ct))
            .ToDictionary(g => g.UnitId, g => new LastDigest(g.Date, g.AtUtc));
    }

    /// <summary>Completions Sở Nội vụ returned that the unit has not claimed again (claiming clears the reason).</summary>
    private async Task<List<DeliverableProgress>> ReturnedAsync(CancellationToken ct) =>
        await db.Progress.AsNoTracking().Where(p => p.ReturnReason != null && p.Status == ProgressStatus.InProgress).ToListAsync(ct);

    /// <summary>Extension decisions of the past year (a digest lists those since the unit's last one).</summary>
    private async Task<List<DeadlineExtension>> DecisionsAsync(DateOnly today, CancellationToken ct)
    {
        var since = today.AddYears(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return await db.DeadlineExtensions.AsNoTracking()
            .Where(e => e.Status != ExtensionStatus.Pending && e.DecidedAtUtc != null && e.DecidedAtUtc > since).ToListAsync(ct);
    }

    /// <summary>
    /// Each triggered unit's digest lists everything the unit owes, not only what a rule fired for today: every
    /// overdue item and report, what falls due within the due-soon window, its returned completions, and the
    /// decisions on its extension requests since its last digest. What was not in that digest is marked new.
    /// </summary>
    private List<(int UnitId, DigestLine Line)> WholePicture(List<(int UnitId, DigestLine Line)> fired, HashSet<int> triggered,
        Dictionary<int, LastDigest> last, List<WorkItem> work, List<ReportObligation> obligations, List<DeliverableProgress> returned,
        List<DeadlineExtension> decisions, DateOnly today)
    {
        var horizon = today.AddDays(DueSoonWindow);
        var listed = fired.Select(l => (l.UnitId, l.Line.Rule is ReminderRule.OverdueCopy ? "copy:" + l.Line.ItemKey : l.Line.ItemKey)).ToHashSet();
        var lines = fired.Select(l => (l.UnitId, Marked(l.Line, last.GetValueOrDefault(l.UnitId)))).ToList();
        var mine = work.Where(w => triggered.Contains(w.UnitId)).ToList();
        foreach (var item in mine)
        {
            if (item.Due is not { } due || due > horizon || !Owes(item) || !listed.Add((item.UnitId, WorkKey(item)))) continue;
            var line = new DigestLine(due < today ? ReminderRule.Overdue : ReminderRule.DueSoon, WorkKey(item), today, due, Work: item) { Context = true };
            lines.Add((item.UnitId, Marked(line, last.GetValueOrDefault(item.UnitId))));
        }
        foreach (var o in obligations)
        {
            var key = $"r{o.PlanId}:{o.Period.Key}";
            if (!triggered.Contains(o.UnitId) || o.State.IsSubmitted() || o.Period.Due > horizon || !listed.Add((o.UnitId, key))) continue;
            var line = new DigestLine(o.Period.Due < today ? ReminderRule.ReportOverdue : ReminderRule.ReportDueSoon, key, today, o.Period.Due, Report: o)
                { Context = true };
            lines.Add((o.UnitId, Marked(line, last.GetValueOrDefault(o.UnitId))));
        }

        var byKey = mine.ToDictionary(w => (w.DeliverableId, w.Period, w.UnitId));
        foreach (var r in returned)
        {
            if (!byKey.TryGetValue((r.DeliverableId, r.Period, r.UnitId), out var item)) continue;
            lines.Add((item.UnitId, new DigestLine(ReminderRule.Returned, WorkKey(item), today, item.Due ?? today, Work: item)
                { Context = true, IsNew = last.GetValueOrDefault(item.UnitId) is not { } l || r.ReturnedAtUtc > l.AtUtc }));
        }
        foreach (var d in decisions.OrderBy(d => d.DecidedAtUtc))
        {
            var since = last.GetValueOrDefault(d.UnitId)?.AtUtc ?? today.AddDays(-DueSoonWindow).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            if (d.DecidedAtUtc <= since || !byKey.TryGetValue((d.DeliverableId, d.Period, d.UnitId), out var item)) continue;
            lines.Add((item.UnitId, new DigestLine(ReminderRule.ExtensionDecided, WorkKey(item), today, item.Due ?? d.RequestedDue, Work: item)
                { Context = true, IsNew = true, Extension = d }));
        }
        return lines;
    }

    /// <summary>
    /// New since the last digest: overdue lines that were not overdue on its day, due-soon lines that were not yet
    /// in its window. That digest listed everything owed then, so this is what it did not show.
    /// </summary>
    private DigestLine Marked(DigestLine line, LastDigest? last) => line.Rule is ReminderRule.OverdueCopy or ReminderRule.WeeklySummary ? line
        : line with { IsNew = last is null || (line.IsOverdue ? line.Due >= last.Date : line.Due > last.Date.AddDays(DueSoonWindow)) };

    /// <summary>The officer (người phụ trách) of each item of the given units who can be mailed: name and address.</summary>
    private async Task<Dictionary<(int DeliverableId, int UnitId), (string Name, string Email)>> OfficersAsync(HashSet<int> unitIds, CancellationToken ct)
    {
        var ids = unitIds.ToArray();
        return (await db.ItemFollowers.AsNoTracking()
                .Where(f => f.Role == FollowerRole.Officer && EF.Parameter(ids).Contains(f.UnitId) && !f.User!.IsDisabled && f.User.Email != null)
                .Select(f => new { f.DeliverableId, f.UnitId, f.User!.DisplayName, f.User.UserName, Email = f.User.Email! })
                .ToListAsync(ct))
            .DistinctBy(f => (f.DeliverableId, f.UnitId))
            .ToDictionary(f => (f.DeliverableId, f.UnitId), f => (f.DisplayName is { Length: > 0 } n ? n : f.UserName ?? f.Email, f.Email));
    }

    private void AddReports(List<(int, DigestLine)> lines, List<ReportObligation> obligations, DateOnly after, DateOnly today)
    {
        var daysBefore = reports.Options.EffectiveRemindDaysBefore;
        var step = Math.Max(1, reports.Options.OverdueEveryDays);
        foreach (var o in obligations)
        {
            if (o.State.IsSubmitted()) continue;
            if (ReminderSchedule.Latest(o.Period.Due, daysBefore, step, after, today) is not { } hit) continue;
            lines.Add((o.UnitId, new DigestLine(hit.Overdue ? ReminderRule.ReportOverdue : ReminderRule.ReportDueSoon,
                $"r{o.PlanId}:{o.Period.Key}", hit.On, o.Period.Due, Report: o)));
        }
    }

    private sealed record PlanWeekHeader(int Id, string Number, int Year, int EndYear)
    {
        /// <summary>How a reminder line names its plan: "Kế hoạch 163/KH-UBND năm 2019".</summary>
        public string Label => EndYear > Year ? $"Kế hoạch {Number} giai đoạn {Year}–{EndYear}" : $"Kế hoạch {Number} năm {Year}";
    }

    private static List<PlanWeek> Week(IEnumerable<PlanWeekHeader> plans, List<WorkItem> work, List<ReportObligation> obligations, DateOnly today)
    {
        var weekAgo = today.AddDays(-7);
        return plans.OrderBy(p => p.Year).ThenBy(p => p.Id).Select(plan =>
        {
            var items = work.Where(w => w.PlanId == plan.Id).ToList();
            var counts = Enum.GetValues<DeliverableState>().Select(s => (s, items.Count(i => i.State == s))).ToList();
            var newlyOverdue = items.Where(i => i.State == DeliverableState.Overdue && i.Due >= weekAgo)
                .OrderBy(i => i.Due).ThenBy(i => i.TaskCode, StringComparer.Ordinal).ToList();
            var missing = obligations.Where(o => o.PlanId == plan.Id && o.State == ReportState.Missing)
                .GroupBy(o => o.Period.Key)
                .Select(g => (g.First().Period, (IReadOnlyList<int>)g.Select(o => o.UnitId).ToList()))
                .OrderBy(r => r.Period.Due).ToList();
            return new PlanWeek(plan.Id, plan.Number, plan.Year, counts, newlyOverdue, missing);
        }).ToList();
    }

    /// <summary>Drops what an earlier run planned already (its key is in the table).</summary>
    private async Task<List<(int UnitId, DigestLine Line)>> WithoutPlannedAsync(List<(int UnitId, DigestLine Line)> lines,
        DateOnly after, DateOnly today, CancellationToken ct)
    {
        var planned = (await db.ReminderItems().AsNoTracking()
                .Where(i => i.OccurredOn > after && i.OccurredOn <= today)
                .Select(i => new { i.UnitId, i.Rule, i.ItemKey, i.OccurredOn })
                .ToListAsync(ct))
            .Select(i => (i.UnitId, i.Rule, i.ItemKey, i.OccurredOn))
            .ToHashSet();
        return planned.Count == 0 ? lines
            : lines.Where(l => !planned.Contains((l.UnitId, l.Line.Rule, l.Line.ItemKey, l.Line.OccurredOn))).ToList();
    }

    /// <summary>Each unit's own addresses plus its users who asked for the digests, without duplicates.</summary>
    private async Task<Dictionary<int, List<string>>> RecipientsAsync(IEnumerable<UnitInfo> units, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => u.UnitId != null && u.ReceivesReminders && !u.IsDisabled && u.Email != null)
            .Select(u => new { UnitId = u.UnitId!.Value, Email = u.Email! })
            .ToListAsync(ct);
        var byUnit = users.ToLookup(u => u.UnitId, u => u.Email);
        return units.ToDictionary(u => u.Id, u => Addresses(u.Emails).Concat(byUnit[u.Id])
            .Select(a => a.Trim()).Where(a => a.Contains('@')).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    public static IEnumerable<string> Addresses(string emails) =>
        emails.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
