using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.States;
using PlanTracker.Tests.Features.Admin.Plans;
using PlanTracker.Tests.Support;
using static PlanTracker.Tests.Monitoring.MonitoringPages;

namespace PlanTracker.Tests.Monitoring;

/// <summary>
/// The dashboard keeps each plan's items between views and re-reads only the deliverables whose status changed;
/// any other change to the plan makes it read the plan again. Its own host: these tests change the plan.
/// </summary>
public class DashboardPlanChangeTests(DashboardPlanChangeTests.Host host) : IClassFixture<DashboardPlanChangeTests.Host>
{
    public sealed class Host : MonitoringHost;

    [Fact]
    public async Task A_deliverable_retired_and_restored_in_the_plan_editor_shows_on_the_next_view()
    {
        await host.ReadyAsync();
        var viewer = await host.ViewerAsync();
        var before = await viewer.GetStringAsync("/dashboard");
        var (taskId, reportDue) = await host.DeliverableAsync("1.a", 1); // "Quý IV năm 2019": in progress on 01/10/2019
        var admin = await host.AdminAsync();

        await admin.SubmitAsync($"/admin/plans/tasks/{taskId}", "RetireDeliverable", ("deliverableId", $"{reportDue}"));
        var retired = await viewer.GetStringAsync("/dashboard");
        await admin.SubmitAsync($"/admin/plans/tasks/{taskId}", "RestoreDeliverable", ("deliverableId", $"{reportDue}"));
        var restored = await viewer.GetStringAsync("/dashboard");

        Assert.Equal(Count(before, "total") - 1, Count(retired, "total"));
        Assert.Equal(Count(before, "InProgress") - 1, Count(retired, "InProgress"));
        Assert.Equal((Count(before, "total"), Count(before, "InProgress")), (Count(restored, "total"), Count(restored, "InProgress")));
    }

    [Theory]
    [InlineData("2019-03-31")]
    [InlineData("2019-07-01")]
    [InlineData("2019-10-01")]
    [InlineData("2020-01-15")]
    public async Task Counted_items_have_the_states_of_the_work_items_on_any_day(string day)
    {
        await host.ReadyAsync();
        var asOf = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        await using var db = host.NewDbContext();
        var planId = await db.Plans.Select(p => p.Id).SingleAsync();

        var full = await WorkItems.LoadAsync(db, asOf, planId);
        var counted = await CountedWorkItems.LoadAsync(db, planId);

        Assert.Equal(
            full.Select(i => (i.DeliverableId, i.SectionNumber, i.UnitId, i.State)).Order(),
            counted.Select(i => (i.DeliverableId, i.SectionNumber, i.UnitId, i.StateOn(asOf))).Order());
    }

    private static int Count(string html, string figure) => int.Parse(Figure(html, figure), System.Globalization.CultureInfo.InvariantCulture);
}
