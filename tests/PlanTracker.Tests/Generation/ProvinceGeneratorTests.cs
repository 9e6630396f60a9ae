using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Generation;
using PlanTracker.Core.Plans;
using PlanTracker.Core.States;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Generation;

public class ProvinceGeneratorTests
{
    private static readonly GeneratorOptions Small = new() { Units = 60, Deliverables = 600, Years = 2, Seed = 7, Today = new DateOnly(2020, 10, 1) };

    private static async Task<(GeneratorSummary Summary, List<string> Rows)> GenerateAsync(GeneratorOptions options, string? password = null)
    {
        using var database = new TestDatabase();
        await using var db = database.NewContext();
        var summary = await new ProvinceGenerator(db).GenerateAsync(options, password);
        var rows = await db.Deliverables.OrderBy(d => d.Id)
            .Select(d => d.Task!.Code + "|" + d.Task.Activity + "|" + d.Product + "|" + d.DeadlineText).ToListAsync();
        return (summary, rows);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_data()
    {
        var first = await GenerateAsync(Small);
        var second = await GenerateAsync(Small);

        Assert.Equal(600, first.Summary.Deliverables);
        Assert.Equal(60, first.Summary.Units);
        Assert.Equal(first.Rows, second.Rows);
        Assert.NotEqual(first.Rows, (await GenerateAsync(Small with { Seed = 8 })).Rows);
    }

    [Fact]
    public async Task Deadlines_come_in_plan_163_kinds_and_all_parse()
    {
        using var database = new TestDatabase();
        await using var db = database.NewContext();
        await new ProvinceGenerator(db).GenerateAsync(Small with { Deliverables = 2000 });

        var kinds = await db.Deliverables.GroupBy(d => d.DeadlineKind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);

        Assert.False(kinds.ContainsKey(DeadlineKind.Unparsed));
        Assert.InRange(kinds[DeadlineKind.Year] / 2000.0, 0.40, 0.65); // 37 of 71 in Plan 163
        Assert.True(kinds.ContainsKey(DeadlineKind.Ongoing) && kinds.ContainsKey(DeadlineKind.Quarter) && kinds.ContainsKey(DeadlineKind.RecurringQuarterly));
    }

    [Fact]
    public async Task Past_due_work_is_partly_done_late_and_partly_overdue()
    {
        using var database = new TestDatabase();
        await using var db = database.NewContext();
        await new ProvinceGenerator(db).GenerateAsync(Small);

        var states = (await WorkItems.LoadAsync(db, Small.Today)).GroupBy(i => i.State).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(states[DeliverableState.DoneOnTime] > states[DeliverableState.DoneLate]);
        Assert.True(states[DeliverableState.Overdue] > 0);
        Assert.True(states[DeliverableState.InProgress] > 0);
    }

    [Fact]
    public async Task The_fixed_scenario_has_every_deliverable_open_and_about_thirty_percent_overdue()
    {
        using var database = new TestDatabase();
        await using var db = database.NewContext();
        var today = new DateOnly(2019, 10, 1);
        var summary = await new ProvinceGenerator(db).GenerateAsync(new GeneratorOptions { Units = 60, Deliverables = 1000, AllOpen = true, Today = today }, "mat-khau-sinh-ra-1");

        var items = await WorkItems.LoadAsync(db, today);

        Assert.Equal(60, summary.Users);
        Assert.Equal(1000, await db.Deliverables.CountAsync());
        Assert.DoesNotContain(items, i => i.State.IsDone());
        Assert.InRange(items.Count(i => i.State == DeliverableState.Overdue) / (double)items.Count, 0.27, 0.33);
        Assert.Equal(today.AddDays(-110), await db.Deliverables.MinAsync(d => d.DeadlineDue));
    }

    [Fact]
    public async Task Every_plan_of_the_fixed_scenario_has_due_dates_over_the_whole_range()
    {
        using var database = new TestDatabase();
        await using var db = database.NewContext();
        var today = new DateOnly(2019, 10, 1);
        var summary = await new ProvinceGenerator(db).GenerateAsync(new GeneratorOptions { Units = 60, Deliverables = 1000, AllOpen = true, Today = today });

        var ranges = await db.Deliverables.GroupBy(d => d.Task!.Section!.PlanId)
            .Select(g => new { First = g.Min(d => d.DeadlineDue), Last = g.Max(d => d.DeadlineDue) }).ToListAsync();

        Assert.True(summary.Plans > 1);
        Assert.Equal(summary.Plans, ranges.Count);
        Assert.All(ranges, r => Assert.Equal(today.AddDays(-110), r.First));
        Assert.All(ranges, r => Assert.InRange(r.Last!.Value, today.AddDays(254 - 10), today.AddDays(254)));
    }

    [Fact]
    public async Task One_plan_with_dated_deadlines_holds_every_deliverable_led_by_every_unit_and_some_done()
    {
        using var database = new TestDatabase();
        await using var db = database.NewContext();
        var today = new DateOnly(2019, 6, 3);
        var options = new GeneratorOptions { Units = 60, Deliverables = 1000, FirstYear = 2019, Years = 3, Today = today, OnePlan = true, DatedDeadlines = true };
        var summary = await new ProvinceGenerator(db).GenerateAsync(options);

        var items = await WorkItems.LoadAsync(db, today);

        Assert.Equal(1, summary.Plans);
        Assert.Equal(2019, await db.Plans.Select(p => p.Year).SingleAsync());
        Assert.Equal(60, await db.TaskAssignments.Where(a => a.Role == AssignmentRole.Lead).Select(a => a.UnitId).Distinct().CountAsync());
        Assert.True(await db.Deliverables.AllAsync(d => d.DeadlineKind == DeadlineKind.Date));
        Assert.Equal(today.AddDays(-110), await db.Deliverables.MinAsync(d => d.DeadlineDue));
        Assert.Contains(items, i => i.State.IsDone());
        Assert.Contains(items, i => i.State == DeliverableState.Overdue);
    }

    private static readonly GeneratorOptions SmallCycle = new()
    {
        Units = 60, Deliverables = 3000, FirstYear = 2021, Years = 3, Seed = 11, Today = new DateOnly(2022, 6, 1), Cycle = true, UnitPlans = 5,
    };

    [Fact]
    public async Task The_cycle_has_a_programme_a_city_plan_a_year_and_units_plans_with_statuses_of_today()
    {
        using var database = new TestDatabase();
        await using var db = database.NewContext();
        var summary = await new ProvinceGenerator(db).GenerateAsync(SmallCycle);

        var plans = await db.Plans.AsNoTracking().ToListAsync();
        var programme = Assert.Single(plans, p => p.Kind == PlanKind.Programme);
        var cities = plans.Where(p => p.Kind == PlanKind.CityAnnual).OrderBy(p => p.Year).ToList();
        var units = plans.Where(p => p.Kind == PlanKind.UnitAnnual).ToList();

        Assert.Equal(1 + 3 + 3 * 5, summary.Plans);
        Assert.Equal((2021, 2023, PlanStatus.Active, (int?)null), (programme.Year, programme.EndYear, programme.Status, programme.ParentPlanId));
        Assert.Equal([2021, 2022, 2023], cities.Select(p => p.Year));
        Assert.All(cities, p => Assert.Equal((p.Year, programme.Id, (int?)null), (p.EndYear, p.ParentPlanId!.Value, p.UnitId)));
        Assert.Equal([PlanStatus.Closed, PlanStatus.Active, PlanStatus.Draft], cities.Select(p => p.Status));
        Assert.Equal(15, units.Count);
        Assert.All(units, p =>
        {
            var city = cities.Single(c => c.Id == p.ParentPlanId);
            Assert.Equal((city.Year, city.Year, city.Status), (p.Year, p.EndYear, p.Status));
            Assert.NotNull(p.UnitId);
        });
        Assert.All(cities, c => Assert.Equal(5, units.Where(u => u.ParentPlanId == c.Id).Select(u => u.UnitId).Distinct().Count()));
        Assert.InRange(summary.Deliverables, 3000, 3300);
        Assert.Equal(summary.Deliverables, await db.Deliverables.CountAsync());
        Assert.False(await db.Progress.AnyAsync(r => r.Deliverable!.Task!.Section!.Plan!.Status == PlanStatus.Draft));
        Assert.True(await db.Progress.AnyAsync(r => r.Deliverable!.Task!.Section!.Plan!.Status == PlanStatus.Closed));
    }

    [Fact]
    public async Task City_tasks_cite_programme_items_and_each_unit_plan_cites_the_city_tasks_its_unit_leads()
    {
        using var database = new TestDatabase();
        await using var db = database.NewContext();
        await new ProvinceGenerator(db).GenerateAsync(SmallCycle);

        var cityTasks = await db.Tasks.Where(t => t.Section!.Plan!.Kind == PlanKind.CityAnnual)
            .Select(t => new
            {
                t.Id, PlanId = t.Section!.PlanId,
                Cited = t.Citations.Select(c => c.CitedTask!.Section!.Plan!.Kind).ToList(),
                Leads = t.Assignments.Where(a => a.Role == AssignmentRole.Lead).Select(a => a.UnitId!.Value).ToList(),
            }).ToListAsync();
        var unitCitations = await db.TaskCitations.Where(c => c.Task!.Section!.Plan!.Kind == PlanKind.UnitAnnual)
            .Select(c => new { c.CitedTaskId, c.Task!.Section!.Plan!.UnitId, c.Task.Section.Plan.ParentPlanId, c.Task.Code, CitedCode = c.CitedTask!.Code })
            .ToListAsync();
        var planners = await db.Plans.Where(p => p.Kind == PlanKind.UnitAnnual).Select(p => p.UnitId!.Value).Distinct().ToListAsync();

        Assert.All(cityTasks, t => Assert.Equal([PlanKind.Programme], t.Cited));
        Assert.All(unitCitations, c =>
        {
            var cited = cityTasks.Single(t => t.Id == c.CitedTaskId);
            Assert.Equal(cited.PlanId, c.ParentPlanId);
            Assert.Contains(c.UnitId!.Value, cited.Leads);
            Assert.Equal(c.CitedCode, c.Code);
        });
        var expected = cityTasks.SelectMany(t => t.Leads.Where(planners.Contains).Select(u => (t.Id, u))).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, unitCitations.Select(c => (c.CitedTaskId, c.UnitId!.Value)).Order().ToList());
        Assert.True(await db.Tasks.AnyAsync(t => t.Section!.Plan!.Kind == PlanKind.UnitAnnual && !t.Citations.Any()));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_cycle()
    {
        var first = await GenerateAsync(SmallCycle);
        var second = await GenerateAsync(SmallCycle);

        Assert.Equal(first.Rows, second.Rows);
    }
}
