using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Plans;

/// <summary>
/// "Current" follows the clock: with Plan 163 (2019), annual plans for 2020 and 2021, the 2021–2025 programme and a
/// draft 2022 plan, every page that defaults to a plan opens the active annual plan of today's year, or the nearest
/// earlier one when today's year has none active.
/// </summary>
public class CurrentPlanTests
{
    private static readonly string[] DefaultPages = ["/dashboard", "/tasks", "/reports/periodic", "/indicators", "/scorecard"];

    [Theory]
    [InlineData("2019-10-01", "163/KH-UBND")]
    [InlineData("2020-01-15", "200/KH-UBND")]
    [InlineData("2022-06-01", "210/KH-UBND")] // no active 2022 plan (only a draft): the 2021 plan, not the programme
    public async Task Every_default_page_opens_the_active_annual_plan_whose_year_contains_today(string today, string expectedNumber)
    {
        using var host = new PlanTrackerFactory();
        host.Settings["Clock:Today"] = today;
        await host.AddPlanAsync("200/KH-UBND", 2020, PlanStatus.Active);
        await host.AddPlanAsync("210/KH-UBND", 2021, PlanStatus.Active);
        await host.AddPlanAsync("4168/QĐ-UBND", 2021, PlanStatus.Active, PlanKind.Programme, endYear: 2025);
        var draft = await host.AddPlanAsync("220/KH-UBND", 2022, PlanStatus.Draft);
        int expected;
        await using (var db = host.NewDbContext())
            expected = await db.Plans.Where(p => p.Number == expectedNumber).Select(p => p.Id).SingleAsync();

        var admin = await host.AdminAsync();
        var home = await admin.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal($"/plans/{expected}", home.Headers.Location!.OriginalString);
        foreach (var page in DefaultPages.Where(p => p != "/scorecard"))
            Assert.True(SelectedPlan(await admin.GetStringAsync(page)) == expected.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{page} under {today}");

        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var scorecard = PageText.Parse(await editor.GetStringAsync("/scorecard"));
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture),
            scorecard.Find("select[data-plan-picker] option[selected]").GetAttribute("value"));
        var offered = scorecard.QuerySelectorAll("select[data-plan-picker] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(4, offered.Count); // 163, 200, 210 and the programme: every plan but the draft
        Assert.DoesNotContain(draft.PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture), offered);
    }

    [Fact]
    public async Task The_picker_labels_closed_plans_and_shows_drafts_to_the_admin_only()
    {
        using var host = new PlanTrackerFactory();
        host.Settings["Clock:Today"] = "2020-01-15";
        var closed = await host.AddPlanAsync("190/KH-UBND", 2019, PlanStatus.Closed);
        var draft = await host.AddPlanAsync("201/KH-UBND", 2020, PlanStatus.Draft);

        var admin = PageText.Parse(await (await host.AdminAsync()).GetStringAsync("/dashboard"));
        Assert.Contains("190/KH-UBND (2019) – đã kết thúc", Option(admin, closed.PlanId));
        Assert.Contains("201/KH-UBND (2020) – dự thảo", Option(admin, draft.PlanId));
        // No active 2020 plan: the nearest earlier active annual plan, Plan 163
        Assert.Contains("163/KH-UBND", admin.Find("select[data-plan-picker] option[selected]").TextContent);

        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var tasks = await editor.GetStringAsync("/tasks");
        Assert.Contains("190/KH-UBND (2019) – đã kết thúc", tasks);
        Assert.DoesNotContain("201/KH-UBND", tasks);
    }

    private static string? SelectedPlan(string html) =>
        PageText.Parse(html).Find("select[data-plan-picker] option[selected]").GetAttribute("value");

    private static string Option(AngleSharp.Dom.IDocument page, int planId) =>
        page.Find($"select[data-plan-picker] option[value=\"{planId}\"]").TextContent;
}
