using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.States;

namespace PlanTracker.Tests.Unit.Monitoring;

/// <summary>Plan deadline 30/06/2019, extended to 31/08/2019.</summary>
public class CountedWorkItemTests
{
    private static readonly DateOnly Original = new(2019, 6, 30), Extended = new(2019, 8, 31);

    private static CountedWorkItem Item(DateOnly? completed, bool byHigherLevel = false) =>
        new(1, 1, 1, DeadlineKind.Quarter, Extended, completed, Original, byHigherLevel);

    [Fact]
    public void Between_the_two_deadlines_an_unfinished_item_is_in_progress_and_overdue_against_the_original()
    {
        var item = Item(null);
        var day = new DateOnly(2019, 7, 15);

        Assert.Equal((DeliverableState.InProgress, DeliverableState.Overdue), (item.StateOn(day), item.OriginalStateOn(day)));
        Assert.Equal(DeliverableState.Overdue, item.StateOn(Extended.AddDays(1)));
    }

    [Fact]
    public void Done_between_the_two_deadlines_is_on_time_against_the_extension_and_late_against_the_original()
    {
        var item = Item(new DateOnly(2019, 8, 15));
        var day = new DateOnly(2019, 10, 1);

        Assert.Equal((DeliverableState.DoneOnTime, DeliverableState.DoneLate), (item.StateOn(day), item.OriginalStateOn(day)));
        Assert.Equal(DeliverableState.DoneOnTime, item.ParStateOn(day));
        Assert.Equal(DeliverableState.DoneLate, Item(new DateOnly(2019, 8, 15), byHigherLevel: true).ParStateOn(day));
    }

    [Fact]
    public void Without_an_extension_both_states_agree()
    {
        var item = new CountedWorkItem(1, 1, 1, DeadlineKind.Quarter, Original, null);

        Assert.Equal(item.StateOn(new DateOnly(2019, 7, 1)), item.OriginalStateOn(new DateOnly(2019, 7, 1)));
    }
}
