using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Import;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Features.Reminders;

namespace PlanTracker.Tests.Import;

/// <summary>
/// A plan being imported (`import`, another process, paused just before its last step) is staged: numbered
/// "importing:…", Active, its sections retired. No reader shows anything of it until the import commits; then they do.
/// Every client signs in before the import starts: a sign-in writes, and the paused import holds SQLite's write lock.
/// </summary>
public class StagedPlanTests(StagedPlanTests.Host host) : IClassFixture<StagedPlanTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    /// <summary>Two tasks led by Sở Tư pháp, without duties: its lead units owe its reports once it is imported.</summary>
    private static string PlanFile(string number) => $$"""
        { "plan": { "number": "{{number}}", "title": "Kế hoạch đang được nhập", "year": 2019, "issuedOn": "2018-12-28" },
          "sections": [ { "number": 1, "title": "Cải cách thể chế", "tasks": [
            { "code": "1.a", "activity": "Rà soát văn bản", "leadUnits": ["Sở Tư pháp"], "deliverables": [ { "product": "Sản phẩm nhập thử", "deadline": "Quý IV năm 2019" } ] },
            { "code": "1.b", "activity": "Kiểm tra văn bản", "leadUnits": ["Sở Tư pháp"], "deliverables": [ { "product": "Báo cáo", "deadline": "Quý IV năm 2019" } ] } ] } ] }
        """;

    /// <summary>Imports <paramref name="number"/>, running <paramref name="during"/> with the staged plan's id just before the last step.</summary>
    private async Task<int> ImportPausedAsync(string number, Func<int, Task> during)
    {
        var looked = false;
        var result = await PausedImport.ImportAsync(host, PlanFile(number), PausedImport.BeforeLastStep, async () =>
        {
            int staged;
            await using (var db = host.NewDbContext())
                staged = await db.Plans.Where(p => p.Number.StartsWith(PlanImporter.StagingPrefix)).Select(p => p.Id).SingleAsync();
            await during(staged);
            looked = true;
        });
        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.True(looked, "the import was not paused before its last step");
        await using var after = host.NewDbContext();
        return await after.Plans.Where(p => p.Number == number).Select(p => p.Id).SingleAsync();
    }

    private Task<string> UnitSecretAsync(string unitCode) => PausedImport.UnitFeedSecretAsync(host, unitCode);

    private Task<List<string>> FeedDescriptionsAsync(string secret) => PausedImport.FeedDescriptionsAsync(host, secret);

    private async Task<List<ReportObligation>> ObligationsAsync(int planId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await using var db = host.NewDbContext();
        var schedule = scope.ServiceProvider.GetRequiredService<ReportSchedule>();
        return [.. (await ReportObligations.LoadAsync(db, schedule, new DateOnly(2019, 10, 1))).Where(o => o.PlanId == planId)];
    }

    private static bool Staged(string text) => text.Contains(PlanImporter.StagingPrefix, StringComparison.Ordinal);

    [Fact]
    public async Task A_unit_feed_shows_no_report_of_a_plan_being_imported_until_it_is_imported()
    {
        var secret = await UnitSecretAsync("STP");
        List<string> during = [];

        await ImportPausedAsync("81/KH-UBND", async _ => during = await FeedDescriptionsAsync(secret));

        Assert.DoesNotContain(during, Staged); // its lead units owed its reports while its tasks were still hidden
        var after = await FeedDescriptionsAsync(secret);
        Assert.Contains(after, d => d.Contains("Kế hoạch: 81/KH-UBND", StringComparison.Ordinal) && d.Contains("Đơn vị báo cáo", StringComparison.Ordinal));
        Assert.DoesNotContain(after, Staged);
    }

    [Fact]
    public async Task The_reminders_owe_nothing_of_a_plan_being_imported_until_it_is_imported()
    {
        var runner = host.Services.GetRequiredService<ReminderRunner>();
        List<ReportObligation> owed = [];
        Core.Reminders.ReminderPlan? preview = null;

        var planId = await ImportPausedAsync("82/KH-UBND", async staged =>
        {
            owed = await ObligationsAsync(staged);
            preview = await runner.PreviewAsync();
        });

        Assert.Empty(owed);
        Assert.NotNull(preview);
        Assert.DoesNotContain(preview.Digests, d => Staged(d.Text) || Staged(d.Html) || d.Week?.Any(w => Staged(w.PlanNumber)) == true);
        var stsp = await host.UnitIdAsync("STP");
        Assert.Contains(await ObligationsAsync(planId), o => o.UnitId == stsp);
    }

    [Fact]
    public async Task The_plan_pickers_the_api_and_the_reports_page_list_a_plan_only_once_it_is_imported()
    {
        var admin = await host.AdminAsync();
        var viewer = await host.ViewerAsync();
        var pages = new List<string>();
        var api = "";

        var planId = await ImportPausedAsync("83/KH-UBND", async _ =>
        {
            foreach (var page in new[] { "/tasks", "/dashboard", "/reports", "/plans" })
                pages.Add(PageText.Text(await admin.GetStringAsync(page)));
            api = await viewer.GetStringAsync("/api/v1/plans");
        });

        Assert.DoesNotContain(pages, Staged);
        Assert.False(Staged(api), api);
        var picker = PageText.Parse(await admin.GetStringAsync("/tasks")).QuerySelectorAll("select[data-plan-picker] option").Select(o => o.TextContent);
        Assert.Contains(picker, o => o.Contains("83/KH-UBND", StringComparison.Ordinal));
        var listed = JsonDocument.Parse(await viewer.GetStringAsync("/api/v1/plans")).RootElement.GetProperty("items").EnumerateArray();
        Assert.Contains(listed, p => p.GetProperty("id").GetInt32() == planId);
    }

    [Fact]
    public async Task A_plan_being_imported_cannot_be_opened_by_its_id_until_it_is_imported()
    {
        var admin = await host.AdminAsync();
        var answers = new List<(string Url, HttpStatusCode Status)>();
        string[] Urls(int id) => [$"/plans/{id}", $"/plans/{id}/export.xlsx", $"/api/v1/plans/{id}", $"/admin/plans/{id}"];

        var planId = await ImportPausedAsync("84/KH-UBND", async staged =>
        {
            foreach (var url in Urls(staged)) answers.Add((url, (await admin.GetAsync(url)).StatusCode));
        });

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{a.Url}: {a.Status}"));
        foreach (var url in Urls(planId)) Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
    }
}
