using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Commands;

/// <summary>What the one parser answers before any verb touches the database: help, and exit code 2 for what it does not know.</summary>
public sealed class UsageTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly Dictionary<string, string> environment;

    public UsageTests() => environment = new()
    {
        ["ConnectionStrings__PlanTracker"] = $"Data Source={folder.File("usage.db")}",
        ["Serilog__WriteTo__1__Args__path"] = folder.File("logs/usage-.log"),
    };

    public void Dispose() => folder.Dispose();

    private Task<AppProcess.Result> RunAsync(string commandLine) => AppProcess.RunAsync(environment, null, commandLine.Split(' '));

    [Fact]
    public async Task A_mistyped_verb_is_refused_with_exit_code_2_instead_of_starting_the_server()
    {
        var result = await RunAsync("plan list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unrecognized command or argument 'plan'", result.Error);
        Assert.Contains("Run `help` for the verbs.", result.Error);
        Assert.Equal("", result.Output.Trim());
        Assert.False(File.Exists(folder.File("usage.db")));
    }

    [Theory]
    [InlineData("import --help", "FILE")]
    [InlineData("users --help", "create|token")]
    [InlineData("users token --help", "--email|--name|--days")]
    [InlineData("users create --help", "--email|--role|--unit|--name|standard input")]
    [InlineData("generate --help", "--units|--deliverables|--years|--seed|--first-year|--all-open|--users")]
    [InlineData("reminders --help", "run|preview")]
    [InlineData("reminders run --help", "Clock__Today|Exit code 1")]
    [InlineData("reminders preview --help", "without writing or sending")]
    [InlineData("backup --help", "FILE|PostgreSQL|Exit code 1")]
    [InlineData("restore --help", "empty|Attachments:Directory")]
    [InlineData("help", "import|users|generate|reminders|help")]
    [InlineData("help users create", "--email|--role")]
    public async Task Every_verb_explains_its_options(string commandLine, string expected)
    {
        var result = await RunAsync(commandLine);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        foreach (var text in expected.Split('|'))
            Assert.Contains(text, result.Output);
        Assert.Equal("", result.Error);
    }

    [Theory]
    [InlineData("users create --email a@cantho.example", "Option '--role' is required.")]
    [InlineData("users create --email a@cantho.example --role Boss", "role 'Boss' is not one of Admin, UnitEditor, Viewer.")]
    [InlineData("users", "Required command was not provided.")]
    [InlineData("import", "Required argument missing for command: 'import'.")]
    [InlineData("backup", "Required argument missing for command: 'backup'.")]
    [InlineData("generate --units 0", "--units: '0' is not a positive number.")]
    [InlineData("generate --seed 163 --colour blue", "Unrecognized command or argument '--colour'")]
    [InlineData("reminders send", "Unrecognized command or argument 'send'")]
    [InlineData("--Urls=http://127.0.0.1:1 import", "Unrecognized command or argument '--Urls=http://127.0.0.1:1'")]
    public async Task A_missing_or_unknown_option_is_a_usage_error(string commandLine, string message)
    {
        var result = await RunAsync(commandLine);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Contains("--help", result.Error);
        Assert.False(File.Exists(folder.File("usage.db")));
    }
}
