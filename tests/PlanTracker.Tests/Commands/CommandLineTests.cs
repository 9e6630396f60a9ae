using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Commands;

public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly Dictionary<string, string> environment;

    public CommandLineTests() => environment = AppProcess.Environment(folder, RepoPaths.Plan163Seed);

    public void Dispose() => folder.Dispose();

    private TestDatabase OpenDatabase() => new(folder.File("cli.db"));

    [Fact]
    public async Task Users_create_reads_the_password_from_standard_input_and_links_the_unit()
    {
        var result = await AppProcess.RunAsync(environment, "mat-khau-cli-2019",
            "users", "create", "--email", "cli.stp@cantho.example", "--role", "UnitEditor", "--unit", "Sở Tư pháp");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("Created UnitEditor account cli.stp@cantho.example", result.Output);
        using var database = OpenDatabase();
        await using var db = database.NewContext();
        var user = await db.Users.Include(u => u.Unit).SingleAsync();
        Assert.Equal("Sở Tư pháp", user.Unit!.Name);
        Assert.Contains(await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync(), r => r == Roles.UnitEditor);
    }

    [Fact]
    public async Task Generate_into_an_empty_database_writes_the_generated_province_alone_without_the_seed()
    {
        var result = await AppProcess.RunAsync(environment, null, "generate", "--units", "60", "--deliverables", "200", "--all-open");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        using var database = OpenDatabase();
        await using var db = database.NewContext();
        Assert.Equal(60, await db.Units.CountAsync());
        Assert.True(await db.Units.AllAsync(u => u.Code.StartsWith("G_")));
        Assert.Equal(200, await db.Deliverables.CountAsync());
    }

    [Theory]
    [InlineData("mat-khau-cli-2019", "Sở Không Có", "no unit is named or coded")]
    [InlineData("", "STP", "no password on standard input")]
    [InlineData("ngan", "STP", "Mật khẩu phải có ít nhất 12 ký tự")]
    [InlineData("cantho2019", "STP", "Mật khẩu phải có ít nhất 12 ký tự")]
    [InlineData("123456789012", "STP", "Mật khẩu này quá phổ biến")]
    [InlineData("aaaaaaaaaaaaaa", "STP", "Mật khẩu không được chỉ lặp lại một ký tự")]
    public async Task Users_create_refuses_bad_input_with_a_message(string password, string unit, string message)
    {
        var result = await AppProcess.RunAsync(environment, password,
            "users", "create", "--email", "x@cantho.example", "--role", "UnitEditor", "--unit", unit);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task Import_of_a_malformed_file_exits_non_zero_naming_the_path()
    {
        var bad = folder.Write("bad.json", """{ "plan": { "number": "1/KH", "title": "x", "year": "hai nghìn" }, "sections": [] }""");

        var result = await AppProcess.RunAsync(environment, null, "import", bad);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("$.plan.year", result.Error);
        Assert.Contains("nothing was written", result.Error);
    }

    [Fact]
    public async Task Import_of_the_seed_after_first_start_changes_nothing()
    {
        var result = await AppProcess.RunAsync(environment, null, "import", RepoPaths.PlanSeed);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("already imported from this file; nothing changed", result.Output);
    }
}
