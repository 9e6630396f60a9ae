namespace PlanTracker.Core.Plans;

/// <summary>
/// A programme target's step for one year, e.g. digitised results 50 % in 2022, then 20 points more each year.
/// <see cref="Text"/> keeps the step as printed where it is not a plain figure ("tăng tối thiểu 20%").
/// </summary>
public class IndicatorStep
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int Year { get; set; }
    public decimal? Target { get; set; }
    public string? Text { get; set; }
}
