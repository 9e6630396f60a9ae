using PlanTracker.Core.Plans;

namespace PlanTracker.Tests.Unit.Plans;

public class TaskCodeOrderTests
{
    [Fact]
    public void Ranks_order_codes_as_the_comparer_does()
    {
        string[] codes = ["2.m.1", "10", "2.b", "1.c", "2.m", "2", "1.a", "1.a", "2.đ", "2.d", "1.x1", "1.2", "1.10", "1.9", "2.m", "3.b.2", "3.b.10"];

        var rank = TaskCodeOrder.Ranks(codes);

        Assert.Equal(codes.Distinct().Order(TaskCodeOrder.Instance), codes.Distinct().OrderBy(rank));
        Assert.Equal(["1.2", "1.9", "1.10", "1.a", "1.c", "1.x1", "2", "2.b", "2.d", "2.đ", "2.m", "2.m.1", "3.b.2", "3.b.10", "10"],
            codes.Distinct().OrderBy(rank));
    }

    [Fact]
    public void Ranks_keep_codes_the_comparer_finds_equal_in_the_order_they_came()
    {
        // "01" and "1" are the same number: the sort is stable, so the first one read comes first.
        var rank = TaskCodeOrder.Ranks(["2.01", "1", "2.1", "2.0"]);

        Assert.True(rank("2.0") < rank("2.01"));
        Assert.True(rank("2.01") < rank("2.1"));
        Assert.True(rank("1") < rank("2.0"));
    }
}
