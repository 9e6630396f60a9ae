namespace PlanTracker.Core.PeriodicReports;

/// <summary>Who receives the periodic CCHC reports and when they fall due; bound from the "Reports" settings.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>The unit the reports go to (Sở Nội vụ); it owes none itself, even where a duty names it.</summary>
    public string RecipientUnitCode { get; set; } = "SNV";
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
    /// <summary>The largest report file a unit may attach.</summary>
    public int MaxFileMegabytes { get; set; } = 20;

    public int[] EffectiveRemindDaysBefore => RemindDaysBefore.Length > 0 ? RemindDaysBefore : [7, 2];
}

/// <summary>The public holidays (yyyy-MM-dd) that are not working days; bound from the "Calendar" settings.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    public DateOnly[] Holidays { get; set; } = [];
}
