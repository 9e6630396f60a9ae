using Microsoft.Extensions.Caching.Memory;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.Time;
using PlanTracker.Web.Features.Dashboard;

namespace PlanTracker.Web.Features.Public;

/// <summary>
/// The public page's figures: the dashboard's overview of the plan as of today (the same <see cref="OverviewCache"/>,
/// so the same counting), kept for <see cref="Lifetime"/> so that anonymous traffic costs one plan read a request.
/// Whether the plan is public is read on every request, never kept: turning it off hides the page at once on every
/// server. The edit page evicts the entry when the opt-in changes, so turning it on again starts from fresh figures.
/// </summary>
public sealed class PublicProgressCounts(PlanTrackerDbContext db, OverviewCache overviews, IMemoryCache cache, IClock clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    /// <summary>In the cache's units (kept work items, see <see cref="OverviewCache.SizeLimit"/>), as an overview counts.</summary>
    private const long EntrySize = 1_000;

    public sealed record Snapshot(PlanOverview Overview, DateTimeOffset ComputedAt);

    /// <summary>The plans anyone may see: opted in and past the draft.</summary>
    public IQueryable<Plan> PublicPlans() => db.Plans.AsNoTracking().Live().Where(p => p.PublicProgress && p.Status != PlanStatus.Draft);

    public async Task<Snapshot> GetAsync(Plan plan, CancellationToken ct = default)
    {
        var today = clock.Today;
        if (cache.TryGetValue(Key(plan.Id), out Snapshot? kept) && kept is not null && kept.Overview.AsOf == today) return kept;
        var snapshot = new Snapshot(await overviews.GetAsync(plan, today, ct), clock.Now);
        cache.Set(Key(plan.Id), snapshot, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = EntrySize });
        return snapshot;
    }

    public static void Evict(IMemoryCache cache, int planId) => cache.Remove(Key(planId));

    private static (string, int) Key(int planId) => ("public-progress", planId);
}
