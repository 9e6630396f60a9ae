namespace PlanTracker.Core.Plans;

/// <summary>
/// The actual value of an indicator for one reporting period ("2019-Q1", "2019-H1", "2019-Q3", "2019-Y"),
/// with where the figure comes from. One value per indicator and period; a correction replaces it and the
/// history keeps both.
/// </summary>
public class IndicatorValue
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public required string Period { get; set; }
    public decimal Value { get; set; }
    /// <summary>Where the figure comes from, e.g. "Báo cáo 45/BC-STTTT ngày 10/3/2019".</summary>
    public string? SourceNote { get; set; }
    public string? EnteredByUserId { get; set; }
    public string EnteredByName { get; set; } = "";
    public DateTime EnteredAtUtc { get; set; }
}
