using System.CommandLine;
using PlanTracker.Core.History;
using PlanTracker.Core.Time;
using PlanTracker.Web.Features.Admin.Plans;

namespace PlanTracker.Web.Commands;

/// <summary>
/// `plans list`, `plans activate --plan "163/KH-UBND" [--year 2019]`, `plans close --plan ... [--year Y]`: the plan
/// lifecycle as the admin plan page takes it, with the same rules and history. `plans copy --plan "163/KH-UBND"
/// --year 2020 [--number "210/KH-UBND"] [--carry-over]`: next year's draft with the deadlines "Lập kế hoạch năm sau"
/// proposes, as the review screen would save it untouched. A plan is named by its number and, where two share one
/// (a copy keeps its source's number until it gets its own), its year.
/// </summary>
public static class PlansCommand
{
    private static readonly Actor CommandLineActor = new(null, "Dòng lệnh");

    public static Command Create() => new("plans", "List plans, copy one into next year's draft, and take them through draft → active → closed.")
    {
        List(), Copy(), Step("activate", PlanStatus.Active, "Make a draft plan active: units see it and are reminded of it."),
        Step("close", PlanStatus.Closed, "Close an active plan: it becomes read-only and its reminders stop."),
    };

    private static Command List()
    {
        var list = new Command("list", "Every plan, newest first: number, year(s), kind, status and live task count.");
        list.SetAppAction((_, services) => ListAsync(services));
        return list;
    }

    private static async Task<int> ListAsync(IServiceProvider services)
    {
        await services.InitializeDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var plans = await db.Plans.AsNoTracking().NewestFirst()
            .Select(p => new { p.Number, p.Year, p.EndYear, p.Kind, p.Status,
                Tasks = p.Sections.Where(s => !s.IsRetired).SelectMany(s => s.Tasks).Count(t => !t.IsRetired) })
            .ToListAsync();
        if (plans.Count == 0)
        {
            Console.WriteLine("No plan yet.");
            return 0;
        }
        var width = plans.Max(p => p.Number.Length);
        Console.WriteLine($"{"number".PadRight(width)}  {"years",-9}  {"kind",-10}  {"status",-6}  tasks");
        foreach (var p in plans)
        {
            var years = p.EndYear > p.Year ? $"{p.Year}-{p.EndYear}" : $"{p.Year}";
            Console.WriteLine($"{p.Number.PadRight(width)}  {years,-9}  {p.Kind,-10}  {p.Status,-6}  {p.Tasks}");
        }
        return 0;
    }

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
        var (found, error) = await FindAsync(db, planNumber, fromYear, "--from-year");
        if (found is null)
        {
            Console.Error.WriteLine($"plans copy: {error}");
            return 1;
        }

        var source = (await PlanCopier.LoadSourceAsync(db, found.Id))!;
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
        await PlanCopier.CreateAsync(db, CommandLineActor, now, draft, source,
            new PlanCopier.Choices(PlanCopier.CopyScope.Everything, proposals.ToDictionary(p => p.DeliverableId, p => p.New.Text), carried));

        var moved = proposals.Where(p => p.Moved).ToList();
        Console.WriteLine($"Created draft plan {draft.Number} for {draft.Year} (id {draft.Id}) from {source.Number} ({source.Year}): "
            + $"{proposals.Count} deliverables, {moved.Count} with a moved deadline, {carried.Count} carried over. Activate it when it is ready.");
        foreach (var p in moved)
            Console.WriteLine($"  {p.TaskCode}: {p.OldText} ({Display.Date(p.OldDue)}) -> {p.New.Text} ({Display.Date(p.New.Due)})");
        return 0;
    }

    private static Command Step(string name, PlanStatus to, string description)
    {
        var plan = new Option<string>("--plan") { Description = "the plan's number, e.g. \"163/KH-UBND\"", Required = true };
        var year = new Option<int?>("--year") { Description = "the plan's (first) year, when several plans share the number" };
        var command = new Command(name, description + " Exit code 1 when the plan is unknown, ambiguous or cannot take the step.") { plan, year };
        command.SetAppAction((result, services) => StepAsync(services, name, result.GetRequiredValue(plan), result.GetValue(year), to));
        return command;
    }

    private static async Task<int> StepAsync(IServiceProvider services, string verb, string number, int? year, PlanStatus to)
    {
        await services.InitializeDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var (plan, error) = await FindAsync(db, number, year, "--year");
        if (plan is null)
        {
            Console.Error.WriteLine($"plans {verb}: {error}");
            return 1;
        }
        if (PlanStatusSteps.Refusal(plan, to) is { } refusal)
        {
            Console.Error.WriteLine($"plans {verb}: {refusal}");
            return 1;
        }
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        PlanStatusSteps.Take(db, CommandLineActor, now, plan, to);
        await db.SaveChangesAsync();
        Console.WriteLine($"Plan {plan.Number} ({PlanStatusSteps.Years(plan)}) is now {to}.");
        return 0;
    }

    /// <summary>The plan with the number (and year, when given); an error naming the years when the number alone is ambiguous.</summary>
    private static async Task<(Plan? Plan, string Error)> FindAsync(PlanTrackerDbContext db, string number, int? year, string yearOption)
    {
        var clean = Core.Text.VietnameseText.Clean(number);
        var matches = await db.Plans.Where(p => p.Number == clean && (year == null || p.Year == year)).ToListAsync();
        return matches switch
        {
            [var only] => (only, ""),
            [] => (null, $"no plan numbered '{clean}'{(year is null ? "" : $" for {year}")}. See `plans list`."),
            _ => (null, $"{matches.Count} plans are numbered '{clean}' (years {string.Join(", ", matches.Select(p => p.Year).Order())}); "
                + $"name one with {yearOption}."),
        };
    }
}
