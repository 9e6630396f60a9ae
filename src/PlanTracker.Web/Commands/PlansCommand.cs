using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Core.History;
using PlanTracker.Core.Plans;
using PlanTracker.Core.Time;
using PlanTracker.Web.Features.Admin.Plans;
using PlanTracker.Web.Features.Shared;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Web.Commands;

/// <summary>
/// `plans copy --plan "163/KH-UBND" --year 2020 [--number "210/KH-UBND"] [--carry-over]`: next year's draft with the
/// deadlines "Lập kế hoạch năm sau" proposes, as the review screen would save it untouched.
/// </summary>
public static class PlansCommand
{
    public static Command Create() => new("plans", "Plans across years.") { Copy() };

    private static Command Copy()
    {
        var plan = new Option<string>("--plan") { Description = "the plan to copy, by its number, e.g. \"163/KH-UBND\"", Required = true };
        var fromYear = new Option<int?>("--from-year") { Description = "the year of the plan to copy, where two plans share its number" };
        var year = new Option<int>("--year") { Description = "the new plan's year", Required = true };
        year.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < PlanHeaderInput.MinYear or > PlanHeaderInput.MaxYear)
                result.AddError($"--year must be from {PlanHeaderInput.MinYear} to {PlanHeaderInput.MaxYear}.");
        });
        var number = new Option<string?>("--number") { Description = "the new plan's number (default: the source's, until it gets its own)" };
        var carryOver = new Option<bool>("--carry-over") { Description = "carry every unfinished deliverable over (\"chuyển tiếp\"), as of today (honours Clock__Today)" };

        var copy = new Command("copy", "Copy a plan into a draft for another year: deadlines that name a year move by the difference, "
            + "the rest are read in the new year; objectives, indicators and duties come along. Prints every deliverable whose deadline moved. "
            + "Exit code 1 when the plan is unknown or ambiguous, or the new number and year are taken; 2 for a usage error.")
            { plan, fromYear, year, number, carryOver };
        copy.SetAppAction((result, services) => CopyAsync(services, result.GetRequiredValue(plan), result.GetValue(fromYear),
            result.GetRequiredValue(year), result.GetValue(number), result.GetValue(carryOver)));
        return copy;
    }

    private static async Task<int> CopyAsync(IServiceProvider services, string planNumber, int? fromYear, int year, string? number, bool carryOver)
    {
        await services.InitializeDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var named = planNumber.Trim();
        var candidates = await db.Plans.AsNoTracking().Where(p => p.Number == named && (fromYear == null || p.Year == fromYear))
            .OrderBy(p => p.Year).Select(p => new { p.Id, p.Year }).ToListAsync();
        if (candidates.Count != 1)
        {
            Console.Error.WriteLine(candidates.Count == 0
                ? $"plans copy: no plan is numbered '{named}'{(fromYear is null ? "" : $" in {fromYear}")}."
                : $"plans copy: {candidates.Count} plans are numbered '{named}' ({string.Join(", ", candidates.Select(c => c.Year))}); name one with --from-year.");
            return 1;
        }

        var source = (await PlanCopier.LoadSourceAsync(db, candidates[0].Id))!;
        var newNumber = string.IsNullOrWhiteSpace(number) ? source.Number : number.Trim();
        if (await db.Plans.AnyAsync(p => p.Number == newNumber && p.Year == year))
        {
            Console.Error.WriteLine($"plans copy: a plan numbered '{newNumber}' for {year} exists already; give another with --number.");
            return 1;
        }

        var proposals = PlanRollover.Propose(source, year);
        var today = scope.ServiceProvider.GetRequiredService<IClock>().Today;
        var carried = carryOver ? (await PlanCopier.UnfinishedAsync(db, source.Id, today)).Select(u => u.DeliverableId).ToList() : [];
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var draft = PlanCopier.NextYearDraft(source, year, newNumber, now);
        await PlanCopier.CreateAsync(db, new Actor(null, "Dòng lệnh"), now, draft, source,
            new PlanCopier.Choices(PlanCopier.CopyScope.Everything, proposals.ToDictionary(p => p.DeliverableId, p => p.New.Text), carried));

        var moved = proposals.Where(p => p.Moved).ToList();
        Console.WriteLine($"Created draft plan {draft.Number} for {draft.Year} (id {draft.Id}) from {source.Number} ({source.Year}): "
            + $"{proposals.Count} deliverables, {moved.Count} with a moved deadline, {carried.Count} carried over. Activate it when it is ready.");
        foreach (var p in moved)
            Console.WriteLine($"  {p.TaskCode}: {p.OldText} ({Display.Date(p.OldDue)}) -> {p.New.Text} ({Display.Date(p.New.Due)})");
        return 0;
    }
}
