using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PlanTracker.Web.Infrastructure;

/// <summary>
/// The provider seam: SQLite (the embedded default) or PostgreSQL, chosen by Database:Provider. Everything
/// provider-specific (connection strings, migrations assemblies, locks, pragmas) stays in this file.
/// </summary>
public static class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>Any 64-bit number the app owns: the advisory lock two PostgreSQL servers take to migrate and seed one at a time.</summary>
    private const long StartupLockKey = 0x50_6C_61_6E_54_72_6B; // "PlanTrk"

    public static IServiceCollection AddPlanTrackerDatabase(this IServiceCollection services)
    {
        // Settings are read when the first context is made, so that test hosts can override them. Pooled: a
        // request's contexts are reused instead of built, which a status update's profile showed worth it.
        services.AddDbContextPool<PlanTrackerDbContext>((sp, options) =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            if (IsPostgres(config)) UseNpgsql(options, config);
            else
            {
                var connectionString = SqliteConnectionString(config);
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(DatabaseSetup).Assembly.GetName().Name))
                    .UseCompiledModel(postgres: false)
                    .AddInterceptors(new SqliteConnectionSettings(new SqliteConnectionStringBuilder(connectionString).DefaultTimeout * 1000,
                        config["Database:SqliteSynchronous"] ?? "Normal"));
            }
            if (config[MigrationLockPause.Setting] is { Length: > 0 } marker)
                options.AddInterceptors(new MigrationLockPause(marker));
        });
        return services;
    }

    /// <summary>
    /// Apart, and never inlined, so that the options callback above does not name PostgreSQL's types: a method
    /// that names them loads the provider's assembly when it is first run, also in a SQLite server.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void UseNpgsql(DbContextOptionsBuilder options, IConfiguration config) =>
        options.UseNpgsql(PostgresConnectionString(config), pg => pg.MigrationsAssembly("PlanTracker.Migrations.Postgres")).UseCompiledModel(postgres: true);

    /// <summary>
    /// The provider's compiled model (deploy/optimize-model.sh makes both), which spares every start building the
    /// model from the configurations. Not for EF Core's own tools, which build it from the code to make migrations
    /// and compiled models. CompiledModelTests fail when the code's model and a compiled one part.
    /// </summary>
    public static TBuilder UseCompiledModel<TBuilder>(this TBuilder options, bool postgres) where TBuilder : DbContextOptionsBuilder =>
        EF.IsDesignTime ? options
            : (TBuilder)options.UseModel(postgres
                ? PlanTracker.Migrations.Postgres.CompiledModel.PlanTrackerDbContextModel.Instance
                : PlanTracker.Web.Data.CompiledModels.Sqlite.PlanTrackerDbContextModel.Instance);

    public static bool IsPostgres(IConfiguration config)
    {
        var provider = config["Database:Provider"] ?? Sqlite;
        if (provider.Equals(Postgres, StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase)) return true;
        if (provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase)) return false;
        throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use '{Sqlite}' or '{Postgres}'.");
    }

    private static string PostgresConnectionString(IConfiguration config)
    {
        var connection = config.GetConnectionString("PlanTracker");
        if (string.IsNullOrWhiteSpace(connection) || connection.Contains("Data Source=", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:PlanTracker is not a PostgreSQL connection string; "
                + "set it, e.g. ConnectionStrings__PlanTracker=\"Host=127.0.0.1;Port=5432;Database=plantracker;Username=plantracker;Password=...\".");
        return connection;
    }

    /// <summary>
    /// SQLite's counterpart of the advisory lock: an exclusive lock on a file beside the database, so that two
    /// processes (or two hosts in one process) starting on the same file migrate and seed one after the other.
    /// </summary>
    private static async Task<FileStream> SqliteStartupLockAsync(string connectionString, CancellationToken ct)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource + ".startup-lock";
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(100))
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(100, ct);
            }
        }
    }

    /// <summary>
    /// Makes one piece of work run on one server at a time, until the current transaction ends: a PostgreSQL
    /// transaction-level advisory lock. On SQLite the write transaction already serialises writers.
    /// </summary>
    public static async Task LockForTransactionAsync(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, long key, CancellationToken ct = default)
    {
        if (database.IsPostgres())
            await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
    }

    /// <summary>
    /// EF Core's <c>IsNpgsql()</c> by the provider's name: calling that extension loads the PostgreSQL provider's
    /// assembly (1.1 MB resident) into every SQLite server and CLI verb, which never use it.
    /// </summary>
    public static bool IsPostgres(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) =>
        database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

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

    /// <summary>
    /// Creates or migrates the database, switches SQLite to WAL, and does the rest of <paramref name="work"/>. Runs
    /// under the app's start-up lock (a file lock beside the SQLite file, an advisory lock on PostgreSQL), so that
    /// servers and CLI verbs starting together migrate and seed one after the other. The shutdown token
    /// cancels the wait for that lock and the seed (one transaction per file), never a migration: a stop
    /// during start-up ends after the migration in hand, and the next start goes on from there.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, StartupWork work = StartupWork.Verb, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<DatabaseInitializer>();
        var postgres = db.Database.IsPostgres();
        await using var fileLock = postgres ? null : await SqliteStartupLockAsync(db.Database.GetConnectionString()!, ct);
        FilePermissions.RestrictDataFiles(scope.ServiceProvider.GetRequiredService<IConfiguration>(), sqlite: !postgres);
        if (postgres)
        {
            await OpenPostgresAsync(db, ct); // the lock belongs to this session; everything below uses it
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({StartupLockKey})", ct);
        }
        try
        {
            if (await IsUpToDateAsync(db, postgres))
                log.LogInformation("Database schema is up to date");
            else
            {
                if (!postgres)
                    await ClearLeftoverMigrationLockAsync(db, log);
                await MigrateIfPendingAsync(db, log);
                if (db.Database.IsSqlite())
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", CancellationToken.None);
            }
            ct.ThrowIfCancellationRequested();
            if (work.HasFlag(StartupWork.Seed))
                await scope.ServiceProvider.GetRequiredService<SeedLoader>().LoadMissingAsync(ct);
            var accounts = scope.ServiceProvider.GetRequiredService<FirstAdminSetup>();
            if (work.HasFlag(StartupWork.Roles))
                await accounts.EnsureRolesAsync(ct);
            if (work.HasFlag(StartupWork.Server))
            {
                await accounts.AnnounceSetupLinkWhenListeningAsync(services, ct);
                // Make the data-protection key now, under the lock, so that servers starting together share one.
                scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("startup").Protect("ready");
            }
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({StartupLockKey})", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// The one query of a start on an up-to-date database: the applied migrations and, on SQLite, any row of EF Core's
    /// migration lock, in one command sent straight to the connection (a missing table on a new database is then
    /// not logged as a failed command). On SQLite the same command switches to WAL, which a file keeps once set.
    /// False whenever a table is missing, a lock row is there or a migration is pending: the full check follows.
    /// </summary>
    private static async Task<bool> IsUpToDateAsync(PlanTrackerDbContext db, bool postgres)
    {
        if (!postgres) await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = postgres
                ? "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\""
                : "PRAGMA journal_mode=WAL; SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" UNION ALL SELECT NULL FROM \"__EFMigrationsLock\"";
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync();
            if (!postgres) await reader.NextResultAsync(); // past the journal mode
            while (await reader.ReadAsync())
            {
                if (reader.IsDBNull(0)) return false; // a lock row left by a stopped migration
                applied.Add(reader.GetString(0));
            }
            return db.Database.GetMigrations().All(applied.Contains);
        }
        catch (System.Data.Common.DbException)
        {
            return false;
        }
        finally
        {
            if (!postgres) await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// EF Core's SQLite migrator (9 and later) takes its own lock, a row in __EFMigrationsLock, and waits for it
    /// forever. A process killed or stopped while holding it (for about 0.1 s of a start that migrates) leaves
    /// the row, and every later start waited for good. Every PlanTracker process migrates only under the start-up
    /// file lock, which this one holds now, so a row found here belongs to a process that is gone.
    /// </summary>
    private static async Task ClearLeftoverMigrationLockAsync(PlanTrackerDbContext db, ILogger log)
    {
        var tables = await db.Database.SqlQuery<int>(
            $"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'").ToListAsync();
        if (tables.Single() == 0) return;
        var taken = await db.Database.SqlQuery<string>($"SELECT \"Timestamp\" AS \"Value\" FROM \"__EFMigrationsLock\"").ToListAsync();
        if (taken.Count == 0) return;
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsLock\"");
        log.LogWarning("Cleared EF Core's migration lock left at {Taken} by a start that was stopped while migrating", string.Join(", ", taken));
    }

    /// <summary>
    /// One read of the migrations history when the schema is up to date (after a no-op CREATE TABLE IF NOT EXISTS
    /// on PostgreSQL); Migrate, which takes EF Core's migration lock and writes, only when a migration is pending.
    /// Never cancelled: a migration cut short is what a stop must not leave behind, and a stop request can wait
    /// the few seconds a migration takes.
    /// </summary>
    private static async Task MigrateIfPendingAsync(PlanTrackerDbContext db, ILogger log)
    {
        // Npgsql reads the migrations history without checking that it exists, which logs a failed command on a
        // new database: an error line in the log of every first start. Creating the table first (a no-op later) avoids it.
        if (db.Database.IsPostgres())
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(CancellationToken.None);
        var pending = (await db.Database.GetPendingMigrationsAsync(CancellationToken.None)).ToList();
        if (pending.Count == 0)
        {
            log.LogInformation("Database schema is up to date");
            return;
        }
        log.LogInformation("Applying {Count} pending migration(s): {First} to {Last}", pending.Count, pending[0], pending[^1]);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await db.Database.MigrateAsync(CancellationToken.None);
        log.LogInformation("Applied {Count} migration(s) in {Seconds:0.0} s", pending.Count, clock.Elapsed.TotalSeconds);
    }

    private static async Task OpenPostgresAsync(PlanTrackerDbContext db, CancellationToken ct)
    {
        try
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == "3D000") // invalid_catalog_name
        {
            var name = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Database;
            throw new InvalidOperationException(
                $"The PostgreSQL database '{name}' does not exist. Create it first, e.g. "
                + $"CREATE DATABASE \"{name}\" OWNER <user> ENCODING 'UTF8'; (README, \"Several app servers\"). PlanTracker creates its tables itself.", e);
        }
    }
}

/// <summary>What a start does beyond bringing the schema up to date: a verb does only what it needs.</summary>
[Flags]
public enum StartupWork
{
    Schema = 0,
    /// <summary>The seed folder, while the database has no unit or no plan.</summary>
    Seed = 1,
    /// <summary>The app's roles.</summary>
    Roles = 2,
    /// <summary>The server's own: the first-admin setup link while no user exists, and the data-protection key.</summary>
    Server = 4,
    Verb = Seed | Roles,
    ServerStart = Seed | Roles | Server,
}
