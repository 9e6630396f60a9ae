namespace PlanTracker.Web.Commands;

/// <summary>
/// The operator verbs that the app takes instead of serving: `dotnet run -- import FILE`, or
/// `dotnet PlanTracker.Web.dll import FILE` when published.
/// </summary>
public static class CommandLine
{
    public static ICommand? Parse(string[] args) => args.FirstOrDefault() switch
    {
        "import" => new ImportCommand(args[1..]),
        "users" => new UsersCommand(args[1..]),
        "generate" => new GenerateCommand(args[1..]),
        "reminders" => new Features.Reminders.RemindersCommand(args[1..]),
        "help" or "--help" or "-h" => new HelpCommand(),
        _ => null,
    };
}

public interface ICommand
{
    Task<int> RunAsync(IServiceProvider services);
}

public sealed class HelpCommand : ICommand
{
    public const string Usage = """
        Usage: dotnet run --project src/PlanTracker.Web [-- VERB ...]
          (no verb)            serve PlanTracker on the configured Urls
          import FILE...       import plan files (seed/plan-*.json) or unit directories (seed/units-*.json)
          users create --email E --role Admin|UnitEditor|Viewer [--unit "Sở Tư pháp"] [--name "Full Name"]
                               create an account; the password is read from standard input
          generate [--units N] [--deliverables N] [--years N] [--seed N] [--first-year YYYY] [--all-open] [--users]
                               synthetic province-scale data for benchmarks and training
          reminders run        plan today's reminder e-mails (honours Clock__Today), send the outbox once, exit
          reminders preview    print what a reminder run would send today, without writing or sending
          help                 show this text
        """;

    public Task<int> RunAsync(IServiceProvider services)
    {
        Console.WriteLine(Usage);
        return Task.FromResult(0);
    }
}
