using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using PlanTracker.Core.Generation;
using PlanTracker.Core.Time;

namespace PlanTracker.Web.Commands;

/// <summary>
/// `generate [--units 1000] [--deliverables 100000] [--years 5] [--seed 163] [--first-year 2019] [--all-open] [--users]
/// [--cycle [--unit-plans 60]]`:
/// synthetic province-scale data into the configured database, for benchmarks and training.
/// "Today" is the app's clock (set Clock__Today for a reproducible run).
/// </summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var defaults = new GeneratorOptions();
        var units = Positive("--units", "units to generate", defaults.Units);
        var deliverables = Positive("--deliverables", "deliverables across all plans", defaults.Deliverables);
        var years = Positive("--years", "plan years", defaults.Years);
        var firstYear = Positive("--first-year", "the first plan year", defaults.FirstYear);
        var seed = new Option<int>("--seed") { Description = "the random seed: the same seed gives the same data", DefaultValueFactory = _ => defaults.Seed };
        var allOpen = new Option<bool>("--all-open") { Description = "every deliverable open, due dates spread around today (the fixed benchmark scenario)" };
        var users = new Option<bool>("--users") { Description = "one unit editor per unit, <unit code>@generated.example, sharing one printed password" };
        var cycle = new Option<bool>("--cycle")
        {
            Description = "the city's plan cycle: a programme over the years, a city plan a year citing its items, and units' own plans a year "
                + "citing the city tasks they lead; earlier years closed, today's active, later ones drafts",
        };
        var unitPlans = Positive("--unit-plans", "with --cycle: units with their own plan each year", defaults.UnitPlans);

        var command = new Command("generate", "Generate synthetic province-scale data into the configured database, for benchmarks and training; "
            + "today is the app's clock (Clock__Today). Exit code 1 when the generator refuses (e.g. a database that already holds data), "
            + "2 for a usage error.") { units, deliverables, years, seed, firstYear, allOpen, users, cycle, unitPlans };
        command.SetAppAction((result, services) => RunAsync(services, result.GetValue(users), defaults with
        {
            Units = result.GetValue(units),
            Deliverables = result.GetValue(deliverables),
            Years = result.GetValue(years),
            Seed = result.GetValue(seed),
            FirstYear = result.GetValue(firstYear),
            AllOpen = result.GetValue(allOpen),
            Cycle = result.GetValue(cycle),
            UnitPlans = result.GetValue(unitPlans),
        }));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, bool withUsers, GeneratorOptions options)
    {
        await services.InitializeDatabaseAsync(StartupWork.Roles); // no seed: the generated province alone, into an empty database
        await using var scope = services.CreateAsyncScope();
        options = options with { Today = scope.ServiceProvider.GetRequiredService<IClock>().Today };
        var password = withUsers ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)) : null;
        var generator = new ProvinceGenerator(scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>());
        GeneratorSummary summary;
        try
        {
            summary = await generator.GenerateAsync(options, password);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine("generate: " + e.Message);
            return 1;
        }

        Console.WriteLine($"Generated {summary.Units} units, {summary.Plans} plans, {summary.Tasks} tasks, {summary.Deliverables} deliverables, "
            + $"{summary.ProgressRecords} progress records in {summary.Elapsed.TotalSeconds:0.0} s (seed {options.Seed}, today {options.Today:yyyy-MM-dd}).");
        if (password is not null)
            Console.WriteLine($"{summary.Users} unit editors <unit code>@generated.example share this generated password: {password}");
        return 0;
    }

    private static Option<int> Positive(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) return n;
            result.AddError($"{name}: '{text}' is not a positive number.");
            return 0;
        },
    };
}
