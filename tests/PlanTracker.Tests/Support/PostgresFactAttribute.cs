namespace PlanTracker.Tests.Support;

/// <summary>A test of PostgreSQL-only behaviour: skipped when the suite runs on SQLite.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestProvider.IsPostgres) Skip = "PostgreSQL behaviour; this run is on SQLite.";
    }
}
