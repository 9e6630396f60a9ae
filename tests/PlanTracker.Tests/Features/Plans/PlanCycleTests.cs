using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Plans;

/// <summary>
/// The year turns over as the operator runs it: Plan 163 and QĐ 4168 seeded, `plans copy` makes the 2020 plan,
/// `plans activate` and `plans close` take the steps. On 15/01/2020 every default page opens the 2020 plan, nothing of
/// it is overdue but what its own moved deadline makes overdue, and the reminders name no item of the closed plan.
/// </summary>
public sealed partial class PlanCycleTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string Database => folder.File("cli.db");

    private Dictionary<string, string> Environment => AppProcess.Environment(folder, RepoPaths.Seed, "2020-01-15");

    private async Task RunAsync(params string[] args)
    {
        var result = await AppProcess.RunAsync(Environment, null, args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: {result.Error}{result.Output}");
    }

    [SqliteFact]
    public async Task After_copy_activate_and_close_the_2020_plan_is_current_and_only_its_moved_deadlines_are_overdue()
    {
        await RunAsync("plans", "copy", "--plan", "163/KH-UBND", "--year", "2020");
        await RunAsync("plans", "activate", "--plan", "163/KH-UBND", "--year", "2020");
        await RunAsync("plans", "close", "--plan", "163/KH-UBND", "--year", "2019");
        var preview = await AppProcess.RunAsync(Environment, null, "reminders", "preview");
        Assert.True(preview.ExitCode == 0, preview.Error);

        int plan2020;
        List<int> passedDue; // the tasks with a deliverable whose moved deadline has passed
        using (var database = new TestDatabase(Database))
        await using (var db = database.NewContext())
        {
            Assert.Equal(PlanStatus.Active, (await db.Plans.SingleAsync(p => p.Kind == PlanKind.Programme && p.Number == "4168/QĐ-UBND")).Status);
            plan2020 = await db.Plans.Where(p => p.Number == "163/KH-UBND" && p.Year == 2020).Select(p => p.Id).SingleAsync();
            passedDue = await db.Deliverables.Where(d => d.Task!.Section!.PlanId == plan2020 && !d.IsRetired
                    && d.DeadlineDue < new DateOnly(2020, 1, 15) && d.DeadlineKind != Core.Deadlines.DeadlineKind.RecurringQuarterly)
                .Select(d => d.TaskId).Distinct().ToListAsync();
        }

        // Every reminder line names its plan, and only the 2020 plan's items are chased.
        var itemLines = preview.Output.Split('\n').Where(l => ItemLine().IsMatch(l)).ToList();
        Assert.NotEmpty(itemLines);
        Assert.All(itemLines, l => Assert.Contains("– Kế hoạch 163/KH-UBND năm 2020", l));
        Assert.DoesNotContain("năm 2019:", preview.Output);

        using var host = new PlanTrackerFactory();
        host.Settings["Database:Provider"] = "Sqlite";
        host.Settings["ConnectionStrings:PlanTracker"] = $"Data Source={Database}";
        host.Settings["Clock:Today"] = "2020-01-15";
        var admin = await host.AdminAsync();
        var home = await admin.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal($"/plans/{plan2020}", home.Headers.Location!.OriginalString);
        foreach (var page in new[] { "/dashboard", "/tasks", "/reports/periodic", "/indicators", "/scorecard" })
            Assert.True(PageText.Parse(await admin.GetStringAsync(page)).Find("select[data-plan-picker] option[selected]").GetAttribute("value")
                == plan2020.ToString(CultureInfo.InvariantCulture), page);

        // What is overdue is overdue by its own moved deadline: the texts that named 2018 now name 2019.
        var overdue = PageText.Parse(await admin.GetStringAsync("/tasks?State=Overdue"));
        var rows = overdue.QuerySelectorAll("table.items tbody tr[data-state=Overdue]");
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.Contains("/2019", r.QuerySelector("td:nth-child(4) .muted")!.TextContent);
            Assert.Contains(int.Parse(r.QuerySelector("a")!.GetAttribute("href")!["/tasks/".Length..], CultureInfo.InvariantCulture), passedDue);
        });
    }

    /// <summary>A digest line naming an item: "Nhiệm vụ 1.a (Quý 4) – Kế hoạch ...".</summary>
    [GeneratedRegex(@"Nhiệm vụ \d+\.\S+ (\(|–)")]
    private static partial Regex ItemLine();
}
