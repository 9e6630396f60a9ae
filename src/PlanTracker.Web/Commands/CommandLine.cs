using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using PlanTracker.Web.Features.Reminders;

namespace PlanTracker.Web.Commands;

/// <summary>
/// The operator verbs that the app takes instead of serving: `dotnet run -- import FILE`, or
/// `dotnet PlanTracker.Web.dll import FILE` when published. One parser for all of them: `--help` on every verb,
/// and an error on standard error with exit code 2 for anything it does not know.
/// </summary>
public static class CommandLine
{
    public const int UsageError = 2;

    /// <summary>
    /// No arguments, or only `--Key=Value` settings (`--Urls=http://127.0.0.1:5081`; WebApplicationFactory starts
    /// the app this way too): serve. Anything else is a verb, or an error.
    /// </summary>
    public static bool Serves(string[] args) =>
        args is ["--applicationName", _] // how dotnet ef starts the app to find its DbContext
        || args.All(arg => arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal));

    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture; // the parser's own messages in English everywhere
        var root = new RootCommand("PlanTracker. Without a verb, or with only --Key=Value settings, it serves on the configured Urls.")
        {
            ImportCommand.Create(), UsersCommand.Create(), GenerateCommand.Create(), RemindersCommand.Create(), PlansCommand.Create(),
            BackupCommand.CreateBackup(), BackupCommand.CreateRestore(),
        };
        root.Add(Help(root));
        // Never reached without a verb (that serves); with it an unknown verb reads only "Unrecognized command".
        root.SetAction(_ => root.Parse(["--help"]).Invoke());

        var result = root.Parse(args);
        if (result.Action is not ParseErrorAction error)
            return await result.InvokeAsync();
        error.ShowHelp = false;
        await result.InvokeAsync(new InvocationConfiguration { Output = Console.Error }); // the errors, and "did you mean" for a mistyped verb
        var verb = VerbPath(result.CommandResult);
        await Console.Error.WriteLineAsync(verb.Length == 0 ? "Run `help` for the verbs." : $"Run `{verb} --help` for its options.");
        return UsageError;
    }

    /// <summary>A verb's work on the app's services. The app is built only once the verb has parsed, so --help starts nothing.</summary>
    public static void SetAppAction(this Command command, Func<ParseResult, IServiceProvider, Task<int>> action) =>
        command.SetAction(async (result, _) =>
        {
            var builder = WebApplication.CreateBuilder();
            builder.AddPlanTracker();
            // Standard output carries only the verb's own answer (`users token` prints the token), so that scripts can
            // take it whole; the console log (a first start's migration warnings, say) goes to standard error.
            foreach (var sink in builder.Configuration.GetSection("Serilog:WriteTo").GetChildren().Where(s => s["Name"] == "Console"))
                sink["Args:standardErrorFromLevel"] = "Verbose";
            await using var app = builder.Build();
            return await action(result, app.Services);
        });

    private static Command Help(RootCommand root)
    {
        var verbs = new Argument<string[]>("VERB") { Arity = ArgumentArity.ZeroOrMore, Description = "the verb to explain, e.g. `users create`" };
        var help = new Command("help", "Show the verbs, or one verb's options.") { verbs };
        help.SetAction(result => root.Parse([.. result.GetValue(verbs) ?? [], "--help"]).Invoke());
        return help;
    }

    private static string VerbPath(CommandResult command) =>
        command.Parent is CommandResult parent ? $"{VerbPath(parent)} {command.Command.Name}".TrimStart() : "";
}
