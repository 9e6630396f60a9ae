namespace PlanTracker.Tests.Support;

/// <summary>A test of SQLite's own settings: skipped when the suite runs on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestProvider.IsPostgres) Skip = "SQLite settings; this run is on PostgreSQL.";
    }
}
