using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Features.Admin.Plans;

namespace PlanTracker.Tests.Features.Admin.Plans;

/// <summary>
/// Two admins save the same plan number for the same year at the same instant: both forms' checks pass, the unique
/// index refuses the second save, and the second admin must read why instead of an error page.
/// </summary>
public class PlanNumberRaceTests(PlanNumberRaceTests.Host host) : IClassFixture<PlanNumberRaceTests.Host>
{
    public sealed class Host : PlanTrackerFactory;

    private static Plan NewPlan(string number, int year, int? unitId = null) =>
        new() { Number = number, Title = "Kế hoạch thử", Year = year, EndYear = year, UnitId = unitId };

    [Fact]
    public async Task A_number_taken_by_a_save_that_came_first_is_told_apart_from_other_failures()
    {
        await using var second = host.NewDbContext();
        await using var first = host.NewDbContext();
        Assert.False(await PlanNumbers.TakenAsync(second, "99/KH-UBND", 2031)); // both forms checked while it was free

        first.Plans.Add(NewPlan("99/KH-UBND", 2031));
        await first.SaveChangesAsync();
        await using (var transaction = await second.Database.BeginTransactionAsync())
        {
            second.Plans.Add(NewPlan("99/KH-UBND", 2031));
            var failure = await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync());

            Assert.True(await PlanNumbers.TakenMeanwhileAsync(second, failure, "99/KH-UBND", 2031));
            Assert.Null(second.Database.CurrentTransaction);
            Assert.Empty(second.ChangeTracker.Entries());
        }
        Assert.Equal(1, await host.NewDbContext().Plans.CountAsync(p => p.Number == "99/KH-UBND" && p.Year == 2031));
    }

    [Fact]
    public async Task A_failure_with_the_number_free_is_not_taken_for_a_number_clash()
    {
        await using var db = host.NewDbContext();
        db.Plans.Add(NewPlan("98/KH-UBND", 2031, unitId: 999_999)); // no such unit: the foreign key refuses it
        var failure = await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.False(await PlanNumbers.TakenMeanwhileAsync(db, failure, "98/KH-UBND", 2031));
    }
}
