using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PlanTracker.Web.Infrastructure;

/// <summary>
/// Per-connection SQLite settings, applied each time a connection opens.
/// <para>Busy timeout: without one, a writer that finds another writer's transaction open gets SQLITE_BUSY at once,
/// and Microsoft.Data.Sqlite retries only after sleeping 150 ms; with a few concurrent status updates most of the
/// time went to those sleeps. SQLite's own busy handler waits in steps of a few milliseconds instead.</para>
/// <para>Synchronous (Database:SqliteSynchronous, default NORMAL): in WAL mode NORMAL syncs the disk at checkpoints
/// instead of at every commit. The database cannot be corrupted by a crash either way; with NORMAL, the last
/// commits before a power cut or an operating-system crash (not an application crash) may be lost. FULL keeps
/// every commit at the price of one fsync per save.</para>
/// </summary>
public sealed class SqliteConnectionSettings(int busyTimeoutMilliseconds, string synchronous) : DbConnectionInterceptor
{
    private static readonly string[] SynchronousModes = ["NORMAL", "FULL", "EXTRA"];

    private readonly string pragmas = SynchronousModes.Contains(synchronous.ToUpperInvariant())
        ? $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA synchronous = {synchronous.ToUpperInvariant()};"
        : throw new InvalidOperationException(
            $"Database:SqliteSynchronous '{synchronous}' is not a SQLite synchronous mode; use Normal (default) or Full.");

    /// <summary>SQLite connections that have the settings: they keep them while Microsoft.Data.Sqlite pools them.</summary>
    private readonly ConditionalWeakTable<object, object> configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True when the native connection behind this one was configured before; marks it otherwise.</summary>
    private bool IsConfigured(DbConnection connection)
    {
        var native = ((SqliteConnection)connection).Handle!;
        if (configured.TryGetValue(native, out _)) return true;
        configured.AddOrUpdate(native, native);
        return false;
    }
}
