using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;

namespace PlanTracker.Web.Infrastructure;

public static class DatabaseSetup
{
    public static IServiceCollection AddPlanTrackerDatabase(this IServiceCollection services)
    {
        // Settings are read when the first context is made, so that test hosts can override them.
        services.AddDbContext<PlanTrackerDbContext>((sp, options) =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var provider = config["Database:Provider"] ?? "Sqlite";
            if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"Database:Provider '{provider}' is not supported yet; use 'Sqlite'.");
            options.UseSqlite(SqliteConnectionString(config), sqlite => sqlite.MigrationsAssembly(typeof(DatabaseSetup).Assembly.GetName().Name));
        });
        return services;
    }

    /// <summary>The configured SQLite connection string with its file made absolute and its folder created.</summary>
    public static string SqliteConnectionString(IConfiguration config)
    {
        var builder = new SqliteConnectionStringBuilder(config.GetConnectionString("PlanTracker") ?? "Data Source=data/plantracker.db");
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:")
        {
            builder.DataSource = Path.GetFullPath(file);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }

    /// <summary>Creates or migrates the database, switches SQLite to WAL, and loads the seed into an empty database.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await scope.ServiceProvider.GetRequiredService<SeedLoader>().LoadIfEmptyAsync(ct);
        var accounts = scope.ServiceProvider.GetRequiredService<FirstAdminSetup>();
        await accounts.EnsureRolesAsync(ct);
        await accounts.AnnounceSetupLinkIfNoUserAsync(ct);
    }
}
