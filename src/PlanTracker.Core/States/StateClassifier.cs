using PlanTracker.Core.Deadlines;

namespace PlanTracker.Core.States;

/// <summary>
/// The one rule that every page, report and reminder uses. For due date T, completion date C and
/// as-of date D: done and C ≤ T is on time; done and C > T is late; not done and D ≤ T is in progress;
/// not done and D > T is overdue. A completion after D did not exist yet on D, so it does not count.
/// </summary>
public static class StateClassifier
{
    public static DeliverableState Classify(DeadlineKind kind, DateOnly? due, DateOnly? completedOn, DateOnly asOf)
    {
        if (kind == DeadlineKind.Ongoing) return DeliverableState.Ongoing;
        var doneBy = completedOn is { } c && c <= asOf ? completedOn : null;
        if (due is not { } t)
            return doneBy is null ? DeliverableState.NeedsDate : DeliverableState.DoneOnTime;
        if (doneBy is { } done)
            return done <= t ? DeliverableState.DoneOnTime : DeliverableState.DoneLate;
        return asOf <= t ? DeliverableState.InProgress : DeliverableState.Overdue;
    }

    /// <summary>
    /// The rule for a record that may be a claim awaiting Sở Nội vụ (<paramref name="awaitingVerification"/>, with
    /// <paramref name="completedOn"/> the date the unit claims). From that date on the item is awaiting whatever its due
    /// date: it is not done until accepted, and calling it overdue would chase a unit that has done its part; it is
    /// the verifier who owes the next step. Before that date the claim did not exist yet.
    /// </summary>
    public static DeliverableState Classify(DeadlineKind kind, DateOnly? due, DateOnly? completedOn, DateOnly asOf, bool awaitingVerification)
    {
        if (!awaitingVerification) return Classify(kind, due, completedOn, asOf);
        if (kind != DeadlineKind.Ongoing && completedOn is { } claimed && claimed <= asOf) return DeliverableState.AwaitingVerification;
        return Classify(kind, due, null, asOf);
    }

    public static bool IsDone(this DeliverableState state) => state is DeliverableState.DoneOnTime or DeliverableState.DoneLate;

    public static string Label(this DeliverableState state) => state switch
    {
        DeliverableState.DoneOnTime => "Hoàn thành đúng hạn",
        DeliverableState.DoneLate => "Hoàn thành quá hạn",
        DeliverableState.InProgress => "Đang thực hiện trong hạn",
        DeliverableState.Overdue => "Quá hạn",
        DeliverableState.Ongoing => "Thường xuyên",
        DeliverableState.AwaitingVerification => "Chờ xác nhận",
        _ => "Chưa có hạn",
    };
}
