using System.Globalization;
using PlanTracker.Core.Deadlines;

namespace PlanTracker.Tests.Unit.Deadlines;

/// <summary>The deadline forms of multi-year programmes and recurring duties, read over a plan's period.</summary>
public class PeriodDeadlineParserTests
{
    private static DateOnly? Day(string? iso) => iso is null ? null : DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    // Years and periods of years.
    [InlineData("Đến năm 2025", DeadlineKind.Year, "2025-01-01", "2025-12-31", 0)]
    [InlineData("đến năm 2025", DeadlineKind.Year, "2025-01-01", "2025-12-31", 0)]
    [InlineData("Đến hết năm 2025", DeadlineKind.Year, "2025-01-01", "2025-12-31", 0)]
    [InlineData("ĐẾN NĂM 2025.", DeadlineKind.Year, "2025-01-01", "2025-12-31", 0)]
    [InlineData("Giai đoạn 2021-2025", DeadlineKind.Window, "2021-01-01", "2025-12-31", 0)]
    [InlineData("Giai đoạn 2021 - 2025", DeadlineKind.Window, "2021-01-01", "2025-12-31", 0)]
    [InlineData("giai đoạn 2021–2025", DeadlineKind.Window, "2021-01-01", "2025-12-31", 0)]
    [InlineData("Trong giai đoạn 2021-2025", DeadlineKind.Window, "2021-01-01", "2025-12-31", 0)]
    [InlineData("2021 - 2025", DeadlineKind.Window, "2021-01-01", "2025-12-31", 0)]
    [InlineData("2021-2023", DeadlineKind.Window, "2021-01-01", "2023-12-31", 0)]
    [InlineData("Từ năm 2021 đến năm 2025", DeadlineKind.Window, "2021-01-01", "2025-12-31", 0)]
    // Recurring, over the period 2021-2025.
    [InlineData("Hằng năm", DeadlineKind.RecurringYearly, "2021-01-01", "2025-12-31", 5)]
    [InlineData("Hàng năm", DeadlineKind.RecurringYearly, "2021-01-01", "2025-12-31", 5)]
    [InlineData("hằng năm", DeadlineKind.RecurringYearly, "2021-01-01", "2025-12-31", 5)]
    [InlineData("HÀNG NĂM", DeadlineKind.RecurringYearly, "2021-01-01", "2025-12-31", 5)]
    [InlineData("Hang nam", DeadlineKind.RecurringYearly, "2021-01-01", "2025-12-31", 5)]
    [InlineData("Định kỳ hằng năm", DeadlineKind.RecurringYearly, "2021-01-01", "2025-12-31", 5)]
    [InlineData("Hàng   năm", DeadlineKind.RecurringYearly, "2021-01-01", "2025-12-31", 5)]
    [InlineData("Hàng tháng", DeadlineKind.RecurringMonthly, "2021-01-01", "2025-12-31", 60)]
    [InlineData("Hằng tháng", DeadlineKind.RecurringMonthly, "2021-01-01", "2025-12-31", 60)]
    [InlineData("Định kỳ hàng tháng", DeadlineKind.RecurringMonthly, "2021-01-01", "2025-12-31", 60)]
    [InlineData("Hàng tháng năm 2022", DeadlineKind.RecurringMonthly, "2022-01-01", "2022-12-31", 12)]
    [InlineData("6 tháng một lần", DeadlineKind.RecurringHalfYearly, "2021-01-01", "2025-12-31", 10)]
    [InlineData("06 tháng một lần", DeadlineKind.RecurringHalfYearly, "2021-01-01", "2025-12-31", 10)]
    [InlineData("Định kỳ 6 tháng", DeadlineKind.RecurringHalfYearly, "2021-01-01", "2025-12-31", 10)]
    [InlineData("định kỳ 06 tháng", DeadlineKind.RecurringHalfYearly, "2021-01-01", "2025-12-31", 10)]
    [InlineData("Định kỳ 6 tháng một lần", DeadlineKind.RecurringHalfYearly, "2021-01-01", "2025-12-31", 10)]
    [InlineData("6 tháng/lần", DeadlineKind.RecurringHalfYearly, "2021-01-01", "2025-12-31", 10)]
    [InlineData("Hàng quý", DeadlineKind.RecurringQuarterly, "2021-01-01", "2025-12-31", 20)]
    [InlineData("Hàng quý năm 2023", DeadlineKind.RecurringQuarterly, "2023-01-01", "2023-12-31", 4)]
    // Lists: one occurrence per named period; a trailing year covers the periods before it.
    [InlineData("Quý II, Quý IV năm 2020", DeadlineKind.List, "2020-04-01", "2020-12-31", 2)]
    [InlineData("Quý II và Quý IV năm 2020", DeadlineKind.List, "2020-04-01", "2020-12-31", 2)]
    [InlineData("quý 2, quý 4 năm 2020", DeadlineKind.List, "2020-04-01", "2020-12-31", 2)]
    [InlineData("Tháng 3 và tháng 9 năm 2022", DeadlineKind.List, "2022-03-01", "2022-09-30", 2)]
    [InlineData("Tháng 3, tháng 6, tháng 9 và tháng 12 năm 2022", DeadlineKind.List, "2022-03-01", "2022-12-31", 4)]
    [InlineData("Quý IV năm 2021, Quý II năm 2022", DeadlineKind.List, "2021-10-01", "2022-06-30", 2)]
    [InlineData("Quý II, Quý IV", DeadlineKind.List, "2021-04-01", "2021-12-31", 2)]
    [InlineData("6 tháng đầu năm 2022, 6 tháng cuối năm 2022", DeadlineKind.List, "2022-01-01", "2022-12-31", 2)]
    [InlineData("Quý IV, Quý II năm 2020", DeadlineKind.List, "2020-04-01", "2020-12-31", 2)]
    // One-off forms keep their reading; without a year they mean the first year of the period.
    [InlineData("Quý I", DeadlineKind.Quarter, "2021-01-01", "2021-03-31", 0)]
    [InlineData("Trong năm 2023", DeadlineKind.Year, "2023-01-01", "2023-12-31", 0)]
    [InlineData("Quý II - Quý IV năm 2022", DeadlineKind.Window, "2022-04-01", "2022-12-31", 0)]
    public void Reads_the_forms_of_a_five_year_programme(string text, DeadlineKind kind, string start, string due, int occurrences)
    {
        var parsed = DeadlineParser.Parse(text, 2021, 2025);

        var printed = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)); // runs of spaces are kept as one
        Assert.Equal((kind, Day(start), Day(due), occurrences, printed), (parsed.Kind, parsed.Start, parsed.Due, parsed.Occurrences.Count, parsed.Text));
    }

    [Theory]
    [InlineData("Hằng năm", DeadlineKind.RecurringYearly, 1)]
    [InlineData("Hàng tháng", DeadlineKind.RecurringMonthly, 12)]
    [InlineData("6 tháng một lần", DeadlineKind.RecurringHalfYearly, 2)]
    [InlineData("Hàng quý", DeadlineKind.RecurringQuarterly, 4)]
    public void In_a_plan_of_one_year_a_recurring_deadline_covers_that_year_only(string text, DeadlineKind kind, int occurrences)
    {
        var oneYear = DeadlineParser.Parse(text, 2019);

        Assert.Equal((kind, new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31), occurrences),
            (oneYear.Kind, oneYear.Start!.Value, oneYear.Due!.Value, oneYear.Occurrences.Count));
        var period = DeadlineParser.Parse(text, 2019, 2019);
        Assert.Equal((oneYear.Kind, oneYear.Start, oneYear.Due), (period.Kind, period.Start, period.Due));
        Assert.Equal(oneYear.Occurrences, period.Occurrences);
    }

    [Fact]
    public void Yearly_occurrences_are_each_year_of_the_period_due_on_31_december()
    {
        var parsed = DeadlineParser.Parse("Hằng năm", 2021, 2025);

        Assert.Equal([2021, 2022, 2023, 2024, 2025], parsed.Occurrences.Select(o => o.Due.Year));
        Assert.All(parsed.Occurrences, o => Assert.Equal((1, 1, 12, 31), (o.Start.Month, o.Start.Day, o.Due.Month, o.Due.Day)));
    }

    [Fact]
    public void Half_yearly_occurrences_end_on_30_june_and_31_december()
    {
        var parsed = DeadlineParser.Parse("Định kỳ 6 tháng", 2021, 2022);

        Assert.Equal([new(2021, 6, 30), new(2021, 12, 31), new(2022, 6, 30), new(2022, 12, 31)], parsed.Occurrences.Select(o => o.Due));
    }

    [Fact]
    public void Monthly_occurrences_end_on_each_month_end()
    {
        var parsed = DeadlineParser.Parse("Hàng tháng", 2020);

        Assert.Equal(new DateOnly(2020, 2, 29), parsed.Occurrences[1].Due);
        Assert.Equal(new DateOnly(2020, 12, 1), parsed.Occurrences[^1].Start);
    }

    [Fact]
    public void A_list_has_one_occurrence_per_named_period_in_time_order()
    {
        var quarters = DeadlineParser.Parse("Quý II, Quý IV năm 2020", 2020);
        var months = DeadlineParser.Parse("Tháng 3 và tháng 9 năm 2022", 2022);

        Assert.Equal([new(new(2020, 4, 1), new(2020, 6, 30)), new(new(2020, 10, 1), new(2020, 12, 31))], quarters.Occurrences);
        Assert.Equal([new(new(2022, 3, 1), new(2022, 3, 31)), new(new(2022, 9, 1), new(2022, 9, 30))], months.Occurrences);
    }

    [Fact]
    public void A_list_followed_by_a_qualifier_keeps_it_as_its_note()
    {
        var parsed = DeadlineParser.Parse("Quý II và Quý IV năm 2020 (theo hướng dẫn của Bộ)", 2020);

        Assert.Equal((DeadlineKind.List, 2, "theo hướng dẫn của Bộ"), (parsed.Kind, parsed.Occurrences.Count, parsed.Note));
    }

    [Theory]
    // Readings of one-year plans that stay as they were.
    [InlineData("Hàng năm 2019", DeadlineKind.Year)]
    [InlineData("hằng quý, 6 tháng và hằng năm", DeadlineKind.RecurringQuarterly)]
    [InlineData("Quý II - Quý IV năm 2019", DeadlineKind.Window)]
    [InlineData("Trong năm 2019", DeadlineKind.Year)]
    [InlineData("2019", DeadlineKind.Year)]
    [InlineData("Định kỳ quý I, 6 tháng, quý III và năm", DeadlineKind.Unparsed)]
    public void Forms_read_before_keep_their_reading(string text, DeadlineKind kind) =>
        Assert.Equal(kind, DeadlineParser.Parse(text, 2019).Kind);

    [Theory]
    [InlineData("Giai đoạn 2025-2021")]
    [InlineData("2021 - 2021")]
    [InlineData("Giai đoạn 0000-2025")]
    [InlineData("Đến năm")]
    [InlineData("Hằng")]
    [InlineData("hằng năm nay")]
    [InlineData("7 tháng một lần")]
    [InlineData("Hàng tuần")]
    [InlineData("Quý V, Quý VI năm 2020")]
    [InlineData("Tháng 3 và tháng 13 năm 2022")]
    [InlineData(", , ,")]
    [InlineData("và")]
    public void Nonsense_stays_unparsed(string text)
    {
        var parsed = DeadlineParser.Parse(text, 2021, 2025);

        Assert.Equal((DeadlineKind.Unparsed, (DateOnly?)null, 0), (parsed.Kind, parsed.Due, parsed.Occurrences.Count));
        Assert.Equal(text, parsed.Text);
    }

    [Theory]
    [InlineData(2025, 2021)]
    [InlineData(2021, 99999)]
    [InlineData(2021, -5)]
    public void A_period_that_ends_before_it_starts_or_out_of_range_is_the_first_year_alone(int from, int to) =>
        Assert.Single(DeadlineParser.Parse("Hằng năm", from, to).Occurrences);

    [Theory]
    [InlineData(DeadlineKind.RecurringQuarterly, true)]
    [InlineData(DeadlineKind.RecurringYearly, true)]
    [InlineData(DeadlineKind.RecurringMonthly, true)]
    [InlineData(DeadlineKind.RecurringHalfYearly, true)]
    [InlineData(DeadlineKind.List, false)]
    [InlineData(DeadlineKind.Window, false)]
    [InlineData(DeadlineKind.Ongoing, false)]
    public void Recurring_kinds_are_those_due_again_every_period(DeadlineKind kind, bool recurring)
    {
        Assert.Equal(recurring, kind.IsRecurring());
        Assert.Equal(recurring || kind == DeadlineKind.List, kind.HasOccurrences());
    }
}
