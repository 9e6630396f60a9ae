using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Data;
using PlanTracker.Core.Import;

namespace PlanTracker.Tests.Support;

/// <summary>
/// The importer on a test server's database, as the `import` command runs it (another context, one task a chunk),
/// paused just before the first command whose text holds a marker while the test looks at the app.
/// </summary>
public static class PausedImport
{
    /// <summary>The last step: it gives the staged plan its number and brings its sections back.</summary>
    public const string BeforeLastStep = "UPDATE \"Sections\"";

    public static async Task<ImportResult> ImportAsync(PlanTrackerFactory host, string json, string marker, Func<Task> hook)
    {
        var options = new DbContextOptionsBuilder<PlanTrackerDbContext>(host.Services.GetRequiredService<DbContextOptions<PlanTrackerDbContext>>())
            .AddInterceptors(new BeforeCommand(marker, hook)).Options;
        await using var db = new PlanTrackerDbContext(options);
        var path = host.Folder.Write($"plan-{Guid.NewGuid():N}.json", json);
        return await new PlanImporter(db, TimeProvider.System) { TasksPerChunk = 1 }.ImportAsync(path);
    }

    /// <summary>Runs <paramref name="action"/> once, just before the first command whose text holds <paramref name="marker"/>.</summary>
    private sealed class BeforeCommand(string marker, Func<Task> action) : DbCommandInterceptor
    {
        private bool done;

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!done && command.CommandText.Contains(marker, StringComparison.Ordinal))
            {
                done = true;
                await action();
            }
            return result;
        }
    }
}
