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

public static class DeadlineKinds
{
    /// <summary>"Hàng quý", "Hằng năm", "Hàng tháng", "6 tháng một lần": due again every period of the plan's years.</summary>
    public static bool IsRecurring(this DeadlineKind kind) =>
        kind is DeadlineKind.RecurringQuarterly or DeadlineKind.RecurringYearly or DeadlineKind.RecurringMonthly or DeadlineKind.RecurringHalfYearly;

    /// <summary>Tracked per occurrence, each with its own due date and progress: the recurring kinds and lists.</summary>
    public static bool HasOccurrences(this DeadlineKind kind) => kind.IsRecurring() || kind == DeadlineKind.List;

    /// <summary>The kinds tracked per occurrence, for queries.</summary>
    public static readonly DeadlineKind[] WithOccurrences =
        [DeadlineKind.RecurringQuarterly, DeadlineKind.RecurringYearly, DeadlineKind.RecurringMonthly, DeadlineKind.RecurringHalfYearly, DeadlineKind.List];
}
