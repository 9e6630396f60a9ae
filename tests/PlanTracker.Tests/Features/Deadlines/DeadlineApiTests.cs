using System.Net;
using System.Text.Json;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Deadlines;

public class DeadlineApiTests(DeadlineApiTests.Host host) : IClassFixture<DeadlineApiTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    private async Task<JsonElement> ParseAsync(string query)
    {
        var response = await host.CreateClient().GetAsync("/api/deadlines/parse?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Answers_kind_start_and_due_as_iso_dates()
    {
        var json = await ParseAsync("text=" + Uri.EscapeDataString("Quý IV năm 2018") + "&year=2019");

        Assert.Equal("quarter", json.GetProperty("kind").GetString());
        Assert.Equal("2018-10-01", json.GetProperty("start").GetString());
        Assert.Equal("2018-12-31", json.GetProperty("due").GetString());
        Assert.Equal(0, json.GetProperty("occurrences").GetArrayLength());
    }

    [Fact]
    public async Task Recurring_deadline_lists_its_occurrences()
    {
        var json = await ParseAsync("text=" + Uri.EscapeDataString("Hàng quý") + "&year=2019");

        Assert.Equal("recurringQuarterly", json.GetProperty("kind").GetString());
        Assert.Equal(["2019-03-31", "2019-06-30", "2019-09-30", "2019-12-31"],
            json.GetProperty("occurrences").EnumerateArray().Select(o => o.GetProperty("due").GetString()));
    }

    [Fact]
    public async Task Unreadable_text_comes_back_unparsed_and_verbatim()
    {
        var json = await ParseAsync("text=" + Uri.EscapeDataString("sớm nhất có thể"));

        Assert.Equal("unparsed", json.GetProperty("kind").GetString());
        Assert.Equal("sớm nhất có thể", json.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("due").ValueKind);
    }

    [Fact]
    public async Task Without_a_year_the_year_of_today_is_used()
    {
        var json = await ParseAsync("text=" + Uri.EscapeDataString("Quý I"));

        Assert.Equal("2019-03-31", json.GetProperty("due").GetString());
    }

    [Fact]
    public async Task Frozen_clock_shows_a_banner_on_every_page()
    {
        var html = await (await host.ViewerAsync()).GetStringAsync("/tasks");

        var banner = PageText.Parse(html).QuerySelectorAll("strong").Single(s => s.ParentElement!.TextContent.Contains("ngày hôm nay được cố định là", StringComparison.Ordinal));
        Assert.Equal("01/10/2019", banner.TextContent);
    }
}
