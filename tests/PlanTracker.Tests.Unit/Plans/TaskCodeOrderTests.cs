using PlanTracker.Core.Plans;

namespace PlanTracker.Tests.Unit.Plans;

public class TaskCodeOrderTests
{
    [Fact]
    public void Codes_are_ordered_as_the_plan_numbers_them()
    {
        string[] codes = ["2.m.1", "10", "2.m", "2", "2.b", "2.đ", "2.d", "1.a", "2.10", "2.9", "2.x"];

        Assert.Equal(["1.a", "2", "2.9", "2.10", "2.b", "2.d", "2.đ", "2.m", "2.m.1", "2.x", "10"], codes.Order(TaskCodeOrder.Instance));
    }

    [Fact]
    public void Ranks_order_many_codes_as_the_comparer_does_and_keep_first_appearance_for_equal_codes()
    {
        var random = new Random(163);
        var codes = Enumerable.Range(0, 3000)
            .Select(_ => string.Join('.', Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => random.Next(3) switch { 0 => $"{random.Next(1, 30)}", 1 => "abcdđeghiklm"[random.Next(12)].ToString(), _ => $"0{random.Next(1, 9)}" })))
            .ToList();

        var rank = TaskCodeOrder.Ranks(codes);

        var expected = codes.Distinct().Order(TaskCodeOrder.Instance).ToList();
        Assert.Equal(expected, codes.Distinct().OrderBy(rank).ToList());
    }
}
