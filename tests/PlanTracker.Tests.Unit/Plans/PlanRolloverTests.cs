using System.Globalization;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Plans;

namespace PlanTracker.Tests.Unit.Plans;

public class PlanRolloverTests
{
    [Theory]
    // From the 2019 plan into 2020: every year the text names moves by one; the rest is kept as written.
    [InlineData("Quý IV năm 2018", "Quý IV năm 2019", DeadlineKind.Quarter, "2019-12-31")]
    [InlineData("Quý IV năm 2019", "Quý IV năm 2020", DeadlineKind.Quarter, "2020-12-31")]
    [InlineData("Trong năm 2019", "Trong năm 2020", DeadlineKind.Year, "2020-12-31")]
    [InlineData("Trong năm 2019, theo chỉ đạo của Thành ủy", "Trong năm 2020, theo chỉ đạo của Thành ủy", DeadlineKind.Year, "2020-12-31")]
    [InlineData("Tháng 12 năm 2018", "Tháng 12 năm 2019", DeadlineKind.Month, "2019-12-31")]
    [InlineData("trước ngày 31 tháng 01 năm 2019", "trước ngày 31 tháng 01 năm 2020", DeadlineKind.Date, "2020-01-31")]
    [InlineData("trước ngày 31/01/2019", "trước ngày 31/01/2020", DeadlineKind.Date, "2020-01-31")]
    [InlineData("Quý III/2019", "Quý III/2020", DeadlineKind.Quarter, "2020-09-30")]
    [InlineData("Tháng 2 năm 2019", "Tháng 2 năm 2020", DeadlineKind.Month, "2020-02-29")]
    // Two years in one text: both move.
    [InlineData("Quý IV năm 2018 - Quý II năm 2019", "Quý IV năm 2019 - Quý II năm 2020", DeadlineKind.Window, "2020-06-30")]
    [InlineData("Giai đoạn 2019-2020", "Giai đoạn 2020-2021", null, null)]
    // No year: the same words, read in the new year.
    [InlineData("Quý I", "Quý I", DeadlineKind.Quarter, "2020-03-31")]
    [InlineData("trước 15/12", "trước 15/12", DeadlineKind.Date, "2020-12-15")]
    [InlineData("Hàng quý", "Hàng quý", DeadlineKind.RecurringQuarterly, "2020-12-31")]
    [InlineData("Thường xuyên", "Thường xuyên", DeadlineKind.Ongoing, null)]
    [InlineData("Theo hướng dẫn của Bộ Nội vụ", "Theo hướng dẫn của Bộ Nội vụ", DeadlineKind.SetLater, null)]
    // Numbers that are not years stay.
    [InlineData("Trong 30 ngày kể từ ngày 15/3", "Trong 30 ngày kể từ ngày 15/3", null, null)]
    [InlineData("Theo Kế hoạch 12345/KH-UBND", "Theo Kế hoạch 12345/KH-UBND", null, null)]
    public void Years_named_in_a_deadline_move_with_the_plan(string printed, string moved, DeadlineKind? kind, string? due)
    {
        var proposed = PlanRollover.Propose(printed, 2019, 2020);

        Assert.Equal(moved, proposed.Text);
        if (kind is { } k) Assert.Equal(k, proposed.Kind);
        if (due is not null || kind is not null)
            Assert.Equal(due is null ? null : DateOnly.Parse(due, CultureInfo.InvariantCulture), proposed.Due);
    }

    [Theory]
    [InlineData("Quý IV năm 2019", 3, "Quý IV năm 2022")]
    [InlineData("Quý IV năm 2019", -1, "Quý IV năm 2018")]
    [InlineData("Quý IV năm 2019", 0, "Quý IV năm 2019")]
    [InlineData("Giai đoạn 2021-2025", 5, "Giai đoạn 2026-2030")]
    public void Shift_moves_by_any_number_of_years(string text, int years, string expected) =>
        Assert.Equal(expected, PlanRollover.ShiftYears(text, years));

    [Fact]
    public void Proposals_follow_reading_order_and_leave_retired_items_and_their_sub_items_behind()
    {
        var section = new Section { Id = 1, Number = 1, Title = "Cải cách thể chế" };
        PlanTask Task(int id, string code, int order, int? parent = null, bool retired = false, params (int Id, string Text, bool Retired)[] deliverables)
        {
            var task = new PlanTask { Id = id, Code = code, Activity = code, SortOrder = order, ParentTaskId = parent, IsRetired = retired, SectionId = 1 };
            foreach (var (did, text, r) in deliverables)
            {
                var d = new Deliverable { Id = did, TaskId = id, Product = $"Sản phẩm {did}", IsRetired = r };
                d.ApplyDeadline(DeadlineParser.Parse(text, 2019));
                task.Deliverables.Add(d);
            }
            section.Tasks.Add(task);
            return task;
        }
        Task(3, "1.b", 2, null, false, (30, "Quý II năm 2019", false));
        Task(1, "1.a", 0, null, false, (10, "Quý IV năm 2018", false), (11, "Hàng quý", true));
        Task(2, "1.a.1", 1, 1, false, (20, "Thường xuyên", false));
        Task(4, "1.c", 3, null, true, (40, "Quý I", false));
        Task(5, "1.c.1", 4, 4, false, (50, "Quý I", false));
        var plan = new Plan { Number = "163/KH-UBND", Title = "t", Year = 2019, EndYear = 2019, Sections = [section] };

        var proposals = PlanRollover.Propose(plan, 2020);

        Assert.Equal([10, 20, 30], proposals.Select(p => p.DeliverableId));
        Assert.Equal(("1.a", "Quý IV năm 2018", new DateOnly(2018, 12, 31), "Quý IV năm 2019", new DateOnly(2019, 12, 31), true),
            (proposals[0].TaskCode, proposals[0].OldText, proposals[0].OldDue, proposals[0].New.Text, proposals[0].New.Due, proposals[0].Moved));
        Assert.False(proposals[1].Moved); // "Thường xuyên" has no date in any year
    }
}
