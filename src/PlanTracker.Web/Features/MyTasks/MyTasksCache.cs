using Microsoft.Extensions.Caching.Memory;
using PlanTracker.Core.Progress;
using PlanTracker.Core.States;

namespace PlanTracker.Web.Features.MyTasks;

/// <summary>
/// Keeps what "Nhiệm vụ của tôi" reads for a unit and the plans shown while the data is unchanged, as
/// <see cref="Dashboard.OverviewCache"/> keeps a plan's items: the busiest unit of the 100k province leads thousands of
/// items in 20 active plans, and reading them was most of the page's CPU. The stamp is the CountStamp row. When only
/// progress changed since the list was kept, just the unit's deliverables whose progress rows carry a newer stamp are
/// read again; any other change reads the list again.
/// </summary>
public sealed class MyTasksCache(PlanTrackerDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>Counted in kept items (see <see cref="Dashboard.OverviewCache.SizeLimit"/>); low priority, so that units' lists make room for the dashboard's.</summary>
    private static MemoryCacheEntryOptions Entry(int count) =>
        new() { AbsoluteExpirationRelativeToNow = Lifetime, Size = Math.Max(1, count), Priority = CacheItemPriority.Low };

    private sealed record KeptItems(CountStamp Stamp, List<WorkItem> Items);
    private sealed record KeptTasks<T>(long ItemsVersion, List<T> Tasks);

    /// <summary>
    /// The items the unit leads in the plans, without texts, earliest due first (then task code), whatever the day: their
    /// <see cref="WorkItem.State"/> is that of the day they were read, so callers classify them with
    /// <see cref="WorkItem.StateOn"/> or <see cref="WorkItem.On"/>. Callers must not change the list.
    /// </summary>
    public async Task<List<WorkItem>> LedAsync(int unitId, int[] planIds, CountStamp stamp, DateOnly today, CancellationToken ct = default)
    {
        var key = ("my-led", unitId, string.Join(',', planIds.Order()));
        if (cache.TryGetValue(key, out KeptItems? kept) && kept is not null && kept.Stamp.Version == stamp.Version) return kept.Items;
        List<WorkItem> items;
        if (kept is not null && kept.Stamp.ItemsVersion == stamp.ItemsVersion && stamp.Version - kept.Stamp.Version <= 5_000)
        {
            var updated = (await db.Progress.AsNoTracking()
                .Where(p => p.UnitId == unitId && p.CountVersion > kept.Stamp.Version && p.CountVersion <= stamp.Version)
                .Select(p => p.DeliverableId).ToListAsync(ct)).ToHashSet();
            items = updated.Count == 0 ? kept.Items
                : Ordered([.. kept.Items.Where(i => !updated.Contains(i.DeliverableId)),
                    .. await WorkItems.LoadWithoutTextsAsync(db, today, unitId, planIds, updated, ct)]);
        }
        else items = Ordered(await WorkItems.LoadWithoutTextsAsync(db, today, unitId, planIds, ct: ct));
        // A new entry, so that a request still reading the old list never sees it change.
        cache.Set(key, new KeptItems(stamp, items), Entry(items.Count));
        return items;
    }

    /// <summary>
    /// What <paramref name="read"/> gives for the unit and plans, kept while nothing but progress changes (the tasks a unit
    /// coordinates, their texts and deadlines). Callers must not change the list.
    /// </summary>
    public async Task<List<T>> CoordinatedAsync<T>(int unitId, int[] planIds, CountStamp stamp, Func<Task<List<T>>> read)
    {
        var key = ("my-coordinated", unitId, string.Join(',', planIds.Order()));
        if (cache.TryGetValue(key, out KeptTasks<T>? kept) && kept is not null && kept.ItemsVersion == stamp.ItemsVersion) return kept.Tasks;
        var tasks = await read();
        cache.Set(key, new KeptTasks<T>(stamp.ItemsVersion, tasks), Entry(tasks.Count));
        return tasks;
    }

    // The deliverable's id last: a list brought up to date orders as one read again (a deliverable's periods stay in their order).
    private static List<WorkItem> Ordered(IEnumerable<WorkItem> items) =>
        [.. items.OrderBy(i => i.Due ?? DateOnly.MaxValue).ThenBy(i => i.TaskCode).ThenBy(i => i.DeliverableId)];
}
