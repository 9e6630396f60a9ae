namespace PlanTracker.Core.Reminders;

/// <summary>
/// One reminder that went into a digest. (UnitId, Rule, ItemKey, OccurredOn) is unique in the database,
/// so a reminder is planned once however often the planner runs, and concurrently running planners
/// cannot both write it.
/// </summary>
public class ReminderItem
{
    public long Id { get; set; }
    /// <summary>The unit whose digest carries the reminder (Sở Nội vụ for copies and the weekly summary).</summary>
    public int UnitId { get; set; }
    public ReminderRule Rule { get; set; }
    /// <summary>What the reminder is about, e.g. "d12:Q1:u7" (deliverable, period, lead unit) or "r1:2019-Q1:u7".</summary>
    public required string ItemKey { get; set; }
    /// <summary>The day the rule fired for the item (e.g. due date + 1); may be before the run after downtime.</summary>
    public DateOnly OccurredOn { get; set; }

    /// <summary>The day of the run that planned it.</summary>
    public DateOnly PlannedFor { get; set; }
    public long OutboxMessageId { get; set; }
    public OutboxMessage? OutboxMessage { get; set; }
}
