using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.History;
using PlanTracker.Core.Plans;
using PlanTracker.Core.States;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Features.Admin.Plans;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Commands;

/// <summary>`plans copy` on the seeded Plan 163, with today frozen at 15/01/2020.</summary>
public sealed class PlansCopyCommandTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateOnly Today = new(2020, 1, 15);
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private Dictionary<string, string> Environment => AppProcess.Environment(folder, RepoPaths.Plan163Seed, "2020-01-15");

    [Fact]
    public async Task Copy_into_2020_leaves_overdue_only_what_its_moved_deadline_makes_overdue_and_links_carried_items()
    {
        var result = await AppProcess.RunAsync(Environment, null,
            "plans", "copy", "--plan", "163/KH-UBND", "--year", "2020", "--number", "210/KH-UBND", "--carry-over");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("Created draft plan 210/KH-UBND for 2020", result.Output);
        Assert.Contains("1.a: Quý IV năm 2018 (31/12/2018) -> Quý IV năm 2019 (31/12/2019)", result.Output);
        Assert.Contains("Trong năm 2019 (31/12/2019) -> Trong năm 2020 (31/12/2020)", result.Output);
        Assert.DoesNotContain("Thường xuyên", result.Output); // nothing moved there

        using var database = new TestDatabase(folder.File("cli.db"));
        await using var db = database.NewContext();
        var source = await db.Plans.Include(p => p.Objectives).ThenInclude(o => o.Indicators).Include(p => p.Duties).SingleAsync(p => p.Number == "163/KH-UBND");
        var draft = await db.Plans.Include(p => p.Objectives).ThenInclude(o => o.Indicators).Include(p => p.Duties).SingleAsync(p => p.Number == "210/KH-UBND");
        Assert.Equal((PlanStatus.Draft, 2020, (int?)source.Id), (draft.Status, draft.Year, draft.CopiedFromPlanId));

        // The copy as the "new plan" form makes it (printed texts kept) is what 15/01/2020 looked like before.
        var kept = new Plan { Number = "999/KH-UBND", Title = "Bản sao giữ nguyên thời hạn", Year = 2020, EndYear = 2020 };
        await PlanCopier.CreateAsync(db, Actor.System, DateTime.UtcNow, kept, await PlanCopier.LoadSourceAsync(db, source.Id),
            new PlanCopier.Choices(PlanCopier.CopyScope.Everything));
        var before = await WorkItems.LoadAsync(db, Today, planId: kept.Id);

        var carriedIds = (await db.Deliverables.Where(d => d.Task!.Section!.PlanId == draft.Id && d.CarriedOverFromId != null)
            .Select(d => new { d.Id, d.CarriedOverFromId }).ToListAsync());
        var items = (await WorkItems.LoadAsync(db, Today, planId: draft.Id)).Where(i => carriedIds.All(c => c.Id != i.DeliverableId)).ToList();
        var overdue = items.Where(i => i.State == DeliverableState.Overdue).ToList();
        output.WriteLine($"Overdue on 15/01/2020: {before.Count(i => i.State == DeliverableState.Overdue)} of {before.Count} items with texts kept; "
            + $"{overdue.Count} of {items.Count} after the rollover (carried-over items apart: {carriedIds.Count} deliverables).");
        Assert.Equal(before.Count, items.Count);
        Assert.True(before.Count(i => i.State == DeliverableState.Overdue) > items.Count / 2);
        // Overdue only where the 2019 plan's own deadline named 2018, which moved to a date in 2019.
        Assert.All(overdue, i => Assert.Contains("2019", i.DeadlineText));
        Assert.All(overdue, i => Assert.True(i.Due < Today));
        Assert.DoesNotContain(items, i => i.State == DeliverableState.Overdue && i.Due >= new DateOnly(2020, 1, 1));
        Assert.Contains(overdue, i => i.TaskCode == "1.a" && i.DeadlineText == "Quý IV năm 2019");

        var unfinished = await PlanCopier.UnfinishedAsync(db, source.Id, Today);
        Assert.NotEmpty(unfinished);
        Assert.Equal(unfinished.Select(u => u.DeliverableId).Order(), carriedIds.Select(c => c.CarriedOverFromId!.Value).Order());

        Assert.Equal(source.Objectives.Select(o => (o.Code, o.Kind, o.Indicators.Count)).Order(), draft.Objectives.Select(o => (o.Code, o.Kind, o.Indicators.Count)).Order());
        Assert.Equal(source.Duties.Select(d => d.Code).Order(), draft.Duties.Select(d => d.Code).Order());
        Assert.Contains(await db.ChangeRecords.Where(c => c.PlanId == draft.Id).ToListAsync(), c => c.Action == "PlanCreated" && c.UserName == "Dòng lệnh");
    }

    [Fact]
    public async Task Copy_refuses_an_unknown_or_ambiguous_plan_and_a_taken_number()
    {
        var unknown = await AppProcess.RunAsync(Environment, null, "plans", "copy", "--plan", "999/KH-UBND", "--year", "2020");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no plan numbered '999/KH-UBND'", unknown.Error);

        var taken = await AppProcess.RunAsync(Environment, null, "plans", "copy", "--plan", "163/KH-UBND", "--year", "2019");
        Assert.Equal(1, taken.ExitCode);
        Assert.Contains("exists already", taken.Error);

        var first = await AppProcess.RunAsync(Environment, null, "plans", "copy", "--plan", "163/KH-UBND", "--year", "2020");
        Assert.True(first.ExitCode == 0, first.Error + first.Output);
        var ambiguous = await AppProcess.RunAsync(Environment, null, "plans", "copy", "--plan", "163/KH-UBND", "--year", "2021");
        Assert.Equal(1, ambiguous.ExitCode);
        Assert.Contains("2 plans are numbered '163/KH-UBND' (years 2019, 2020); name one with --from-year", ambiguous.Error);

        var named = await AppProcess.RunAsync(Environment, null, "plans", "copy", "--plan", "163/KH-UBND", "--from-year", "2020", "--year", "2021");
        Assert.True(named.ExitCode == 0, named.Error + named.Output);
        Assert.Contains("from 163/KH-UBND (2020)", named.Output);
        using var database = new TestDatabase(folder.File("cli.db"));
        await using var db = database.NewContext();
        Assert.Equal([2019, 2020, 2021], await db.Plans.Where(p => p.Number == "163/KH-UBND").OrderBy(p => p.Year).Select(p => p.Year).ToListAsync());
    }
}
