using System.Globalization;
using System.Net;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;
using static PlanTracker.Tests.Monitoring.MonitoringPages;

namespace PlanTracker.Tests.Monitoring;

/// <summary>The dashboard keeps computed figures between views; a change made in the app shows at once all the same.</summary>
public class DashboardFreshnessTests(DashboardFreshnessTests.Host host) : IClassFixture<DashboardFreshnessTests.Host>
{
    public sealed class Host : MonitoringHost;

    [Fact]
    public async Task A_progress_update_shows_on_the_next_view_of_the_dashboard()
    {
        await host.ReadyAsync();
        var viewer = await host.ViewerAsync();
        Assert.Equal("8", Figure(await viewer.GetStringAsync("/dashboard"), "Overdue"));
        Assert.Equal("8", Figure(await viewer.GetStringAsync("/dashboard"), "Overdue")); // the kept figures

        var (_, deliverableId) = await host.DeliverableAsync("1.b");
        var thoiLai = await host.UnitIdAsync("UBND_THOILAI");
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "UBND_THOILAI");
        var url = $"/deliverables/{deliverableId}/progress?unit={thoiLai}&period=";
        var page = await editor.GetStringAsync(url);
        var version = PageText.InputValue(page, "Input.Version");
        var form = new MultipartFormDataContent
        {
            { new StringContent(FormPosting.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(thoiLai.ToString(CultureInfo.InvariantCulture)), "Unit" }, { new StringContent(""), "Period" }, { new StringContent(version), "Input.Version" },
            { new StringContent("Done"), "Input.Status" }, { new StringContent("2019-09-30"), "Input.CompletedOn" },
            { new StringContent("Hoàn thành muộn do chờ kết quả kiểm tra"), "Input.ResultText" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(url, form)).StatusCode);

        var after = await viewer.GetStringAsync("/dashboard");
        Assert.Equal("7", Figure(after, "Overdue"));
        Assert.Equal("3", Figure(after, "DoneLate"));
        Assert.Equal("23,1%", Figure(after, "rate")); // still 3 on time of 13 due
    }

    [Theory]
    [InlineData("State=Bogus")]
    [InlineData("State=Overdue,Nope")]
    [InlineData("State=All&AsOf=not-a-date")]
    [InlineData("State=Overdue&Unit=-4&Role=Lead&p=999")]
    public async Task Nonsense_state_filters_do_not_break_the_list_or_its_exports(string query)
    {
        await host.ReadyAsync();
        var viewer = await host.ViewerAsync();

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/tasks?" + query)).StatusCode);
        var export = await viewer.GetAsync("/tasks/export.xlsx?" + query);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Exports_need_a_signed_in_user()
    {
        var anonymous = host.NewClient();

        var response = await anonymous.GetAsync("/tasks/export.xlsx");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString);
    }
}
