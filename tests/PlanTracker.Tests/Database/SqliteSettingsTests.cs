using Microsoft.EntityFrameworkCore;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Database;

/// <summary>The SQLite settings every connection gets (busy timeout, synchronous mode), and a wrong one refused.</summary>
public class SqliteSettingsTests(PlanTrackerFactory host) : IClassFixture<PlanTrackerFactory>
{
    [SqliteFact]
    public async Task SQLite_connections_wait_for_a_busy_writer_and_sync_at_checkpoints()
    {
        await using var db = host.NewDbContext();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout";
            Assert.Equal(30_000L, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            command.CommandText = "PRAGMA synchronous";
            Assert.Equal(1L, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)); // NORMAL
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", await command.ExecuteScalarAsync());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [SqliteFact]
    public void An_unknown_synchronous_mode_stops_the_start_with_a_message_for_the_operator()
    {
        using var misconfigured = new PlanTrackerFactory();
        misconfigured.Settings["Database:SqliteSynchronous"] = "Sometimes";

        var error = Record.Exception(() => misconfigured.NewDbContext());

        Assert.NotNull(error);
        Assert.Contains("Database:SqliteSynchronous 'Sometimes' is not a SQLite synchronous mode; use Normal (default) or Full.", error.ToString());
    }
}
