using System.Net;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Plans;

public class PlanPageTests(PlanPageTests.Host host) : IClassFixture<PlanPageTests.Host>
{
    public sealed class Host : PlanTrackerFactory;

    [Fact]
    public async Task Home_page_opens_the_seeded_plan_163_with_every_section_and_task()
    {
        var client = await host.ViewerAsync();

        var response = await client.GetAsync("/plans/1");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("163/KH-UBND", html);
        Assert.Contains("Công tác cải cách hành chính năm 2019", html);
        foreach (var section in new[] { "Cải cách thể chế", "Cải cách TTHC", "Cải cách tổ chức bộ máy", "Hiện đại hóa hành chính" })
            Assert.Contains(section, html);
        var codes = PageText.TaskCodes(html);
        Assert.Equal(59, codes.Count);
        Assert.Equal(codes.Distinct().Count(), codes.Count);
        Assert.Contains("2.m.1", codes);
        Assert.Contains("Quý IV năm 2018", html);
        Assert.Contains("Hạn 31/12/2018", html);
        Assert.Contains("35%", html);
        Assert.Contains("trước ngày 31 tháng 01 năm 2019", html);
    }

    [Fact]
    public async Task Task_page_shows_products_deadlines_and_the_members_of_a_coordinating_group()
    {
        var client = await host.ViewerAsync();
        var plan = await client.GetStringAsync("/plans/1");
        var id = PageText.TaskId(plan, "1.a");

        var html = await client.GetStringAsync($"/tasks/{id}");

        Assert.Contains("Kế hoạch", html);
        Assert.Contains("Quý IV năm 2019", html);
        Assert.Contains("Sở Tư pháp", html);
        Assert.Contains("UBND quận Ninh Kiều", html); // a member of "UBND quận, huyện", listed under the group
    }

    [Fact]
    public async Task Unknown_task_answers_404_in_Vietnamese()
    {
        var response = await (await host.ViewerAsync()).GetAsync("/tasks/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unit_directory_page_lists_districts_and_groups()
    {
        var html = await (await host.ViewerAsync()).GetStringAsync("/units");

        Assert.Contains("UBND quận Ninh Kiều", html);
        Assert.Contains("UBND quận, huyện", html);
    }
}
