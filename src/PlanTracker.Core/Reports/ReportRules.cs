namespace PlanTracker.Core.Reports;

/// <summary>When the periodic CCHC reports fall due; bound from the "Reminders:Reports" settings.</summary>
public sealed class ReportRules
{
    /// <summary>The unit the reports go to (Sở Nội vụ).</summary>
    public string RecipientUnitCode { get; set; } = "SNV";
    /// <summary>The group whose members owe the reports; every unit when empty or unknown. The recipient owes nothing.</summary>
    public string OwedByGroup { get; set; } = "SO_NGANH_QUAN_HUYEN";
    /// <summary>The data cut-off day in the period's last month (14/3, 14/6, 14/9, 14/12).</summary>
    public int CutOffDay { get; set; } = 14;
    /// <summary>The report is due at Sở Nội vụ this many working days after the cut-off.</summary>
    public int WorkingDaysAfterCutOff { get; set; } = 2;
    /// <summary>Each unit's annual CCHC plan is due on this day of January.</summary>
    public int AnnualPlanDueDay { get; set; } = 31;
    /// <summary>Reminders go out this many days before the due date.</summary>
    public int[] RemindDaysBefore { get; set; } = [];
    /// <summary>After the due date: the day after, then every this many days until submitted.</summary>
    public int OverdueEveryDays { get; set; } = 7;
    /// <summary>Public holidays (yyyy-MM-dd) that do not count as working days.</summary>
    public DateOnly[] Holidays { get; set; } = [];
    /// <summary>The largest report file a unit may attach.</summary>
    public int MaxFileMegabytes { get; set; } = 20;

    public int[] EffectiveRemindDaysBefore => RemindDaysBefore.Length > 0 ? RemindDaysBefore : [7, 2];
    public WorkingCalendar Calendar() => new(Holidays);
}
