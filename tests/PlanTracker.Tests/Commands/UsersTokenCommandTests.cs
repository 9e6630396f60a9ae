using System.Net;
using System.Net.Http.Headers;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Commands;

public sealed class UsersTokenCommandTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly Dictionary<string, string> environment;

    public UsersTokenCommandTests() => environment = AppProcess.Environment(folder, RepoPaths.Plan163Seed);

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Users_token_prints_a_token_once_that_the_api_accepts()
    {
        var created = await AppProcess.RunAsync(environment, "mat-khau-cli-2019",
            "users", "create", "--email", "token.cli@cantho.example", "--role", "UnitEditor", "--unit", "STP");
        Assert.True(created.ExitCode == 0, created.Error + created.Output);

        var result = await AppProcess.RunAsync(environment, null, "users", "token", "--email", "token.cli@cantho.example", "--name", "Văn bản", "--days", "30");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        var token = result.Output.TrimEnd('\n'); // standard output is the token alone: the console log goes to standard error
        Assert.Matches("^pt_[A-Za-z0-9_-]{43}$", token);
        Assert.Contains("shown only this once", result.Error);
        using var host = new PlanTrackerFactory();
        host.Settings["Database:Provider"] = "Sqlite";
        host.Settings["ConnectionStrings:PlanTracker"] = $"Data Source={folder.File("cli.db")}";
        var client = host.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("token.cli@cantho.example", await me.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("nobody@cantho.example", "90", 1, "no account has the e-mail address")]
    [InlineData("token.cli@cantho.example", "0", 2, "days must be between 1 and 365")]
    [InlineData("token.cli@cantho.example", "400", 2, "days must be between 1 and 365")]
    public async Task Users_token_refuses_unknown_accounts_and_bad_days(string email, string days, int exitCode, string message)
    {
        var result = await AppProcess.RunAsync(environment, null, "users", "token", "--email", email, "--name", "x", "--days", days);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.DoesNotContain("pt_", result.Output);
    }
}
