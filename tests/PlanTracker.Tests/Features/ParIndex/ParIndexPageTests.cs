using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Progress;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.ParIndex;

/// <summary>
/// Plan 163 on 20/03/2019, two days after the Q1 report fell due (cut-off Thursday 14/03, due Monday 18/03). Reports:
/// Sở Tư pháp sent on 18/03 (on time), Ninh Kiều on 19/03 (late), every other owing unit nothing. Items due by then are
/// the four dated 2018: Sở Tư pháp's 1.a plan (not done), Văn phòng UBND's two 2.a products (one done 15/01/2019, late;
/// one not done) and Sở Thông tin và Truyền thông's 6.a (done 20/12/2018, on time): 1 of 4 on time, 25%.
/// </summary>
public class ParIndexPageTests(ParIndexPageTests.Host host) : IClassFixture<ParIndexPageTests.Host>
{
    public class Host : PlanTrackerFactory
    {
        private bool prepared;

        public Host() => Settings["Clock:Today"] = "2019-03-20";

        public async Task ReadyAsync()
        {
            if (prepared) return;
            await using var db = NewDbContext();
            var planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            foreach (var (unit, on, number) in new[] { ("STP", new DateOnly(2019, 3, 18), "30/BC-STP"), ("UBND_NINHKIEU", new DateOnly(2019, 3, 19), "41/BC-UBND") })
                db.Add(new ReportSubmission
                {
                    PlanId = planId, UnitId = await UnitIdAsync(unit), PeriodKey = "2019-Q1", DocumentNumber = number, DocumentDate = on, SubmittedOn = on,
                    FileName = "bao-cao.pdf", ContentType = "application/pdf", SizeBytes = 13, StoredName = "reports/2019/bao-cao.pdf", RecordedAtUtc = DateTime.UtcNow,
                });
            foreach (var (task, index, unit, done) in new[] { ("6.a", 0, "STTTT", new DateOnly(2018, 12, 20)), ("2.a", 0, "VPUBND", new DateOnly(2019, 1, 15)) })
                db.Progress.Add(new DeliverableProgress
                {
                    DeliverableId = (await this.DeliverableAsync(task, index)).DeliverableId, Period = "", UnitId = await UnitIdAsync(unit),
                    Status = ProgressStatus.Done, ProgressPercent = 100, CompletedOn = done, ResultText = "Đã hoàn thành", UpdatedAtUtc = DateTime.UtcNow, UpdatedByName = "Test",
                });
            await db.SaveChangesAsync();
            prepared = true;
        }
    }

    private async Task<AngleSharp.Dom.IDocument> PageAsync(string query = "")
    {
        await host.ReadyAsync();
        return await (await host.AdminAsync()).GetDocumentAsync("/par-index" + query);
    }

    private static string[] Counts(AngleSharp.Dom.IElement row) => row.QuerySelectorAll("td[data-count]").Select(c => c.TextContent.Trim()).ToArray();

    private async Task<int> Unit(string code) => await host.UnitIdAsync(code);

    [Fact]
    public async Task Each_units_items_are_counted_as_its_scorecard_counts_them()
    {
        var page = await PageAsync();
        var admin = await host.AdminAsync();

        foreach (var (code, expected) in new[] { ("STP", new[] { "1", "0", "0", "1", "0%" }), ("VPUBND", ["2", "0", "1", "1", "0%"]), ("STTTT", ["1", "1", "0", "0", "100%"]) })
        {
            var id = await Unit(code);
            Assert.Equal(expected, Counts(page.Find($"#task-table tr[data-unit=\"{id}\"]")));
            var scorecard = await admin.GetDocumentAsync($"/scorecard?Unit={id}");
            Assert.Equal(expected[1..4], new[] { "DoneOnTime", "DoneLate", "Overdue" }.Select(s => scorecard.Find($"[data-figure=\"{s}\"] .figure").TextContent.Trim()).ToArray());
        }
    }

    [Fact]
    public async Task Each_units_reports_are_counted_as_its_scorecard_shows_them()
    {
        var page = await PageAsync();
        var admin = await host.AdminAsync();

        foreach (var (code, expected, status) in new[] { ("STP", new[] { "1", "1", "0", "0", "100%" }, "Đúng hạn"), ("UBND_NINHKIEU", ["1", "0", "1", "0", "0%"], "Trễ hạn"),
                     ("STTTT", ["1", "0", "0", "1", "0%"], "Chưa nộp") })
        {
            var id = await Unit(code);
            Assert.Equal(expected, Counts(page.Find($"#report-table tr[data-unit=\"{id}\"]")));
            var scorecard = await admin.GetDocumentAsync($"/scorecard?Unit={id}");
            Assert.Equal(status, scorecard.Find("#report-submissions tr[data-period=\"2019-Q1\"] td:last-child").TextContent.Trim());
        }
    }

    [Fact]
    public async Task Units_are_ranked_worst_first_then_by_name()
    {
        var page = await PageAsync();

        var tasks = page.QuerySelectorAll("#task-table tbody tr").Select(r => int.Parse(r.GetAttribute("data-unit")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(new[] { await Unit("STP"), await Unit("VPUBND"), await Unit("STTTT") }, tasks.Take(3).ToArray());
        var reports = page.QuerySelectorAll("#report-table tbody tr").Select(r => int.Parse(r.GetAttribute("data-unit")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(await Unit("STP"), reports[^1]); // the only one on time
        Assert.Equal(await Unit("UBND_NINHKIEU"), reports[^2]); // late comes after missing
        var rates = page.QuerySelectorAll("#report-table tbody tr td[data-count=rate]").Select(c => c.TextContent.Trim()).ToList();
        Assert.All(rates.SkipLast(1), r => Assert.Equal("0%", r));
    }

    [Fact]
    public async Task The_citys_points_follow_the_configured_bands()
    {
        var page = await PageAsync();

        var tasks = page.Find("[data-criterion=\"1.6\"]");
        Assert.Equal("Tỷ lệ đúng hạn: 25%", tasks.Find("[data-figure=rate]").TextContent.Trim());
        Assert.Equal("0 / 1 điểm", tasks.Find("[data-figure=points]").TextContent.Trim());
        Assert.Equal("Bị trừ: 1 điểm", tasks.Find("[data-figure=lost]").TextContent.Trim());
        Assert.Contains("từ 80% đến dưới 100%: 0,5 điểm", tasks.Find("[data-figure=rule]").TextContent);
        var reports = page.Find("[data-criterion=\"1.2\"]");
        Assert.Equal("0 / 3 điểm", reports.Find("[data-figure=points]").TextContent.Trim());
    }

    [Fact]
    public async Task A_past_date_recomputes_the_day_before_the_Q1_report_fell_due()
    {
        var page = await PageAsync("?AsOf=2019-03-17");

        var reports = page.Find("[data-criterion=\"1.2\"]");
        Assert.Equal("Tỷ lệ đúng hạn: chưa có gì đến hạn", reports.Find("[data-figure=rate]").TextContent.Trim());
        Assert.Equal("3 / 3 điểm", reports.Find("[data-figure=points]").TextContent.Trim());
        Assert.Equal(new[] { "0", "0", "0", "0", "—" }, Counts(page.Find($"#report-table tr[data-unit=\"{await Unit("STTTT")}\"]")));
    }

    [Fact]
    public async Task The_table_downloads_as_a_workbook_ranked_as_on_the_page()
    {
        await host.ReadyAsync();
        var response = await (await host.AdminAsync()).GetAsync("/par-index?handler=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheets = book.WorkbookPart!.Workbook!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(new[] { "Dự kiến điểm", "Tiêu chí 1.2", "Tiêu chí 1.6" }, sheets.ToArray());
    }
}

/// <summary>A band changed in the settings changes the projection: 25% on time reaches a band from 20%.</summary>
public class ParIndexSettingsTests(ParIndexSettingsTests.LowerBand host) : IClassFixture<ParIndexSettingsTests.LowerBand>
{
    public sealed class LowerBand : ParIndexPageTests.Host
    {
        public LowerBand() => Settings["ParIndex:Criteria:1:Bands:1:MinRate"] = "0.2";
    }

    [Fact]
    public async Task A_lower_band_in_the_settings_earns_its_points()
    {
        await host.ReadyAsync();
        var page = await (await host.AdminAsync()).GetDocumentAsync("/par-index");

        Assert.Equal("0,5 / 1 điểm", page.Find("[data-criterion=\"1.6\"] [data-figure=points]").TextContent.Trim());
        Assert.Contains("từ 20% đến dưới 100%: 0,5 điểm", page.Find("[data-criterion=\"1.6\"] [data-figure=rule]").TextContent);
    }

    [Fact]
    public void Settings_that_cannot_score_stop_the_start_with_the_problem_named()
    {
        using var wrong = new PlanTrackerFactory();
        wrong.Settings["ParIndex:Criteria:1:Bands:1:Points"] = "2";

        var error = Record.Exception(() => wrong.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("ParIndex:Criteria:1:Bands:1:Points must be between 0 and MaxPoints 1.0 (it is 2)", error.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>An appsettings.json from a release before the PAR Index view: no "ParIndex" section at all.</summary>
public class ParIndexMissingSettingsTests(ParIndexMissingSettingsTests.OldSettings host) : IClassFixture<ParIndexMissingSettingsTests.OldSettings>
{
    public sealed class OldSettings : ParIndexPageTests.Host
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration((_, config) =>
            {
                var old = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "appsettings.json")))!.AsObject();
                old.Remove("ParIndex");
                var file = Folder.Write("appsettings-before-par-index.json", old.ToJsonString());
                var shipped = config.Sources.OfType<JsonConfigurationSource>().Last(s => s.Path == "appsettings.json"); // the repository's
                var before = new JsonConfigurationSource { Path = file, Optional = false };
                before.ResolveFileProvider();
                config.Sources[config.Sources.IndexOf(shipped)] = before;
            });
        }
    }

    [Fact]
    public async Task The_app_starts_and_scores_by_the_shipped_rules()
    {
        await host.ReadyAsync();
        var page = await (await host.AdminAsync()).GetDocumentAsync("/par-index");

        Assert.False(host.Services.GetRequiredService<IConfiguration>().GetSection("ParIndex").Exists());
        Assert.Equal("0 / 1 điểm", page.Find("[data-criterion=\"1.6\"] [data-figure=points]").TextContent.Trim());
        Assert.Contains("từ 80% đến dưới 100%: 0,5 điểm", page.Find("[data-criterion=\"1.6\"] [data-figure=rule]").TextContent);
        Assert.Equal("0 / 3 điểm", page.Find("[data-criterion=\"1.2\"] [data-figure=points]").TextContent.Trim());
        Assert.Contains("từ 75% đến dưới 90%: 1,75 điểm", page.Find("[data-criterion=\"1.2\"] [data-figure=rule]").TextContent);
    }
}
