using PlanTracker.Core.Accounts;
using System.Net;
using Npgsql;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Faults;

/// <summary>
/// Issue 14, point 8: the database becomes unreachable under a signed-in user. The pages fail, but the error page
/// needs no database: the user gets it in Vietnamese, 503, and the same session works again once the database is back.
/// </summary>
public class ErrorPageOutageTests
{
    /// <remarks>An admin's menu counts the completions awaiting verification: the count is left out, not the page.</remarks>
    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Admin)]
    public async Task While_the_database_is_unreachable_a_signed_in_user_gets_the_Vietnamese_error_page_with_503(string role)
    {
        using var host = new PlanTrackerFactory();
        // Without pooling every request opens the file, as after a restart: an open handle would outlive the outage.
        if (!TestProvider.IsPostgres)
            host.Settings["ConnectionStrings:PlanTracker"] = $"Data Source={host.DatabaseFile};Pooling=False";
        var client = await host.SignedInClientAsync(role);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/plans")).StatusCode);

        await using (var outage = await Outage.StartAsync(host))
        {
            var response = await client.GetAsync("/plans");

            var page = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}:\n{page}");
            Assert.Contains("Tạm thời không truy cập được dữ liệu", page);
            Assert.Contains("Hệ thống tạm thời không kết nối được cơ sở dữ liệu", page);
            Assert.Contains("<html lang=\"vi\">", page);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/plans")).StatusCode);
    }

    /// <summary>
    /// SQLite: the database file replaced by a folder, so that opening it fails (unreadable even for root, unlike
    /// chmod). PostgreSQL: the database refuses connections and its open sessions are ended. Both undone at dispose.
    /// </summary>
    private sealed class Outage : IAsyncDisposable
    {
        private readonly Func<Task> end;

        private Outage(Func<Task> end) => this.end = end;

        public static async Task<Outage> StartAsync(PlanTrackerFactory host)
        {
            if (TestProvider.IsPostgres)
            {
                var name = new NpgsqlConnectionStringBuilder(host.Settings["ConnectionStrings:PlanTracker"]).Database!;
                await AdminAsync($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false; "
                    + $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}';");
                return new Outage(async () =>
                {
                    await AdminAsync($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS true;");
                    NpgsqlConnection.ClearAllPools();
                });
            }
            var file = host.DatabaseFile;
            var aside = file + ".aside";
            Directory.CreateDirectory(aside);
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                if (File.Exists(file + suffix)) File.Move(file + suffix, Path.Combine(aside, "plantracker.db" + suffix));
            Directory.CreateDirectory(file);
            return new Outage(() =>
            {
                Directory.Delete(file);
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                    if (File.Exists(Path.Combine(aside, "plantracker.db" + suffix))) File.Move(Path.Combine(aside, "plantracker.db" + suffix), file + suffix);
                return Task.CompletedTask;
            });
        }

        private static async Task AdminAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(PostgresServer.Instance.AdminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        public async ValueTask DisposeAsync() => await end();
    }
}
