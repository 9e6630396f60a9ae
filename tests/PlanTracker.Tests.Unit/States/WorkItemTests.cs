using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Progress;
using PlanTracker.Core.States;

namespace PlanTracker.Tests.Unit.States;

/// <summary>A kept item classified again for another day ("Nhiệm vụ của tôi" keeps its list across days). Plan deadline 30/06/2019, extended to 31/08/2019.</summary>
public class WorkItemTests
{
    private static readonly DateOnly Original = new(2019, 6, 30), Extended = new(2019, 8, 31);

    private static WorkItem Item(DeliverableProgress? progress, DeadlineKind kind = DeadlineKind.Quarter) =>
        new(1, 1, 1, 1, "1.a", "", null, 1, "", kind, "Quý II", kind == DeadlineKind.Ongoing ? null : Extended,
            DeliverableState.NeedsDate, progress) { OriginalDue = kind == DeadlineKind.Ongoing ? null : Original };

    [Fact]
    public void Between_the_two_deadlines_an_unfinished_item_is_in_progress_and_overdue_against_the_original()
    {
        var item = Item(new DeliverableProgress { Status = ProgressStatus.InProgress, ProgressPercent = 40 }).On(new DateOnly(2019, 7, 15));

        Assert.Equal((DeliverableState.InProgress, DeliverableState.Overdue), (item.State, item.OriginalState));
        Assert.Equal(DeliverableState.Overdue, item.StateOn(Extended.AddDays(1)));
    }

    [Fact]
    public void A_completion_counts_from_its_date_on()
    {
        var item = Item(new DeliverableProgress { Status = ProgressStatus.Done, CompletedOn = new DateOnly(2019, 8, 15) });

        Assert.Equal(DeliverableState.InProgress, item.StateOn(new DateOnly(2019, 8, 1)));
        Assert.Equal((DeliverableState.DoneOnTime, DeliverableState.DoneLate), (item.On(new DateOnly(2019, 10, 1)).State, item.On(new DateOnly(2019, 10, 1)).OriginalState));
    }

    [Fact]
    public void A_claim_awaits_verification_from_its_date_and_a_returned_one_is_not_done()
    {
        var claimed = Item(new DeliverableProgress { Status = ProgressStatus.AwaitingVerification, CompletedOn = new DateOnly(2019, 9, 20) });
        var returned = Item(new DeliverableProgress { Status = ProgressStatus.InProgress, CompletedOn = new DateOnly(2019, 9, 20), ReturnReason = "Thiếu văn bản" });

        Assert.Equal(DeliverableState.AwaitingVerification, claimed.StateOn(new DateOnly(2019, 10, 1)));
        Assert.Equal(DeliverableState.InProgress, claimed.StateOn(new DateOnly(2019, 8, 1)));
        Assert.Equal(DeliverableState.Overdue, returned.StateOn(new DateOnly(2019, 10, 1)));
    }

    [Fact]
    public void An_ongoing_item_is_ongoing_on_every_day()
    {
        var item = Item(new DeliverableProgress { Status = ProgressStatus.Done, CompletedOn = new DateOnly(2019, 3, 1) }, DeadlineKind.Ongoing);

        Assert.Equal(DeliverableState.Ongoing, item.StateOn(new DateOnly(2019, 1, 1)));
        Assert.Equal((DeliverableState.Ongoing, DeliverableState.Ongoing), (item.On(new DateOnly(2020, 1, 1)).State, item.On(new DateOnly(2020, 1, 1)).OriginalState));
    }
}
