using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Import;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Faults;

/// <summary>
/// Issue 14, point 7: a start stopped between the two seed files. Each file is imported in one transaction, so a
/// kill between them leaves exactly the unit directory and no plan; the next start must load the plan.
/// </summary>
public class SeedFaultTests
{
    [Fact]
    public async Task A_database_with_the_units_but_no_plan_gets_Plan_163_at_the_next_start()
    {
        using var database = new TestDatabase();
        int units;
        await using (var db = database.NewContext())
        {
            await new UnitDirectoryImporter(db).ImportAsync(RepoPaths.UnitSeed);
            units = await db.Units.CountAsync();
        }

        using var host = new PlanTrackerFactory();
        host.Settings["ConnectionStrings:PlanTracker"] = database.ConnectionString;
        await using var started = host.NewDbContext();

        Assert.Equal("163/KH-UBND", (await started.Plans.SingleAsync()).Number);
        Assert.Equal(units, await started.Units.CountAsync()); // the unit file is not loaded twice
        Assert.True(await started.TaskAssignments.AnyAsync(a => a.UnitId != null)); // the plan's unit names found the units already there
    }
}
