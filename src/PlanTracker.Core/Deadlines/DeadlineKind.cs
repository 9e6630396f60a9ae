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
}
