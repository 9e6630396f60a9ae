using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PlanTracker.Core.Data;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.Plans;
using PlanTracker.Core.Progress;
using PlanTracker.Core.PeriodicReports;

namespace PlanTracker.Web.Features.Dashboard;

/// <summary>
/// Keeps each plan's counted items, and the overviews computed from them, while the data is unchanged. Reading a
/// plan of 100,000 deliverables takes most of a second; counting the items kept in memory for any as-of day takes
/// milliseconds. The stamp of the data: every change made in the app writes a history record (a new ChangeRecord
/// id), and new deliverables, assignments or group members change the other parts. When the only new history is
/// status updates, just those deliverables are read again; any other change to the plan reads it all again. What
/// the stamp cannot see (a unit directory re-import that swaps members, for instance) is picked up when the kept
/// items expire.
/// </summary>
public sealed class OverviewCache(PlanTrackerDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ItemsLifetime = TimeSpan.FromMinutes(30);

    /// <summary>History that changes no work item's state.</summary>
    private static readonly string[] NoEffect =
        [nameof(ReportSubmission), "User", nameof(IndicatorValue), nameof(Indicator), nameof(TaskComment), nameof(Attachment)];

    private sealed record Stamp(long ChangeId, int DeliverableId, int AssignmentId, int MemberCount);
    private sealed record KeptItems(Stamp Stamp, List<CountedWorkItem> Items);

    public async Task<PlanOverview> GetAsync(Plan plan, DateOnly asOf, CancellationToken ct = default)
    {
        var stamp = await StampAsync(ct);
        var key = ("plan-overview", plan.Id, asOf, stamp);
        if (cache.TryGetValue(key, out PlanOverview? kept) && kept is not null) return kept;
        var overview = await PlanOverview.BuildAsync(db, plan, asOf, await ItemsAsync(plan.Id, stamp, ct), ct);
        cache.Set(key, overview, Lifetime);
        return overview;
    }

    private async Task<List<CountedWorkItem>> ItemsAsync(int planId, Stamp stamp, CancellationToken ct)
    {
        var key = ("plan-items", planId);
        List<CountedWorkItem> items;
        if (cache.TryGetValue(key, out KeptItems? kept) && kept is not null && kept.Stamp == stamp) return kept.Items;
        if (kept is not null && await UpdatedDeliverablesAsync(kept.Stamp, stamp, ct) is { } updated)
        {
            var reread = await CountedWorkItems.LoadAsync(db, planId, updated, ct);
            items = [.. kept.Items.Where(i => !updated.Contains(i.DeliverableId)), .. reread];
        }
        else items = await CountedWorkItems.LoadAsync(db, planId, ct: ct);
        // A new entry, so that an overview being built from the old list is never changed under it.
        cache.Set(key, new KeptItems(stamp, items), ItemsLifetime);
        return items;
    }

    /// <summary>The deliverables whose status changed since the kept stamp, or null when anything else that counts changed.</summary>
    private async Task<HashSet<int>?> UpdatedDeliverablesAsync(Stamp kept, Stamp now, CancellationToken ct)
    {
        if (kept with { ChangeId = now.ChangeId } != now || now.ChangeId - kept.ChangeId > 5_000) return null;
        var changes = await db.ChangeRecords.AsNoTracking()
            .Where(c => c.Id > kept.ChangeId && c.Id <= now.ChangeId && !NoEffect.Contains(c.EntityType))
            .Select(c => new { c.EntityType, c.EntityId }).ToListAsync(ct);
        return changes.All(c => c.EntityType == nameof(DeliverableProgress)) ? changes.Select(c => c.EntityId).ToHashSet() : null;
    }

    private async Task<Stamp> StampAsync(CancellationToken ct) => new(
        await db.ChangeRecords.MaxAsync(c => (long?)c.Id, ct) ?? 0,
        await db.Deliverables.MaxAsync(d => (int?)d.Id, ct) ?? 0,
        await db.TaskAssignments.MaxAsync(a => (int?)a.Id, ct) ?? 0,
        await db.UnitGroupMembers.CountAsync(ct));
}
