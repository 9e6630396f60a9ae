using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Progress;
using PlanTracker.Core.States;

namespace PlanTracker.Core.Reminders;

/// <summary>
/// One reminder line: a deliverable of a lead unit, or a report a unit owes, and the rule that fired. A line that
/// only completes the picture (the unit owes it, but no rule fired for it today) is Context: listed, not recorded.
/// </summary>
public sealed record DigestLine(ReminderRule Rule, string ItemKey, DateOnly OccurredOn, DateOnly Due,
    WorkItem? Work = null, ReportObligation? Report = null)
{
    public bool IsOverdue => Rule is ReminderRule.Overdue or ReminderRule.ReportOverdue or ReminderRule.OverdueCopy;
    /// <summary>Listed to show everything the unit owes; not a rule occurrence, so not written to the reminder keys.</summary>
    public bool Context { get; init; }
    /// <summary>Not in the unit's last digest (or no digest before): marked "mới".</summary>
    public bool IsNew { get; init; }
    /// <summary>For <see cref="ReminderRule.ExtensionDecided"/>: the decision.</summary>
    public DeadlineExtension? Extension { get; init; }
    /// <summary>The officers (người phụ trách) of the item in the unit, by name, shown on the line.</summary>
    public string? Officer { get; init; }
}

/// <summary>What one plan looks like this week, for Sở Nội vụ's Monday summary.</summary>
public sealed record PlanWeek(int PlanId, string PlanNumber, int Year,
    IReadOnlyList<(DeliverableState State, int Count)> Counts,
    IReadOnlyList<WorkItem> NewlyOverdue,
    IReadOnlyList<(ReportingPeriod Report, IReadOnlyList<int> UnitIds)> MissingReports);

/// <summary>The one e-mail of one unit for one day.</summary>
public sealed class Digest
{
    public required int UnitId { get; init; }
    public required string UnitName { get; init; }
    public required IReadOnlyList<string> Recipients { get; init; }
    public required IReadOnlyList<DigestLine> Lines { get; init; }
    /// <summary>Sở Nội vụ's weekly summary, on the summary day (or the first run after it).</summary>
    public IReadOnlyList<PlanWeek>? Week { get; init; }
    public string Subject { get; set; } = "";
    public string Html { get; set; } = "";
    public string Text { get; set; } = "";
}

/// <summary>What a run on a day would send, before anything is written.</summary>
public sealed class ReminderPlan
{
    public required DateOnly Today { get; init; }
    /// <summary>The first occurrence date covered; after Today when the day was already planned.</summary>
    public required DateOnly CoveredFrom { get; init; }
    public IReadOnlyList<Digest> Digests { get; init; } = [];
    /// <summary>Units that had reminders due but no address and no opted-in user; nothing is planned for them.</summary>
    public IReadOnlyList<(int UnitId, string UnitName, int Lines)> UnitsWithoutAddress { get; init; } = [];

    public bool AlreadyCovered => CoveredFrom > Today;
    /// <summary>The reminders that fired (the keys written); the digests list more lines to show the whole picture.</summary>
    public int LineCount => Digests.Sum(d => d.Lines.Count(l => !l.Context));
}

/// <summary>How big one digest may grow: lines listed, and bytes as sent (the common server limit is 10 MB).</summary>
public sealed record DigestLimits(int MaxLines, long MaxBytes)
{
    public static readonly DigestLimits Default = new(200, 5_000_000);
}
