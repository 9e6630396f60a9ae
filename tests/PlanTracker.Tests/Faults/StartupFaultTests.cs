using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PlanTracker.Tests.Support;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Faults;

/// <summary>
/// Issue 14, point 1: the app stopped for real (kill -9, SIGTERM) inside EF Core's migration window, then started
/// again. The window is held open by the app's fault hook (FaultInjection:PauseAfterMigrationLock), which writes a
/// marker file once EF Core has taken its lock and waits until the test deletes it.
/// </summary>
public sealed class StartupFaultTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly string? postgresDatabase = TestProvider.IsPostgres ? PostgresServer.Instance.NewDatabase() : null;

    private string DatabaseFile => folder.File("plantracker.db");
    private string Marker => folder.File("migration-lock-taken");

    public void Dispose() => folder.Dispose();

    private Dictionary<string, string> Environment(bool pauseInMigrationWindow = false)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__PlanTracker"] = postgresDatabase ?? $"Data Source={DatabaseFile}",
            ["Database__Provider"] = TestProvider.IsPostgres ? "Postgres" : "Sqlite",
            ["Seed__Directory"] = RepoPaths.Plan163Seed,
            ["Serilog__WriteTo__1__Args__path"] = folder.File("logs/plantracker-.log"),
            ["Mail__PickupDirectory"] = folder.File("mail"),
        };
        if (pauseInMigrationWindow) environment["FaultInjection__PauseAfterMigrationLock"] = Marker;
        return environment;
    }

    [Fact]
    public async Task A_kill_9_while_EF_Core_holds_its_migration_lock_leaves_a_database_the_next_start_makes_ready()
    {
        using (var first = new ServerProcess(Environment(pauseInMigrationWindow: true)))
        {
            await first.WaitForFileAsync(Marker);
            first.Kill();
            await first.WaitForExitAsync();
        }
        if (!TestProvider.IsPostgres)
            Assert.Equal(1L, LeftoverLockRows()); // the fault is real: the row that made every later start wait forever

        using var second = new ServerProcess(Environment());
        var ready = await second.WaitUntilReadyAsync();

        log.WriteLine($"Ready {ready.TotalSeconds:0.0} s after starting on the killed start's database.");
        if (!TestProvider.IsPostgres)
            Assert.Contains("Cleared EF Core's migration lock left at", second.Output);
        Assert.Matches(@"Applying \d+ pending migration\(s\)", second.Output);
        Assert.Contains("Imported plan 163/KH-UBND (2019)", second.Output);
    }

    [Fact]
    public async Task A_SIGTERM_while_migrating_ends_the_start_cleanly_and_the_next_start_is_ready()
    {
        using (var first = new ServerProcess(Environment(pauseInMigrationWindow: true)))
        {
            await first.WaitForFileAsync(Marker);
            first.Terminate();
            await first.WaitForOutputAsync("Application is shutting down"); // the stop request arrived inside the window
            File.Delete(Marker); // the migration goes on: a stop never cancels it

            var exitCode = await first.WaitForExitAsync();

            Assert.True(exitCode == 0, $"exit code {exitCode}:\n{first.Output}");
            Assert.Matches(@"Applied \d+ migration\(s\)", first.Output);
            Assert.Contains("Stopped while starting, before serving any request", first.Output);
            Assert.DoesNotContain("Unhandled exception", first.Output);
            Assert.DoesNotContain("OperationCanceledException", first.Output);
            Assert.DoesNotContain("Hosting failed to start", first.Output);
        }

        using var second = new ServerProcess(Environment());
        var ready = await second.WaitUntilReadyAsync();

        log.WriteLine($"Ready {ready.TotalSeconds:0.0} s after starting on the stopped start's database.");
        Assert.Contains("Database schema is up to date", second.Output);
        Assert.Contains("Imported plan 163/KH-UBND (2019)", second.Output);
    }

    [SqliteFact]
    public async Task A_CLI_verb_on_a_database_with_a_leftover_migration_lock_clears_it_and_completes()
    {
        // Exactly what EF Core 10 leaves when its process dies holding the lock on a new database.
        await using (var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-11-29 03:00:00+00:00');
                """;
            await command.ExecuteNonQueryAsync();
        }
        var clock = Stopwatch.StartNew();

        var result = await AppProcess.RunAsync(Environment(), null, "import", RepoPaths.PlanSeed);

        log.WriteLine($"`import` took {clock.Elapsed.TotalSeconds:0.0} s on a database with a leftover lock.");
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("Cleared EF Core's migration lock left at 2026-11-29 03:00:00+00:00", result.Error); // a verb logs to standard error
        Assert.Equal(0L, LeftoverLockRows());
    }

    private long LeftoverLockRows()
    {
        using var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsLock\"";
        return (long)command.ExecuteScalar()!;
    }
}
