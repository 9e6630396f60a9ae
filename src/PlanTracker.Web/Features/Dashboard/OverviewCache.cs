using Microsoft.Extensions.Caching.Memory;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.PeriodicReports;

namespace PlanTracker.Web.Features.Dashboard;

/// <summary>
/// Keeps each plan's counted items, and the overviews computed from them, while the data is unchanged. Reading a
/// plan of 100,000 deliverables takes most of a second; counting the items kept in memory for any as-of day takes
/// milliseconds. The data's stamp is the CountStamp row, raised by every save that changes what is counted. When
/// only progress changed since the items were kept, just the deliverables whose progress rows carry a newer
/// stamp are read again; any other change reads the plan again.
/// </summary>
public sealed class OverviewCache(PlanTrackerDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ItemsLifetime = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The cache's bound, counted in kept items (about 50 bytes each): twice the 218,818 items of the 100k
    /// province, about 25 MB. An overview counts as <see cref="OverviewSize"/>: every status update makes a new one
    /// (its key holds the stamp), so without a bound a busy morning kept one per update for ten minutes.
    /// </summary>
    public const long SizeLimit = 500_000;
    private const long OverviewSize = 1_000;

    private sealed record KeptItems(CountStamp Stamp, List<CountedWorkItem> Items);

    public async Task<PlanOverview> GetAsync(Plan plan, DateOnly asOf, CancellationToken ct = default)
    {
        var stamp = await CountStamp.CurrentAsync(db, ct);
        var key = ("plan-overview", plan.Id, asOf, stamp.Version);
        if (cache.TryGetValue(key, out PlanOverview? kept) && kept is not null) return kept;
        var overview = await PlanOverview.BuildAsync(db, plan, asOf, await ItemsAsync(plan.Id, stamp, ct), ct);
        cache.Set(key, overview, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = OverviewSize });
        return overview;
    }

    /// <summary>
    /// The plan's counted items as of the current stamp, for the task list's state filter (and the API's list): picking
    /// and ordering a 100,000-deliverable plan's overdue items from them takes milliseconds where reading the plan's
    /// work items took most of a second. Callers must not change the list.
    /// </summary>
    public async Task<List<CountedWorkItem>> ItemsAsync(int planId, CancellationToken ct = default)
    {
        var stamp = await CountStamp.CurrentAsync(db, ct);
        return await ItemsAsync(planId, stamp, ct);
    }

    /// <summary>
    /// The plan's items as <paramref name="pick"/> picks and orders them, kept under <paramref name="key"/> while the data is
    /// unchanged: classifying and ordering a 100,000-deliverable plan's items costs about a quarter of a second of CPU, so a
    /// client paging through the overdue list pays it once, not on every page. Callers must not change the list.
    /// </summary>
    public async Task<List<CountedWorkItem>> RowsAsync(int planId, string key, Func<List<CountedWorkItem>, List<CountedWorkItem>> pick,
        CancellationToken ct = default)
    {
        var stamp = await CountStamp.CurrentAsync(db, ct);
        var cacheKey = ("plan-rows", planId, key, stamp.Version);
        if (cache.TryGetValue(cacheKey, out List<CountedWorkItem>? rows) && rows is not null) return rows;
        rows = pick(await ItemsAsync(planId, stamp, ct));
        cache.Set(cacheKey, rows, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = Math.Max(1, rows.Count) });
        return rows;
    }

    private async Task<List<CountedWorkItem>> ItemsAsync(int planId, CountStamp stamp, CancellationToken ct)
    {
        var key = ("plan-items", planId);
        List<CountedWorkItem> items;
        if (cache.TryGetValue(key, out KeptItems? kept) && kept is not null && kept.Stamp.Version == stamp.Version) return kept.Items;
        if (kept is not null && kept.Stamp.ItemsVersion == stamp.ItemsVersion && stamp.Version - kept.Stamp.Version <= 5_000)
        {
            var updated = (await db.Progress.AsNoTracking()
                .Where(p => p.CountVersion > kept.Stamp.Version && p.CountVersion <= stamp.Version)
                .Select(p => p.DeliverableId).ToListAsync(ct)).ToHashSet();
            var reread = await CountedWorkItems.LoadAsync(db, planId, updated, ct);
            items = [.. kept.Items.Where(i => !updated.Contains(i.DeliverableId)), .. reread];
        }
        else items = await CountedWorkItems.LoadAsync(db, planId, ct: ct);
        // A new entry, so that an overview being built from the old list is never changed under it.
        cache.Set(key, new KeptItems(stamp, items), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = ItemsLifetime, Size = Math.Max(1, items.Count) });
        return items;
    }
}
