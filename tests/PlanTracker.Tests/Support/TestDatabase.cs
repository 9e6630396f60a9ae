using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;

namespace PlanTracker.Tests.Support;

/// <summary>A real, migrated SQLite file in a temp folder: what the app runs on, not an in-memory stand-in.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempFolder folder = new();

    public TestDatabase() : this(null) { }

    /// <summary>A database in a new temp folder, or an existing file (migrated if needed).</summary>
    public TestDatabase(string? file)
    {
        ConnectionString = $"Data Source={file ?? folder.File("plantracker.db")}";
        using var db = NewContext();
        db.Database.Migrate();
    }

    public string ConnectionString { get; }
    public TempFolder Folder => folder;

    public PlanTrackerDbContext NewContext() =>
        new(new DbContextOptionsBuilder<PlanTrackerDbContext>()
            .UseSqlite(ConnectionString, sqlite => sqlite.MigrationsAssembly("PlanTracker.Web"))
            .Options);

    public void Dispose() => folder.Dispose();
}
