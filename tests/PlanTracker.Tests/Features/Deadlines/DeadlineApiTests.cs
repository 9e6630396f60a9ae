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
    public async Task A_period_of_several_years_gives_a_yearly_deadline_one_occurrence_a_year()
    {
        var json = await ParseAsync("text=" + Uri.EscapeDataString("Hằng năm") + "&from=2021&to=2025");

        Assert.Equal("recurringYearly", json.GetProperty("kind").GetString());
        Assert.Equal(("2021-01-01", "2025-12-31"), (json.GetProperty("start").GetString(), json.GetProperty("due").GetString()));
        Assert.Equal(["2021-12-31", "2022-12-31", "2023-12-31", "2024-12-31", "2025-12-31"],
            json.GetProperty("occurrences").EnumerateArray().Select(o => o.GetProperty("due").GetString()));
    }

    [Theory]
    [InlineData("Hàng tháng", "recurringMonthly", 24)]
    [InlineData("Định kỳ 6 tháng", "recurringHalfYearly", 4)]
    [InlineData("Hàng quý", "recurringQuarterly", 8)]
    [InlineData("Quý II, Quý IV năm 2020", "list", 2)]
    [InlineData("Giai đoạn 2021-2025", "window", 0)]
    [InlineData("Đến năm 2025", "year", 0)]
    public async Task Every_new_form_answers_in_the_same_shape(string text, string kind, int occurrences)
    {
        var json = await ParseAsync("text=" + Uri.EscapeDataString(text) + "&year=2021&from=2021&to=2022");

        Assert.Equal((kind, occurrences, text), (json.GetProperty("kind").GetString(), json.GetProperty("occurrences").GetArrayLength(), json.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Only_from_is_a_period_of_that_one_year()
    {
        var json = await ParseAsync("text=" + Uri.EscapeDataString("Hằng năm") + "&from=2022");

        Assert.Equal(["2022-12-31"], json.GetProperty("occurrences").EnumerateArray().Select(o => o.GetProperty("due").GetString()));
    }

    [Theory]
    [InlineData("from=2025&to=2021", "to (2021) is before from (2025)")]
    [InlineData("from=abc&to=2025", "from must be a year such as 2021, not \"abc\"")]
    [InlineData("from=2021&to=20x5", "to must be a year such as 2021, not \"20x5\"")]
    [InlineData("from=1200&to=2025", "from must be a year from 1900 to 2200, not 1200")]
    [InlineData("from=2021&to=99999", "to must be a year from 1900 to 2200, not 99999")]
    [InlineData("year=2021&to=2019", "to (2019) is before from (2021)")]
    [InlineData("year=two", "year must be a year such as 2021, not \"two\"")]
    public async Task A_bad_period_is_refused_with_what_is_wrong(string query, string detail)
    {
        var response = await host.CreateClient().GetAsync("/api/deadlines/parse?text=" + Uri.EscapeDataString("Hằng năm") + "&" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(detail, json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Frozen_clock_shows_a_banner_on_every_page()
    {
        var html = await (await host.ViewerAsync()).GetStringAsync("/tasks");

        var banner = PageText.Parse(html).QuerySelectorAll("strong").Single(s => s.ParentElement!.TextContent.Contains("ngày hôm nay được cố định là", StringComparison.Ordinal));
        Assert.Equal("01/10/2019", banner.TextContent);
    }
}
