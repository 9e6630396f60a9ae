namespace PlanTracker.Core.Reminders;

/// <summary>Why an item is in a digest. Stored as text, part of the reminder's unique key.</summary>
public enum ReminderRule
{
    /// <summary>A deliverable falls due in one of the configured numbers of days.</summary>
    DueSoon,
    /// <summary>A deliverable is past due and not done: the day after, then every week.</summary>
    Overdue,
    /// <summary>Sở Nội vụ's copy of a long-overdue deliverable of another unit.</summary>
    OverdueCopy,
    /// <summary>A periodic report (or the annual CCHC plan) falls due soon.</summary>
    ReportDueSoon,
    /// <summary>A periodic report is past due and not recorded as submitted.</summary>
    ReportOverdue,
    /// <summary>Sở Nội vụ's Monday summary.</summary>
    WeeklySummary,
    /// <summary>A completion Sở Nội vụ returned, still to be fixed (listed in the unit's digest, never recorded).</summary>
    Returned,
    /// <summary>Sở Nội vụ decided an extension request since the unit's last digest (listed, never recorded).</summary>
    ExtensionDecided,
}
