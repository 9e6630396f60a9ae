using PlanTracker.Core.Units;

namespace PlanTracker.Core.PeriodicReports;

/// <summary>
/// A unit's record that it sent one periodic report (or its annual CCHC plan) to Sở Nội vụ. It stops the
/// reminders for that report and feeds the on-time statistics. Removal is a recorded state, never a delete.
/// </summary>
public class ReportSubmission
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>"2019-Q1", "2019-H1", "2019-Q3", "2019-Y" or "2019-PLAN"; see <see cref="ReportingPeriod.Key"/>.</summary>
    public required string PeriodKey { get; set; }

    /// <summary>The report's document number, e.g. "45/BC-STP".</summary>
    public required string DocumentNumber { get; set; }
    public DateOnly DocumentDate { get; set; }
    /// <summary>The day the report reached Sở Nội vụ; compared with the due date for the on-time statistics.</summary>
    public DateOnly SubmittedOn { get; set; }

    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? SizeBytes { get; set; }
    /// <summary>Path relative to the attachments folder; the file itself is stored under a generated name.</summary>
    public string? StoredName { get; set; }

    public DateTime RecordedAtUtc { get; set; }
    public string? RecordedByUserId { get; set; }
    public string RecordedByName { get; set; } = "";

    public bool IsRemoved { get; set; }
    public DateTime? RemovedAtUtc { get; set; }
    public string? RemovedByUserId { get; set; }
    public string? RemovedByName { get; set; }
}

/// <summary>Keeps the feature's table out of the shared context file, like the reminder tables.</summary>
public static class ReportSubmissionSet
{
    public static DbSet<ReportSubmission> ReportSubmissions(this PlanTrackerDbContext db) => db.Set<ReportSubmission>();
}
