namespace PlanTracker.Core.Deadlines;

/// <summary>What a printed deadline means. Serialised in camelCase ("recurringQuarterly").</summary>
public enum DeadlineKind
{
    Unparsed,
    Date,
    Month,
    Quarter,
    HalfYear,
    Year,
    Window,
    RecurringQuarterly,
    Ongoing,
    SetLater,
    RecurringYearly,
    RecurringMonthly,
    RecurringHalfYearly,
    /// <summary>Several named periods, e.g. "Quý II, Quý IV năm 2020": one occurrence each.</summary>
    List,
}
