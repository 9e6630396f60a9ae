using PlanTracker.Core.Monitoring;

namespace PlanTracker.Tests.Unit.Monitoring;

/// <summary>The PAR Index scoring rule: bands from the highest rate down, with the settings appsettings.json ships.</summary>
public class ParScoringTests
{
    private static ParCriterion Reports() => new()
    {
        Code = "1.2", Name = "Thực hiện chế độ báo cáo định kỳ", MaxPoints = 3m,
        Bands = [new() { MinRate = 1m, Points = 3m }, new() { MinRate = 0.9m, Points = 2.5m }, new() { MinRate = 0.75m, Points = 1.75m }, new() { MinRate = 0.5m, Points = 1m }],
    };

    private static ParCriterion Tasks() => new()
    {
        Code = "1.6", Name = "Thực hiện các nhiệm vụ được giao", MaxPoints = 1m,
        Bands = [new() { MinRate = 1m, Points = 1m }, new() { MinRate = 0.8m, Points = 0.5m }],
    };

    [Theory]
    [InlineData(1.0, 3.0)]
    [InlineData(0.99, 2.5)]
    [InlineData(0.9, 2.5)] // exactly a band's MinRate earns that band
    [InlineData(0.89, 1.75)]
    [InlineData(0.75, 1.75)]
    [InlineData(0.7499, 1.0)]
    [InlineData(0.5, 1.0)]
    [InlineData(0.49, 0.0)] // below the last band
    [InlineData(0.0, 0.0)]
    public void A_rate_earns_the_points_of_the_first_band_it_reaches(double rate, double points)
    {
        var projection = ParScoring.Project(Reports(), (decimal)rate);

        Assert.Equal((decimal)points, projection.Points);
        Assert.Equal(3m - (decimal)points, projection.Lost);
    }

    [Fact]
    public void Cần_Thơs_2017_five_late_tasks_lose_half_a_point_on_criterion_1_6()
    {
        // 2017: every task done, 5 of them late (seed 000); with, say, 40 tasks that is 87.5% on time.
        Assert.Equal(0.5m, ParScoring.Project(Tasks(), 35m / 40).Points);
        Assert.Equal(1m, ParScoring.Project(Tasks(), 1m).Points);
        Assert.Equal(0m, ParScoring.Project(Tasks(), 0.7999m).Points);
    }

    [Fact]
    public void Nothing_due_yet_loses_nothing_yet()
    {
        var projection = ParScoring.Project(Tasks(), null);

        Assert.Null(projection.Rate);
        Assert.Equal(1m, projection.Points);
        Assert.Equal(0m, projection.Lost);
    }

    [Fact]
    public void The_rule_reads_in_Vietnamese_band_by_band()
    {
        Assert.Equal("Tỷ lệ 100%: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm.", ParScoring.Rule(Tasks()));
        Assert.StartsWith("Tỷ lệ 100%: 3 điểm; từ 90% đến dưới 100%: 2,5 điểm; từ 75% đến dưới 90%: 1,75 điểm;", ParScoring.Rule(Reports()));
    }

    [Fact]
    public void The_shipped_settings_are_valid()
    {
        Assert.Empty(new ParIndexOptions { Criteria = [Reports(), Tasks()] }.Problems());
    }

    [Fact]
    public void Bands_out_of_order_points_above_the_maximum_and_unknown_codes_are_each_named()
    {
        var wrong = Tasks();
        wrong.Bands = [new() { MinRate = 0.8m, Points = 0.5m }, new() { MinRate = 1m, Points = 1.5m }];
        var unknown = Reports();
        unknown.Code = "7.1";

        var problems = new ParIndexOptions { Criteria = [unknown, wrong] }.Problems();

        Assert.Contains(problems, p => p.StartsWith("ParIndex:Criteria:0:Code is \"7.1\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("ParIndex:Criteria:1:Bands:1:MinRate 1 must be below the previous band's 0.8", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("ParIndex:Criteria:1:Bands:1:Points must be between 0 and MaxPoints 1 (it is 1.5)", StringComparison.Ordinal));
    }

    [Fact]
    public void No_criteria_at_all_is_a_problem()
    {
        Assert.Equal(["ParIndex:Criteria is empty: give the bands of criteria 1.2 and 1.6."], new ParIndexOptions().Problems());
    }
}
