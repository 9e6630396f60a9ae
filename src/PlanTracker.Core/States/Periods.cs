using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Plans;

namespace PlanTracker.Core.States;

/// <summary>The periods a deliverable is tracked in: one for a one-off deadline, one per quarter for "Hàng quý".</summary>
public static class Periods
{
    public sealed record Period(string Key, DateOnly? Start, DateOnly? Due);

    public static IReadOnlyList<Period> Of(DeadlineKind kind, DateOnly? start, DateOnly? due)
    {
        if (kind != DeadlineKind.RecurringQuarterly || start is not { } first || due is not { } last)
            return [new Period("", start, due)];
        var periods = new List<Period>();
        for (var quarterStart = new DateOnly(first.Year, (first.Month - 1) / 3 * 3 + 1, 1); quarterStart <= last; quarterStart = quarterStart.AddMonths(3))
            periods.Add(new Period($"Q{(quarterStart.Month + 2) / 3}", quarterStart, quarterStart.AddMonths(3).AddDays(-1)));
        return periods;
    }

    public static IReadOnlyList<Period> Of(Deliverable d) => Of(d.DeadlineKind, d.DeadlineStart, d.DeadlineDue);

    /// <summary>The quarter keys an ongoing deliverable takes progress notes for.</summary>
    public static readonly string[] Quarters = ["Q1", "Q2", "Q3", "Q4"];

    public static string Label(string key) => key switch
    {
        "" => "",
        ['Q', var n] => $"Quý {n}",
        _ => key,
    };
}
