using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Progress;

public class MyTasksTests(MyTasksTests.Host host) : IClassFixture<MyTasksTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    [Fact]
    public async Task A_unit_editor_sees_its_led_items_overdue_first_then_what_it_coordinates()
    {
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        var html = await client.GetStringAsync("/my");

        Assert.Contains("Sở Tư pháp", html);
        var overdue = html.IndexOf("data-state=\"Overdue\"", StringComparison.Ordinal);
        var inProgress = html.IndexOf("data-state=\"InProgress\"", StringComparison.Ordinal);
        var coordinated = html.IndexOf("Đơn vị phối hợp", StringComparison.Ordinal);
        Assert.True(overdue > 0 && inProgress > overdue && coordinated > inProgress, "overdue, then in progress, then coordinated");
        Assert.Contains("Quý IV năm 2018", html[overdue..inProgress]); // 1.a's plan, due 31/12/2018
    }

    [Fact]
    public async Task A_district_sees_the_tasks_given_to_all_districts()
    {
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "UBND_CAIRANG");

        var html = await client.GetStringAsync("/my");

        Assert.Contains(">1.c</a>", html); // "UBND quận, huyện" leads 1.c
    }

    [Fact]
    public async Task Admins_and_viewers_choose_a_unit()
    {
        var client = await host.ViewerAsync();
        var stp = await host.UnitIdAsync("STP");

        Assert.Contains("Chọn một đơn vị", await client.GetStringAsync("/my"));
        var html = await client.GetStringAsync($"/my?Unit={stp}");
        Assert.Contains(">1.a</a>", html);
        Assert.DoesNotContain("/progress?", html); // viewers change nothing, so no update links
    }
}
