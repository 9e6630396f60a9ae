using PlanTracker.Core.Units;

namespace PlanTracker.Core.PeriodicReports;

/// <summary>
/// A unit's periodic report on a plan (Q1, 6 months, Q3, year) written in the app: the parts of the Bộ Nội vụ outline
/// only the unit knows. Its figures and items are computed as of the period's cut-off, not stored. Submitting it
/// records the <see cref="ReportSubmission"/> (number, date) that stops the reminders.
/// </summary>
public class UnitReport : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>As <see cref="ReportSubmission.PeriodKey"/>: "2019-Q1", "2019-H1", "2019-Q3", "2019-Y".</summary>
    public required string PeriodKey { get; set; }

    /// <summary>Kết quả nổi bật.</summary>
    public string? Highlights { get; set; }
    /// <summary>Tồn tại, hạn chế.</summary>
    public string? Shortcomings { get; set; }
    /// <summary>Khó khăn, vướng mắc.</summary>
    public string? Difficulties { get; set; }
    /// <summary>Phương hướng, nhiệm vụ kỳ tới.</summary>
    public string? NextSteps { get; set; }
    /// <summary>Kiến nghị, đề xuất.</summary>
    public string? Proposals { get; set; }

    /// <summary>The submission made when the unit submitted this report; null while it is a draft.</summary>
    public int? SubmissionId { get; set; }
    public ReportSubmission? Submission { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedByUserId { get; set; }
    public string UpdatedByName { get; set; } = "";
    public int Version { get; set; }
}
