namespace PlanTracker.Core.Reminders;

/// <summary>The reminder rules, bound from the "Reminders" settings.</summary>
public sealed class ReminderRules
{
    /// <summary>Deliverables are announced this many days before their due date.</summary>
    public int[] DueSoonDays { get; set; } = [];
    /// <summary>Overdue deliverables: the day after the due date, then every this many days while not done.</summary>
    public int OverdueEveryDays { get; set; } = 7;
    /// <summary>From this many days overdue, Sở Nội vụ gets a copy of each overdue reminder.</summary>
    public int CopyFromDaysOverdue { get; set; } = 14;
    /// <summary>The standing agency for CCHC, which gets the copies and the weekly summary.</summary>
    public string StandingAgencyUnitCode { get; set; } = "SNV";
    public DayOfWeek WeeklySummaryDay { get; set; } = DayOfWeek.Monday;

    public int[] EffectiveDueSoonDays => DueSoonDays.Length > 0 ? DueSoonDays : [7, 1];
    public int OverdueStep => Math.Max(1, OverdueEveryDays);
}
