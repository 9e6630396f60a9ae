using PlanTracker.Core.States;

namespace PlanTracker.Core.Monitoring;

/// <summary>
/// How many work items are in each state. The on-time completion rate (what PAR criterion 1.6 rewards) is
/// DoneOnTime / (DoneOnTime + DoneLate + Overdue): of the items that were due by the as-of date, the share done on time.
/// </summary>
public sealed class StateCounts
{
    private readonly int[] counts = new int[Enum.GetValues<DeliverableState>().Length];

    public void Add(DeliverableState state) => counts[(int)state]++;

    public int this[DeliverableState state] => counts[(int)state];
    public int Total => counts.Sum();
    public int DoneOnTime => this[DeliverableState.DoneOnTime];
    public int DoneLate => this[DeliverableState.DoneLate];
    public int Overdue => this[DeliverableState.Overdue];
    public int Done => DoneOnTime + DoneLate;
    public int Awaiting => this[DeliverableState.AwaitingVerification];
    /// <summary>
    /// The rate's denominator: items done, or not done and past due. A claim awaiting Sở Nội vụ is in neither until it
    /// is accepted (then it counts as of the unit's date) or returned (then it is overdue again if past due).
    /// </summary>
    public int Due => DoneOnTime + DoneLate + Overdue;

    /// <summary>Null when nothing was due yet.</summary>
    public decimal? OnTimeRate => Due == 0 ? null : (decimal)DoneOnTime / Due;

    public decimal Share(DeliverableState state) => Total == 0 ? 0 : (decimal)this[state] / Total;

    public static StateCounts Of(IEnumerable<DeliverableState> states)
    {
        var result = new StateCounts();
        foreach (var state in states) result.Add(state);
        return result;
    }

    /// <summary>The order pages and reports list states in: what needs attention first.</summary>
    public static readonly DeliverableState[] Order =
        [DeliverableState.DoneOnTime, DeliverableState.DoneLate, DeliverableState.AwaitingVerification, DeliverableState.InProgress, DeliverableState.Overdue, DeliverableState.Ongoing, DeliverableState.NeedsDate];

    private static readonly DeliverableState[] OrderWithoutAwaiting =
        [.. Order.Where(s => s != DeliverableState.AwaitingVerification)];

    /// <summary>
    /// The states given a column of their own: "Chờ xác nhận" only for a plan that verifies completions or still holds
    /// claims (its setting may have been turned off since), so a plan that never verified reads as it always did.
    /// </summary>
    public static DeliverableState[] Columns(bool verifiesCompletions, StateCounts counts) =>
        verifiesCompletions || counts.Awaiting > 0 ? Order : OrderWithoutAwaiting;
}
