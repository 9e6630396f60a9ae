using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Tests.Support;

/// <summary>A real, migrated database (a SQLite file in a temp folder, or a fresh PostgreSQL database): never an in-memory stand-in.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempFolder folder = new();

    public TestDatabase() : this(null) { }

    /// <summary>A database in a new temp folder, or an existing file (migrated if needed).</summary>
    public TestDatabase(string? file)
    {
        IsPostgres = file is null && TestProvider.IsPostgres;
        ConnectionString = IsPostgres ? PostgresServer.Instance.NewDatabase() : $"Data Source={file ?? folder.File("plantracker.db")}";
        using var db = NewContext();
        db.Database.Migrate();
    }

    public string ConnectionString { get; }
    public bool IsPostgres { get; }
    public TempFolder Folder => folder;

    public PlanTrackerDbContext NewContext() =>
        new(IsPostgres
            ? new DbContextOptionsBuilder<PlanTrackerDbContext>().UseNpgsql(ConnectionString, pg => pg.MigrationsAssembly("PlanTracker.Migrations.Postgres")).UseCompiledModel(postgres: true).Options
            : new DbContextOptionsBuilder<PlanTrackerDbContext>().UseSqlite(ConnectionString, sqlite => sqlite.MigrationsAssembly("PlanTracker.Web")).UseCompiledModel(postgres: false).Options);

    public void Dispose() => folder.Dispose();
}
