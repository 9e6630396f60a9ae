using System.Globalization;
using System.Net;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;
using static PlanTracker.Tests.Monitoring.MonitoringPages;

namespace PlanTracker.Tests.Monitoring;

/// <summary>
/// The dashboard against the fixture, worked out by hand for 01/10/2019:
/// 1.a (Sở Tư pháp): Kế hoạch due 31/03, done 20/02 → đúng hạn; Báo cáo due 31/12 → đang thực hiện.
/// 1.b ("UBND quận, huyện" = 9 districts), due 30/06: Ninh Kiều done 10/07 → quá hạn (đã xong); Cái Răng done 15/06 → đúng hạn; 7 others → quá hạn.
/// 2.a (Sở Nội vụ), "Hàng quý": Q1 due 31/03 done 05/04 → hoàn thành quá hạn; Q2 done 30/06 → đúng hạn; Q3 due 30/09 → quá hạn; Q4 → đang thực hiện.
/// 2.b (Sở Tư pháp) "Thường xuyên" → thường xuyên. 2.c (Sở Nội vụ) "Theo hướng dẫn của Bộ Nội vụ" → chưa có hạn.
/// Totals 17 = 3 đúng hạn + 2 quá hạn (đã xong) + 2 đang thực hiện + 8 quá hạn + 1 thường xuyên + 1 chưa có hạn;
/// rate 3 / (3 + 2 + 8) = 23,1%. Section 1: 11 items, 2/1/1/7, rate 2/10 = 20%. Section 2: 6 items, rate 1/3 = 33,3%.
/// </summary>
public class DashboardTests(DashboardTests.Host host) : IClassFixture<DashboardTests.Host>
{
    public sealed class Host : MonitoringHost;

    private async Task<string> DashboardAsync(string query = "")
    {
        await host.ReadyAsync();
        return await (await host.ViewerAsync()).GetStringAsync("/dashboard" + query);
    }

    [Fact]
    public async Task Dashboard_totals_match_the_hand_worked_fixture()
    {
        var html = await DashboardAsync();

        Assert.Equal("17", Figure(html, "total"));
        Assert.Equal("3", Figure(html, "DoneOnTime"));
        Assert.Equal("2", Figure(html, "DoneLate"));
        Assert.Equal("2", Figure(html, "InProgress"));
        Assert.Equal("8", Figure(html, "Overdue"));
        Assert.Equal("1", Figure(html, "Ongoing"));
        Assert.Equal("1", Figure(html, "NeedsDate"));
        Assert.Equal("23,1%", Figure(html, "rate"));
        Assert.Contains("mỗi sản phẩm của mỗi đơn vị chủ trì, mỗi kỳ", Text(html));
        Assert.Contains("Tỷ lệ hoàn thành đúng hạn = hoàn thành đúng hạn / (hoàn thành đúng hạn + hoàn thành quá hạn + quá hạn chưa hoàn thành)", Text(html));
    }

    [Fact]
    public async Task Section_and_unit_tables_match_the_hand_worked_fixture()
    {
        var html = await DashboardAsync();

        var first = Row(html, "data-section", 1);
        Assert.Equal([2, 1, 1, 7], new[] { "DoneOnTime", "DoneLate", "InProgress", "Overdue" }.Select(s => StateCell(first, s)));
        Assert.Contains("20%", Cells(first));
        var second = Row(html, "data-section", 2);
        Assert.Equal([1, 1, 1, 1, 1, 1], new[] { "DoneOnTime", "DoneLate", "InProgress", "Overdue", "Ongoing", "NeedsDate" }.Select(s => StateCell(second, s)));
        Assert.Contains("33,3%", Cells(second));

        var ninhKieu = Row(html, "data-unit", await host.UnitIdAsync("UBND_NINHKIEU"));
        Assert.Equal(1, StateCell(ninhKieu, "DoneLate"));
        Assert.Contains("0%", Cells(ninhKieu));
        var stp = Row(html, "data-unit", await host.UnitIdAsync("STP"));
        Assert.Equal([1, 1, 1], new[] { "DoneOnTime", "InProgress", "Ongoing" }.Select(s => StateCell(stp, s)));
        Assert.Contains("100%", Cells(stp));
        var thotNot = Row(html, "data-unit", await host.UnitIdAsync("UBND_THOTNOT"));
        Assert.Equal(1, StateCell(thotNot, "Overdue"));
    }

    [Theory]
    [InlineData("2019-02-19", 0, 0, 15, 0)] // the day before 1.a's plan was done
    [InlineData("2019-02-20", 1, 0, 14, 0)] // the day it was done: on time
    [InlineData("2019-04-04", 1, 0, 13, 1)] // 2.a Q1 past due 31/03, not done yet
    [InlineData("2019-04-05", 1, 1, 13, 0)] // done 05/04: late
    public async Task As_of_dates_before_and_after_a_completion(string asOf, int onTime, int late, int inProgress, int overdue)
    {
        var html = await DashboardAsync("?AsOf=" + asOf);

        Assert.Equal(onTime.ToString(CultureInfo.InvariantCulture), Figure(html, "DoneOnTime"));
        Assert.Equal(late.ToString(CultureInfo.InvariantCulture), Figure(html, "DoneLate"));
        Assert.Equal(inProgress.ToString(CultureInfo.InvariantCulture), Figure(html, "InProgress"));
        Assert.Equal(overdue.ToString(CultureInfo.InvariantCulture), Figure(html, "Overdue"));
        Assert.Equal("17", Figure(html, "total"));
    }

    [Fact]
    public async Task Every_card_links_to_a_task_list_of_the_same_items()
    {
        var html = await DashboardAsync();
        var viewer = await host.ViewerAsync();

        foreach (var (figure, expected) in new[] { ("total", 17), ("Overdue", 8), ("DoneLate", 2), ("DoneOnTime", 3), ("rate", 13) })
        {
            var list = await viewer.GetStringAsync(FigureLink(html, figure));
            Assert.Equal(expected, ItemCount(list));
        }
    }

    [Fact]
    public async Task Section_and_unit_figures_link_to_their_items()
    {
        var html = await DashboardAsync();
        var viewer = await host.ViewerAsync();

        var overdueInSection1 = await viewer.GetStringAsync(StateCellLink(Row(html, "data-section", 1), "Overdue"));
        Assert.Equal(7, ItemCount(overdueInSection1));
        Assert.Contains("UBND huyện Thới Lai", overdueInSection1);
        var snvOverdue = await viewer.GetStringAsync(StateCellLink(Row(html, "data-unit", await host.UnitIdAsync("SNV")), "Overdue"));
        Assert.Equal(1, ItemCount(snvOverdue));
        Assert.Contains("Quý 3", snvOverdue);
    }

    [Fact]
    public async Task Unit_table_sorts_by_a_column()
    {
        var html = await DashboardAsync("?Sort=-total");
        var rows = PageText.Parse(html).QuerySelectorAll("#unit-table tr[data-unit]").Select(r => r.GetAttribute("data-unit")).ToList();
        var snv = rows.IndexOf((await host.UnitIdAsync("SNV")).ToString(CultureInfo.InvariantCulture));
        var stp = rows.IndexOf((await host.UnitIdAsync("STP")).ToString(CultureInfo.InvariantCulture));
        var ninhKieu = rows.IndexOf((await host.UnitIdAsync("UBND_NINHKIEU")).ToString(CultureInfo.InvariantCulture));

        Assert.True(snv >= 0 && snv < stp && stp < ninhKieu, "Most items first: Sở Nội vụ (5), Sở Tư pháp (3), then the districts (1).");
    }

    [Fact]
    public async Task Charts_use_the_library_served_by_the_app_itself()
    {
        var html = await DashboardAsync();
        var viewer = await host.ViewerAsync();

        var page = PageText.Parse(html);
        var loads = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)
            .Concat(page.QuerySelectorAll("link[href]").Select(l => l.GetAttribute("href")!)).ToList();
        Assert.Contains("/lib/chartjs/chart.umd.min.js", loads);
        Assert.DoesNotContain(loads, url => url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Chart.js v4", await viewer.GetStringAsync("/lib/chartjs/chart.umd.min.js"));
        Assert.Equal(3, page.QuerySelectorAll("canvas[id^=\"chart-\"]").Length);
    }

    [Fact]
    public async Task Unit_editor_is_sent_to_the_own_scorecard_and_cannot_see_another_unit()
    {
        await host.ReadyAsync();
        var stp = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        var dashboard = await stp.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal("/scorecard", dashboard.Headers.Location?.OriginalString);

        var own = await stp.GetStringAsync("/scorecard");
        Assert.Contains("Sở Tư pháp", own);
        Assert.Equal("3", Figure(own, "total"));
        Assert.Equal("100%", Figure(own, "rate"));
        var other = await stp.GetAsync($"/scorecard?Unit={await host.UnitIdAsync("SNV")}");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task Scorecard_shows_what_Sở_Nội_vụ_sees_about_a_unit()
    {
        await host.ReadyAsync();
        var snv = await host.UnitIdAsync("SNV");
        var html = await (await host.AdminAsync()).GetStringAsync($"/scorecard?Unit={snv}");

        Assert.Equal("5", Figure(html, "total"));
        Assert.Equal("33,3%", Figure(html, "rate"));
        Assert.Contains("Trễ vì chờ số liệu các sở", html); // the late Q1 report, with its reason
        // Sở Nội vụ receives the periodic reports: it owes none, though the fixture's duty names it.
        Assert.Contains("Không thuộc diện báo cáo", Text(Row(html, "data-period", "2019-Q3")));
        var stp = await (await host.AdminAsync()).GetStringAsync($"/scorecard?Unit={await host.UnitIdAsync("STP")}");
        var q3 = Row(stp, "data-period", "2019-Q3");
        Assert.Contains("Trễ hạn", Text(q3)); // sent 18/09, due 17/09
        Assert.Contains("18/09/2019", Text(q3));
        Assert.Contains("Chưa đến hạn", Text(Row(stp, "data-period", "2019-Y")));
    }

    [Fact]
    public async Task Scorecard_at_a_past_date_tells_the_reports_as_they_stood_on_that_day()
    {
        await host.ReadyAsync();
        var stp = await (await host.AdminAsync()).GetStringAsync($"/scorecard?Unit={await host.UnitIdAsync("STP")}&AsOf=2019-09-17");

        // Q3 was due 17/09 and Sở Tư pháp sent it on 18/09: on 17/09 it was neither sent nor late.
        var q3 = Text(Row(stp, "data-period", "2019-Q3"));
        Assert.Contains("Chưa đến hạn", q3);
        Assert.DoesNotContain("18/09/2019", q3);
        Assert.DoesNotContain("120/BC-STP", q3);
        Assert.Contains("Chưa nộp", Text(Row(stp, "data-period", "2019-H1"))); // due 18/06, never sent
    }

    [Fact]
    public async Task Scorecard_of_a_plan_that_does_not_verify_has_no_awaiting_card()
    {
        await host.ReadyAsync();
        var html = await (await host.AdminAsync()).GetStringAsync($"/scorecard?Unit={await host.UnitIdAsync("STP")}");

        Assert.Equal("3", Figure(html, "total"));
        Assert.Empty(PageText.Parse(html).QuerySelectorAll("[data-figure=\"AwaitingVerification\"]"));
    }
}
