namespace PlanTracker.Core.Reminders;

/// <summary>
/// One planning run. The latest RunDate up to today is where the next run starts: it plans every occurrence in
/// (latest RunDate, today], which is how a day of downtime is caught up once. Runs dated after today are set aside.
/// </summary>
public class ReminderRun
{
    public long Id { get; set; }
    public DateOnly RunDate { get; set; }
    /// <summary>The first occurrence date this run covered (RunDate itself on the first run ever).</summary>
    public DateOnly CoveredFrom { get; set; }
    /// <summary>"Schedule", "Manual" or "CommandLine".</summary>
    public required string Trigger { get; set; }
    public string? StartedBy { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public int MessageCount { get; set; }
    public int ItemCount { get; set; }
    /// <summary>Units that had something to act on but no address to send it to.</summary>
    public int UnitsWithoutAddress { get; set; }
}
