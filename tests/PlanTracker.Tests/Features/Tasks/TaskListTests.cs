using System.Net;
using System.Text.RegularExpressions;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Tasks;

public partial class TaskListTests(TaskListTests.Host host) : IClassFixture<TaskListTests.Host>
{
    public sealed class Host : PlanTrackerFactory;

    private async Task<List<string>> CodesAsync(string query) =>
        PageText.TaskCodes(await (await host.ViewerAsync()).GetStringAsync("/tasks?" + query));

    private Task<int> UnitIdAsync(string code) => host.UnitIdAsync(code);

    [Theory]
    [InlineData("so tu phap")]
    [InlineData("SỞ TƯ PHÁP")]
    [InlineData("Sở Tư pháp")]
    [InlineData("sở  tư   pháp")]
    public async Task Search_ignores_diacritics_case_and_spacing(string q)
    {
        var codes = await CodesAsync("Q=" + Uri.EscapeDataString(q));

        Assert.Contains("1.a", codes);
        Assert.Equal(await CodesAsync("Q=so+tu+phap"), codes);
    }

    [Fact]
    public async Task Page_size_can_be_25_or_100_and_the_pager_keeps_it()
    {
        var viewer = await host.ViewerAsync();
        var html = await viewer.GetStringAsync("/tasks?size=25");

        Assert.Equal(25, PageText.TaskCodes(html).Count);
        Assert.Contains("size=25&amp;p=2", html);
        Assert.Equal(25, (await CodesAsync("size=25&p=2")).Count);
        Assert.True((await CodesAsync("size=100")).Count > 50); // Plan 163 has 59 tasks: one page
    }

    [Fact]
    public async Task Page_size_other_than_25_50_or_100_falls_back_to_50()
    {
        Assert.Equal(50, (await CodesAsync("size=7")).Count);
        Assert.Equal(50, (await CodesAsync("size=100000")).Count);
    }

    [Fact]
    public async Task Section_filter_keeps_only_that_section()
    {
        var codes = await CodesAsync("Section=5");

        Assert.Equal(["5.a", "5.b", "5.c", "5.d", "5.e"], codes);
    }

    [Fact]
    public async Task Unit_filter_finds_tasks_given_to_a_group_the_unit_belongs_to()
    {
        var ninhKieu = await UnitIdAsync("UBND_NINHKIEU");

        var asLead = await CodesAsync($"Unit={ninhKieu}&Role=Lead");
        var any = await CodesAsync($"Unit={ninhKieu}");

        Assert.Contains("1.c", asLead); // "UBND quận, huyện" leads 1.c
        Assert.DoesNotContain("1.a", asLead); // ... and only coordinates 1.a
        Assert.Contains("1.a", any);
    }

    [Fact]
    public async Task Quarter_filter_keeps_deliverables_due_in_that_quarter_and_recurring_ones()
    {
        var codes = await CodesAsync("Quarter=2018-Q4");

        Assert.Contains("1.a", codes);
        Assert.DoesNotContain("1.b", codes); // "Trong năm 2019"
    }

    [Fact]
    public async Task Kind_filter_keeps_only_that_kind_of_deadline()
    {
        var ongoing = await CodesAsync("Kind=Ongoing");

        Assert.Contains("1.d", ongoing);
        Assert.DoesNotContain("1.a", ongoing);
    }

    [Fact]
    public async Task Search_text_is_shown_encoded_never_as_markup()
    {
        var html = await (await host.ViewerAsync()).GetStringAsync("/tasks?Q=" + Uri.EscapeDataString("<script>alert(1)</script>"));

        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("Không có nhiệm vụ nào khớp bộ lọc", html);
    }

    [Fact]
    public async Task Nonsense_filters_do_not_break_the_page()
    {
        var response = await (await host.ViewerAsync()).GetAsync("/tasks?Section=abc&Quarter=2019-Q9&Kind=Nope&Unit=-4&p=999");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
