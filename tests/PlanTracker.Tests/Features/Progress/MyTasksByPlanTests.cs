using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Progress;

/// <summary>"Nhiệm vụ của tôi" across plans: Sở Tư pháp leads items in Plan 163, in a second active plan and in a closed one.</summary>
public class MyTasksByPlanTests(MyTasksByPlanTests.Host host) : IClassFixture<MyTasksByPlanTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    private async Task<(int Seed, PlanMaking.MadePlan Active, PlanMaking.MadePlan Closed)> PlansAsync()
    {
        await using var db = host.NewDbContext();
        var seed = await db.Plans.Where(p => p.Number == "163/KH-UBND").Select(p => p.Id).SingleAsync();
        var active = await db.Plans.AnyAsync(p => p.Number == "M1/KH-UBND")
            ? null : await PlanMaking.AddPlanAsync(db, "M1/KH-UBND", 2019, PlanStatus.Active);
        var closed = await db.Plans.AnyAsync(p => p.Number == "M2/KH-UBND")
            ? null : await PlanMaking.AddPlanAsync(db, "M2/KH-UBND", 2018, PlanStatus.Closed);
        async Task<PlanMaking.MadePlan> Made(string number) => await db.Tasks.Where(t => t.Section!.Plan!.Number == number)
            .Select(t => new PlanMaking.MadePlan(t.Section!.PlanId, t.Id, t.Deliverables.First().Id)).SingleAsync();
        return (seed, active ?? await Made("M1/KH-UBND"), closed ?? await Made("M2/KH-UBND"));
    }

    [Fact]
    public async Task Items_are_grouped_by_plan_each_row_naming_its_plan_and_closed_plans_only_when_asked()
    {
        var (seed, active, closed) = await PlansAsync();
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        var page = PageText.Parse(await editor.GetStringAsync("/my"));
        var groups = page.QuerySelectorAll("section.plan-group").Select(s => int.Parse(s.GetAttribute("data-plan")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([seed, active.PlanId], groups.Order().ToList());
        foreach (var row in page.QuerySelectorAll("tr[data-deliverable]"))
        {
            var plan = row.Closest("section.plan-group")!.GetAttribute("data-plan");
            Assert.Equal(plan, row.GetAttribute("data-plan"));
            Assert.Contains(plan == seed.ToString(System.Globalization.CultureInfo.InvariantCulture) ? "163/KH-UBND (2019)" : "M1/KH-UBND (2019)",
                row.QuerySelector("td.plan-cell")!.TextContent);
        }
        Assert.NotNull(page.QuerySelector($"section.plan-group[data-plan=\"{active.PlanId}\"] tr[data-deliverable=\"{active.DeliverableId}\"]"));

        var withClosed = PageText.Parse(await editor.GetStringAsync("/my?Closed=true"));
        Assert.NotNull(withClosed.QuerySelector($"section.plan-group[data-plan=\"{closed.PlanId}\"] tr[data-deliverable=\"{closed.DeliverableId}\"]"));
        Assert.Contains("M2/KH-UBND (2018) – đã kết thúc", withClosed.Find($"section.plan-group[data-plan=\"{closed.PlanId}\"] h2").TextContent);
    }

    [Fact]
    public async Task The_plan_filter_shows_one_plan()
    {
        var (_, active, _) = await PlansAsync();
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        var page = PageText.Parse(await editor.GetStringAsync($"/my?Plan={active.PlanId}"));

        Assert.Equal([active.PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            page.QuerySelectorAll("section.plan-group").Select(s => s.GetAttribute("data-plan")).ToList());
        Assert.Equal(active.PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.Find("select[data-plan-picker] option[selected]").GetAttribute("value"));
    }
}
