using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Programme;

/// <summary>Transcription facts of QĐ 4168/QĐ-UBND as the first start loads it from seed/ beside Plan 163.</summary>
public class Programme4168SeedTests(Programme4168SeedTests.Host host) : IClassFixture<Programme4168SeedTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Seed:Directory"] = RepoPaths.Seed;
    }

    [Fact]
    public async Task The_programme_runs_2021_to_2025_with_its_viewpoints_goals_targets_and_solutions()
    {
        await using var db = host.NewDbContext();
        var plan = await db.Plans.SingleAsync(p => p.Number == "4168/QĐ-UBND");
        Assert.Equal((PlanKind.Programme, 2021, 2025, PlanStatus.Active, new DateOnly(2021, 12, 27)),
            (plan.Kind, plan.Year, plan.EndYear, plan.Status, plan.IssuedOn!.Value));

        var kinds = await db.Objectives.Where(o => o.PlanId == plan.Id).GroupBy(o => o.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(5, kinds.Single(k => k.Key == ObjectiveKind.Viewpoint).Count);
        Assert.Equal(2, kinds.Single(k => k.Key == ObjectiveKind.GeneralGoal).Count);
        Assert.Equal(7, kinds.Single(k => k.Key == ObjectiveKind.Objective).Count);
        Assert.Equal(6, kinds.Single(k => k.Key == ObjectiveKind.Solution).Count);
        Assert.Equal(34, await db.Indicators.CountAsync(i => i.Objective!.PlanId == plan.Id));
    }

    [Fact]
    public async Task The_digitised_results_target_has_its_yearly_steps_per_level()
    {
        await using var db = host.NewDbContext();
        var digitised = await db.Indicators.Include(i => i.Steps)
            .Where(i => i.Objective!.Plan!.Number == "4168/QĐ-UBND" && i.Text.StartsWith("số hóa kết quả giải quyết TTHC"))
            .ToListAsync();
        Assert.Equal(["cấp huyện", "cấp tỉnh", "cấp xã"], digitised.Select(i => i.Level).Order());
        var steps2022 = digitised.ToDictionary(i => i.Level!, i => i.Steps.Single(s => s.Year == 2022).Target);
        Assert.Equal((50m, 40m, 35m), (steps2022["cấp tỉnh"]!.Value, steps2022["cấp huyện"]!.Value, steps2022["cấp xã"]!.Value));
        var city = digitised.Single(i => i.Level == "cấp tỉnh");
        Assert.Equal((100m, 2025), (city.Target!.Value, city.TargetYear!.Value));
        Assert.Equal([2022, 2023, 2024, 2025], city.Steps.Select(s => s.Year).Order());
    }

    [Fact]
    public async Task Six_task_areas_hold_the_lettered_items_and_every_unit_named_is_matched()
    {
        await using var db = host.NewDbContext();
        var areas = await db.Sections.Where(s => s.Plan!.Number == "4168/QĐ-UBND").OrderBy(s => s.Number).Select(s => s.Title).ToListAsync();
        Assert.Equal(6, areas.Count);
        Assert.Equal("Cải cách thể chế", areas[0]);
        Assert.Equal(37, await db.Tasks.CountAsync(t => t.Section!.Plan!.Number == "4168/QĐ-UBND" && t.ParentTaskId == null));
        Assert.Equal(31, await db.Tasks.CountAsync(t => t.Section!.Plan!.Number == "4168/QĐ-UBND" && t.ParentTaskId != null));
        Assert.Equal(32, await db.PlanDuties.CountAsync(d => d.Plan!.Number == "4168/QĐ-UBND"));

        // The lead agency "Tổ chức thực hiện" names for simplifying procedures is inferred onto item 2.c, and matched.
        var lead = await db.TaskAssignments.SingleAsync(a => a.Task!.Section!.Plan!.Number == "4168/QĐ-UBND" && a.Task.Code == "2.c" && a.Role == AssignmentRole.Lead);
        Assert.Equal(("Văn phòng Ủy ban nhân dân thành phố", true), (lead.PrintedName, lead.IsInferred));
        Assert.NotNull(lead.UnitId);
        Assert.False(await db.TaskAssignments.AnyAsync(a => a.Task!.Section!.Plan!.Number == "4168/QĐ-UBND" && a.UnitId == null && a.UnitGroupId == null));
    }

    [Fact]
    public async Task The_programme_page_lists_the_targets_and_the_items_no_annual_plan_has_touched()
    {
        int id;
        await using (var db = host.NewDbContext()) id = await db.Plans.Where(p => p.Number == "4168/QĐ-UBND").Select(p => p.Id).SingleAsync();
        var response = await (await host.AdminAsync()).GetAsync($"/programme/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PageText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(68, page.QuerySelectorAll("ul.untouched li").Length);
    }
}
