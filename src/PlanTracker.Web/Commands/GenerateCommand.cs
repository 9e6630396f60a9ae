using System.Globalization;
using System.Security.Cryptography;
using PlanTracker.Core.Data;
using PlanTracker.Core.Generation;
using PlanTracker.Core.Time;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Web.Commands;

/// <summary>
/// `generate [--units 1000] [--deliverables 100000] [--years 5] [--seed 163] [--all-open] [--users]`:
/// synthetic province-scale data into the configured database, for benchmarks and training.
/// "Today" is the app's clock (set Clock__Today for a reproducible run).
/// </summary>
public sealed class GenerateCommand(string[] args) : ICommand
{
    public async Task<int> RunAsync(IServiceProvider services)
    {
        var options = new GeneratorOptions();
        var withUsers = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                options = args[i] switch
                {
                    "--units" => options with { Units = Positive(Next()) },
                    "--deliverables" => options with { Deliverables = Positive(Next()) },
                    "--years" => options with { Years = Positive(Next()) },
                    "--seed" => options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--first-year" => options with { FirstYear = Positive(Next()) },
                    "--all-open" => options with { AllOpen = true },
                    _ => args[i] == "--users" ? options : throw new ArgumentException($"unknown option {args[i]}"),
                };
                withUsers |= args[i] == "--users";
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                Console.Error.WriteLine($"generate: {e.Message}. Usage: generate [--units N] [--deliverables N] [--years N] [--seed N] [--first-year YYYY] [--all-open] [--users]");
                return 2;
            }
        }

        await services.InitializeDatabaseAsync();
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

    private static int Positive(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"'{text}' is not a positive number");
}
