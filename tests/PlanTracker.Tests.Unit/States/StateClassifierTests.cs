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

    [Theory]
    [InlineData("2019-09-30", DeliverableState.AwaitingVerification)] // claimed before its due date
    [InlineData("2020-03-01", DeliverableState.AwaitingVerification)] // still awaiting long after it: not overdue, the verifier owes the step
    [InlineData("2019-09-09", DeliverableState.InProgress)]           // the day before the claim, it did not exist yet
    public void A_claim_awaiting_verification_is_awaiting_whatever_its_due_date(string asOf, DeliverableState expected)
    {
        var claimed = new DateOnly(2019, 9, 10);

        var state = StateClassifier.Classify(DeadlineKind.Quarter, Due, claimed, DateOnly.Parse(asOf, CultureInfo.InvariantCulture), awaitingVerification: true);

        Assert.Equal(expected, state);
        Assert.False(state.IsDone());
    }

    [Fact]
    public void A_claim_made_after_the_due_date_is_overdue_until_it_is_made()
    {
        var state = StateClassifier.Classify(DeadlineKind.Quarter, Due, new DateOnly(2020, 2, 1), new DateOnly(2020, 1, 15), awaitingVerification: true);

        Assert.Equal(DeliverableState.Overdue, state);
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

    [Fact]
    public void Yearly_deliverable_of_a_programme_is_tracked_once_a_year()
    {
        var periods = Periods.Of(DeadlineKind.RecurringYearly, new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31));

        Assert.Equal(["2021", "2022", "2023", "2024", "2025"], periods.Select(p => p.Key));
        Assert.Equal(new DateOnly(2022, 12, 31), periods[1].Due);
        Assert.Equal("Năm 2022", Periods.Label(periods[1].Key));
    }

    [Fact]
    public void A_missed_yearly_occurrence_stays_overdue_while_the_next_is_not_yet_due()
    {
        var periods = Periods.Of(DeadlineKind.RecurringYearly, new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31));
        var on = new DateOnly(2023, 3, 1);

        var states = periods.Select(p => StateClassifier.Classify(DeadlineKind.RecurringYearly, p.Due, p.Key == "2021" ? new DateOnly(2021, 12, 20) : null, on));

        Assert.Equal([DeliverableState.DoneOnTime, DeliverableState.Overdue, DeliverableState.InProgress, DeliverableState.InProgress, DeliverableState.InProgress], states);
    }

    [Theory]
    [InlineData(DeadlineKind.RecurringMonthly, 2019, 2019, 12, "M1", "Tháng 1")]
    [InlineData(DeadlineKind.RecurringMonthly, 2021, 2022, 24, "2021-M1", "Tháng 1/2021")]
    [InlineData(DeadlineKind.RecurringHalfYearly, 2019, 2019, 2, "H1", "6 tháng đầu năm")]
    [InlineData(DeadlineKind.RecurringHalfYearly, 2021, 2025, 10, "2021-H1", "6 tháng đầu năm 2021")]
    [InlineData(DeadlineKind.RecurringQuarterly, 2021, 2025, 20, "2021-Q1", "Quý 1/2021")]
    public void Recurring_deliverables_are_tracked_per_occurrence_with_the_year_in_the_key_when_they_span_years(
        DeadlineKind kind, int from, int to, int count, string firstKey, string firstLabel)
    {
        var periods = Periods.Of(kind, new DateOnly(from, 1, 1), new DateOnly(to, 12, 31));

        Assert.Equal((count, firstKey, firstLabel), (periods.Count, periods[0].Key, Periods.Label(periods[0].Key)));
        Assert.Equal(periods.Count, periods.Select(p => p.Key).Distinct().Count());
        Assert.All(periods, p => Assert.True(p.Key.Length <= 8, p.Key)); // progress and attachment periods hold 8 characters
    }

    [Fact]
    public void A_list_deliverable_is_tracked_in_the_periods_its_text_names()
    {
        var periods = Periods.Of(DeadlineKind.List, new DateOnly(2020, 4, 1), new DateOnly(2020, 12, 31), "Quý II, Quý IV năm 2020");
        var yearless = Periods.Of(DeadlineKind.List, new DateOnly(2022, 3, 1), new DateOnly(2022, 9, 30), "Tháng 3 và tháng 9");

        Assert.Equal([("Q2", new DateOnly(2020, 6, 30)), ("Q4", new DateOnly(2020, 12, 31))], periods.Select(p => (p.Key, p.Due!.Value)));
        Assert.Equal([("M3", new DateOnly(2022, 3, 31)), ("M9", new DateOnly(2022, 9, 30))], yearless.Select(p => (p.Key, p.Due!.Value)));
    }
}
