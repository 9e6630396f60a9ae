using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;
using static PlanTracker.Tests.Monitoring.MonitoringPages;

namespace PlanTracker.Tests.Monitoring;

public class IndicatorTests(IndicatorTests.Host host) : IClassFixture<IndicatorTests.Host>
{
    public sealed class Host : MonitoringHost;

    private async Task<(int PlanId, int IndicatorId)> IdsAsync()
    {
        await host.ReadyAsync();
        await using var db = host.NewDbContext();
        var indicator = await db.Indicators.Include(i => i.Objective).SingleAsync(i => i.Objective!.Plan!.Number == MonitoringFixture.PlanNumber);
        return (indicator.Objective!.PlanId, indicator.Id);
    }

    private async Task<HttpResponseMessage> SaveAsync(HttpClient client, string value, string source = "Báo cáo 45/BC-STTTT ngày 10/9/2019")
    {
        var (plan, indicator) = await IdsAsync();
        var page = $"/indicators?plan={plan}&period=2019-Q3";
        return await client.PostFormAsync(page, [new("IndicatorId", indicator.ToString(CultureInfo.InvariantCulture)), new("Value", value), new("SourceNote", source)],
            action: page + "&handler=Save");
    }

    private async Task AssignAsync(string unitCode)
    {
        var (plan, indicator) = await IdsAsync();
        var page = $"/indicators?plan={plan}&period=2019-Q3";
        var response = await (await host.AdminAsync()).PostFormAsync(page,
            [new("IndicatorId", indicator.ToString(CultureInfo.InvariantCulture)), new("ResponsibleUnitId", (await host.UnitIdAsync(unitCode)).ToString(CultureInfo.InvariantCulture))], action: page + "&handler=Assign");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Responsible_unit_enters_the_actual_value_which_the_report_sets_against_the_target()
    {
        await AssignAsync("STP");
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        var response = await SaveAsync(editor, "30,5");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (plan, indicator) = await IdsAsync();
        await using (var db = host.NewDbContext())
        {
            var value = await db.IndicatorValues.SingleAsync(v => v.IndicatorId == indicator && v.Period == "2019-Q3");
            Assert.Equal(30.5m, value.Value);
            Assert.Equal("Báo cáo 45/BC-STTTT ngày 10/9/2019", value.SourceNote);
            Assert.True(await db.ChangeRecords.AnyAsync(c => c.EntityType == "IndicatorValue" && c.EntityId == indicator && c.Summary.Contains("30,5%")));
            Assert.True(await db.ChangeRecords.AnyAsync(c => c.EntityType == "Indicator" && c.Action == "ResponsibleUnitAssigned"));
        }
        var report = await (await host.AdminAsync()).GetStringAsync($"/reports/periodic?plan={plan}&period=2019-Q3");
        var row = Text(Row(report, "data-indicator", indicator));
        Assert.Contains("35%", row);
        Assert.Contains("30,5%", row);
        Assert.Contains("Chưa đạt", row);
        var dashboard = await (await host.ViewerAsync()).GetStringAsync($"/dashboard?Plan={plan}");
        Assert.Contains("Chưa đạt (30,5/35%)", Text(Row(dashboard, "data-indicator", indicator)));
    }

    [Fact]
    public async Task Other_units_and_viewers_cannot_enter_values()
    {
        await AssignAsync("STP");
        var (_, indicator) = await IdsAsync();
        var other = await host.SignedInClientAsync(Roles.UnitEditor, "SNV");
        var viewer = await host.ViewerAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await SaveAsync(other, "99")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SaveAsync(viewer, "99")).StatusCode);
        await using var db = host.NewDbContext();
        Assert.False(await db.IndicatorValues.AnyAsync(v => v.IndicatorId == indicator && v.Value == 99m));
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_is_refused_in_Vietnamese()
    {
        var response = await SaveAsync(await host.AdminAsync(), "ba mươi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("phải là một số từ 0 đến 1.000.000.000", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
