using System.Globalization;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.States;

namespace PlanTracker.Tests.Unit.States;

public class StateClassifierTests
{
    private static readonly DateOnly Due = new(2019, 12, 31);

    [Theory]
    [InlineData("2019-12-31", null, DeliverableState.InProgress)]       // due today is not yet overdue
    [InlineData("2020-01-01", null, DeliverableState.Overdue)]          // the day after is
    [InlineData("2019-06-30", null, DeliverableState.InProgress)]
    [InlineData("2020-01-05", "2019-12-31", DeliverableState.DoneOnTime)] // done on the due date
    [InlineData("2020-01-05", "2020-01-01", DeliverableState.DoneLate)]   // done the day after
    [InlineData("2020-01-05", "2019-03-01", DeliverableState.DoneOnTime)]
    [InlineData("2020-02-01", "2020-01-15", DeliverableState.DoneLate)]
    public void Classifies_a_dated_deliverable_around_its_due_date(string asOf, string? completed, DeliverableState expected)
    {
        var state = StateClassifier.Classify(DeadlineKind.Quarter, Due, completed is null ? null : DateOnly.Parse(completed, CultureInfo.InvariantCulture), DateOnly.Parse(asOf, CultureInfo.InvariantCulture));

        Assert.Equal(expected, state);
    }

    [Fact]
    public void A_completion_after_the_as_of_date_did_not_exist_yet()
    {
        var completed = new DateOnly(2020, 1, 10);

        Assert.Equal(DeliverableState.Overdue, StateClassifier.Classify(DeadlineKind.Quarter, Due, completed, new DateOnly(2020, 1, 5)));
        Assert.Equal(DeliverableState.InProgress, StateClassifier.Classify(DeadlineKind.Quarter, Due, completed, new DateOnly(2019, 11, 1)));
        Assert.Equal(DeliverableState.DoneLate, StateClassifier.Classify(DeadlineKind.Quarter, Due, completed, new DateOnly(2020, 1, 10)));
    }

    [Fact]
    public void Ongoing_deliverables_are_always_ongoing()
    {
        Assert.Equal(DeliverableState.Ongoing, StateClassifier.Classify(DeadlineKind.Ongoing, null, null, new DateOnly(2019, 5, 1)));
        Assert.Equal(DeliverableState.Ongoing, StateClassifier.Classify(DeadlineKind.Ongoing, null, new DateOnly(2019, 4, 1), new DateOnly(2019, 5, 1)));
    }

    [Theory]
    [InlineData(DeadlineKind.SetLater)]
    [InlineData(DeadlineKind.Unparsed)]
    public void Without_a_due_date_a_deliverable_needs_a_date_and_cannot_be_late(DeadlineKind kind)
    {
        var asOf = new DateOnly(2019, 5, 1);

        Assert.Equal(DeliverableState.NeedsDate, StateClassifier.Classify(kind, null, null, asOf));
        Assert.Equal(DeliverableState.DoneOnTime, StateClassifier.Classify(kind, null, new DateOnly(2019, 4, 1), asOf));
    }

    [Fact]
    public void Labels_are_the_Vietnamese_names_of_the_states()
    {
        Assert.Equal("Hoàn thành đúng hạn", DeliverableState.DoneOnTime.Label());
        Assert.Equal("Hoàn thành quá hạn", DeliverableState.DoneLate.Label());
        Assert.Equal("Đang thực hiện trong hạn", DeliverableState.InProgress.Label());
        Assert.Equal("Quá hạn", DeliverableState.Overdue.Label());
        Assert.Equal("Thường xuyên", DeliverableState.Ongoing.Label());
    }

    [Fact]
    public void Recurring_quarterly_deliverable_is_tracked_in_four_quarters()
    {
        var periods = Periods.Of(DeadlineKind.RecurringQuarterly, new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31));

        Assert.Equal(["Q1", "Q2", "Q3", "Q4"], periods.Select(p => p.Key));
        Assert.Equal(new DateOnly(2019, 6, 30), periods[1].Due);
        Assert.Single(Periods.Of(DeadlineKind.Quarter, new DateOnly(2019, 10, 1), Due));
    }
}
