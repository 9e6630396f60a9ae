using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Database;

public class PostgresStartTests
{
    [PostgresFact]
    public void A_missing_PostgreSQL_database_stops_the_start_with_a_message_for_the_operator()
    {
        using var host = new PlanTrackerFactory();
        host.Settings["ConnectionStrings:PlanTracker"] = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer.Instance.AdminConnectionString)
            { Database = "plantracker_never_created" }.ConnectionString;

        var error = Record.Exception(() => host.NewDbContext());

        Assert.NotNull(error);
        Assert.Contains("The PostgreSQL database 'plantracker_never_created' does not exist. Create it first", error.ToString());
    }
}
