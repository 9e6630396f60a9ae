namespace PlanTracker.Tests.Support;

/// <summary>
/// Which database the integration suite runs on: SQLite by default, PostgreSQL when the test command sets
/// PLANTRACKER_TEST_PROVIDER=Postgres (it runs the suite once per provider).
/// </summary>
public static class TestProvider
{
    public static bool IsPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("PLANTRACKER_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase);
}
