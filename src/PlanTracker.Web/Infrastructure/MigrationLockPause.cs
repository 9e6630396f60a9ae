using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PlanTracker.Web.Infrastructure;

/// <summary>
/// A fault-test hook, off unless FaultInjection:PauseAfterMigrationLock names a file: once EF Core has taken its
/// migration lock (SQLite's lock row, PostgreSQL's table lock), creates that file and waits until the test deletes
/// it, so that a kill -9 or a SIGTERM lands inside the migration window every time instead of in its 0.1 s by luck.
/// </summary>
public sealed class MigrationLockPause(string markerFile) : DbCommandInterceptor
{
    public const string Setting = "FaultInjection:PauseAfterMigrationLock";
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);
    private static int paused; // once per process: PostgreSQL takes the table lock again for every migration

    public override async ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        if (TakesMigrationLock(command)) await PauseAsync();
        return result;
    }

    public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (TakesMigrationLock(command)) await PauseAsync();
        return result;
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        if (TakesMigrationLock(command)) PauseAsync().GetAwaiter().GetResult();
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (TakesMigrationLock(command)) PauseAsync().GetAwaiter().GetResult();
        return result;
    }

    private static bool TakesMigrationLock(DbCommand command) =>
        command.CommandText.Contains("INSERT OR IGNORE INTO \"__EFMigrationsLock\"", StringComparison.Ordinal)
        || (command.CommandText.Contains("LOCK TABLE", StringComparison.Ordinal) && command.CommandText.Contains("__EFMigrationsHistory", StringComparison.Ordinal));

    private async Task PauseAsync()
    {
        if (Interlocked.Exchange(ref paused, 1) == 1) return;
        await File.WriteAllTextAsync(markerFile, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (File.Exists(markerFile) && clock.Elapsed < Longest)
            await Task.Delay(20);
    }
}
