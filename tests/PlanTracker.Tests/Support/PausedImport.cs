using System.Data.Common;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Accounts;
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

    /// <summary>A new calendar address of the unit, made by its editor on the "Lịch" page.</summary>
    public static async Task<string> UnitFeedSecretAsync(PlanTrackerFactory host, string unitCode)
    {
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, unitCode);
        var unit = await host.UnitIdAsync(unitCode);
        var response = await editor.PostFormAsync("/calendar", [new("unit", unit.ToString(CultureInfo.InvariantCulture))], "/calendar?handler=Reset");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.NewDbContext();
        return await db.CalendarFeeds.Where(f => f.UnitId == unit).Select(f => f.Secret).SingleAsync();
    }

    /// <summary>The descriptions of a calendar feed's events, as a calendar app reads the feed.</summary>
    public static async Task<List<string>> FeedDescriptionsAsync(PlanTrackerFactory host, string secret)
    {
        var response = await host.NewClient().GetAsync($"/calendar/{secret}.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!.Events.Select(e => e.Description ?? "")];
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
