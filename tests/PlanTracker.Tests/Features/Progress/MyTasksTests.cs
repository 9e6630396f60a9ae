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
        var page = PageText.Parse(html);
        var order = page.QuerySelectorAll("section.state-group, h2").Select(e => e.GetAttribute("data-state") ?? e.TextContent.Trim()).ToList();
        var overdue = order.IndexOf("Overdue");
        var inProgress = order.IndexOf("InProgress");
        var coordinated = order.IndexOf("Đơn vị phối hợp");
        Assert.True(overdue >= 0 && inProgress > overdue && coordinated > inProgress, "overdue, then in progress, then coordinated");
        Assert.Contains("Quý IV năm 2018", PageText.Text(page.Find("section.state-group[data-state=\"Overdue\"]"))); // 1.a's plan, due 31/12/2018
    }

    [Fact]
    public async Task A_district_sees_the_tasks_given_to_all_districts()
    {
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "UBND_CAIRANG");

        var html = await client.GetStringAsync("/my");

        Assert.Contains("1.c", PageText.LinkTexts(html)); // "UBND quận, huyện" leads 1.c
    }

    [Fact]
    public async Task Admins_and_viewers_choose_a_unit()
    {
        var client = await host.ViewerAsync();
        var stp = await host.UnitIdAsync("STP");

        Assert.Contains("Chọn một đơn vị", await client.GetStringAsync("/my"));
        var html = await client.GetStringAsync($"/my?Unit={stp}");
        Assert.Contains("1.a", PageText.LinkTexts(html));
        Assert.DoesNotContain("/progress?", html); // viewers change nothing, so no update links
    }
}
