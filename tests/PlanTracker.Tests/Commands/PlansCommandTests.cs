using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Commands;

/// <summary>`plans list|activate|close` on a database seeded with Plan 163, as an operator runs them.</summary>
public sealed class PlansCommandTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly Dictionary<string, string> environment;

    public PlansCommandTests() => environment = AppProcess.Environment(folder, RepoPaths.Plan163Seed);

    public void Dispose() => folder.Dispose();

    private TestDatabase OpenDatabase() => new(folder.File("cli.db"));

    [Fact]
    public async Task Plans_list_prints_number_years_kind_status_and_task_count()
    {
        var result = await AppProcess.RunAsync(environment, null, "plans", "list");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        var line = Assert.Single(result.Output.Split('\n'), l => l.StartsWith("163/KH-UBND", StringComparison.Ordinal));
        Assert.Equal(["163/KH-UBND", "2019", "CityAnnual", "Active"], line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..4]);
        using var database = OpenDatabase();
        await using var db = database.NewContext();
        var tasks = await db.Tasks.CountAsync(t => !t.IsRetired && !t.Section!.IsRetired);
        Assert.Equal(tasks.ToString(System.Globalization.CultureInfo.InvariantCulture), line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[4]);
    }

    [Fact]
    public async Task A_copy_sharing_the_number_is_named_by_its_year_then_activated_and_the_old_plan_closed()
    {
        Assert.Equal(0, (await AppProcess.RunAsync(environment, null, "plans", "list")).ExitCode); // migrate and seed
        using var database = OpenDatabase();
        await using (var db = database.NewContext())
        {
            db.Plans.Add(new Plan { Number = "163/KH-UBND", Title = "Bản sao 2020", Year = 2020, EndYear = 2020, Status = PlanStatus.Draft });
            await db.SaveChangesAsync();
        }

        var ambiguous = await AppProcess.RunAsync(environment, null, "plans", "activate", "--plan", "163/KH-UBND");
        Assert.Equal(1, ambiguous.ExitCode);
        Assert.Contains("(years 2019, 2020)", ambiguous.Error);
        Assert.Contains("--year", ambiguous.Error);

        var activated = await AppProcess.RunAsync(environment, null, "plans", "activate", "--plan", "163/KH-UBND", "--year", "2020");
        Assert.True(activated.ExitCode == 0, activated.Error + activated.Output);
        Assert.Contains("Plan 163/KH-UBND (2020) is now Active.", activated.Output);
        var closed = await AppProcess.RunAsync(environment, null, "plans", "close", "--plan", "163/KH-UBND", "--year", "2019");
        Assert.True(closed.ExitCode == 0, closed.Error + closed.Output);

        await using var check = database.NewContext();
        Assert.Equal([(2019, PlanStatus.Closed), (2020, PlanStatus.Active)],
            (await check.Plans.OrderBy(p => p.Year).Select(p => new { p.Year, p.Status }).ToListAsync()).Select(p => (p.Year, p.Status)).ToList());
        var steps = await check.ChangeRecords.Where(c => c.EntityType == "Plan").OrderBy(c => c.Id).Select(c => new { c.Action, c.UserName }).ToListAsync();
        Assert.Equal(["PlanActivated", "PlanClosed"], steps.Select(s => s.Action).ToList());
        Assert.All(steps, s => Assert.Equal("Dòng lệnh", s.UserName));
    }

    [Theory]
    [InlineData("activate", "999/KH-UBND", null, "no plan numbered '999/KH-UBND'")]
    [InlineData("activate", "163/KH-UBND", "2019", "đang thực hiện rồi")]
    [InlineData("close", "163/KH-UBND", "2018", "no plan numbered '163/KH-UBND' for 2018")]
    public async Task A_plan_that_is_unknown_or_cannot_take_the_step_exits_1_with_a_message(string verb, string plan, string? year, string message)
    {
        string[] args = year is null ? ["plans", verb, "--plan", plan] : ["plans", verb, "--plan", plan, "--year", year];

        var result = await AppProcess.RunAsync(environment, null, args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error);
    }
}
