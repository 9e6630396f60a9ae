using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Plans;
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
        // The weekly summary counts every item; other days need only the deliverables whose dates can fire.
        var work = weekly is null
            ? await WorkItems.LoadAsync(db, today, await CandidatesAsync(after, today, ct), ct)
            : await WorkItems.LoadAsync(db, today, ct: ct);
        var obligations = await ReportObligations.LoadAsync(db, reports, today, ct: ct);
        // Only active plans are reminded: a draft is not the units' yet, and a closed plan's reminders stop.
        var plans = await db.Plans.AsNoTracking().Where(p => p.Status == PlanStatus.Active)
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
        var recipients = await RecipientsAsync(units.Values, ct);
        var writer = new DigestWriter(baseUrl, today, units.ToDictionary(u => u.Key, u => u.Value.Name), rules.CopyFromDaysOverdue, limits,
            plans.ToDictionary(p => p.Key, p => p.Value.Label));
        var digests = new List<Digest>();
        var unreachable = new List<(int, string, int)>();
        foreach (var group in lines.GroupBy(l => l.UnitId).OrderBy(g => units[g.Key].Name, StringComparer.Ordinal))
        {
            var unit = units[group.Key];
            var to = recipients.GetValueOrDefault(unit.Id, []);
            if (to.Count == 0)
            {
                unreachable.Add((unit.Id, unit.Name, group.Count()));
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
    /// The deliverables with a period whose due date has an occurrence in the window, done or not: a narrow,
    /// set-based read of dates, so that only these few are loaded in full and classified.
    /// </summary>
    private async Task<List<int>> CandidatesAsync(DateOnly after, DateOnly today, CancellationToken ct)
    {
        var dated = await db.LiveDeliverables()
            .Where(d => d.DeadlineDue != null && d.DeadlineKind != DeadlineKind.Ongoing)
            .Select(d => new { d.Id, d.DeadlineKind, d.DeadlineStart, d.DeadlineDue, ListText = d.DeadlineKind == DeadlineKind.List ? d.DeadlineText : null })
            .ToListAsync(ct);
        // An approved extension moves an item's due date away from the plan's: those are read too.
        var extended = await db.Progress.AsNoTracking()
            .Where(p => p.AdjustedDue != null)
            .Select(p => new { p.DeliverableId, Due = p.AdjustedDue!.Value })
            .ToListAsync(ct);
        var daysBefore = rules.EffectiveDueSoonDays;
        return dated
            .Where(d => Periods.Of(d.DeadlineKind, d.DeadlineStart, d.DeadlineDue, d.ListText)
                .Any(p => p.Due is { } due && ReminderSchedule.Latest(due, daysBefore, rules.OverdueStep, after, today) is not null))
            .Select(d => d.Id)
            .Concat(extended.Where(e => ReminderSchedule.Latest(e.Due, daysBefore, rules.OverdueStep, after, today) is not null).Select(e => e.DeliverableId))
            .Distinct()
            .ToList();
    }

    private void AddDeliverables(List<(int, DigestLine)> lines, List<WorkItem> work, int? agency, DateOnly after, DateOnly today)
    {
        var daysBefore = rules.EffectiveDueSoonDays;
        foreach (var item in work)
        {
            // Ongoing and set-later deliverables have no due date, so no due or overdue reminder.
            if (item.Due is not { } due || item.State is not (DeliverableState.InProgress or DeliverableState.Overdue)) continue;
            if (ReminderSchedule.Latest(due, daysBefore, rules.OverdueStep, after, today) is not { } hit) continue;
            var key = $"d{item.DeliverableId}:{item.Period}:u{item.UnitId}";
            lines.Add((item.UnitId, new DigestLine(hit.Overdue ? ReminderRule.Overdue : ReminderRule.DueSoon, key, hit.On, due, Work: item)));
            if (hit.Overdue && agency is { } snv && snv != item.UnitId && hit.On.DayNumber - due.DayNumber >= rules.CopyFromDaysOverdue)
                lines.Add((snv, new DigestLine(ReminderRule.OverdueCopy, key, hit.On, due, Work: item)));
        }
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
