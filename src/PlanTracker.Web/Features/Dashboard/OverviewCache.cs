using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PlanTracker.Core.Data;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.Plans;

namespace PlanTracker.Web.Features.Dashboard;

/// <summary>
/// Keeps computed plan overviews while the data they come from is unchanged. Counting a province's 200,000 work
/// items takes seconds; the dashboard is opened far more often than the data changes. The key holds a stamp of the
/// data: every change made in the app writes a history record (a new ChangeRecord id), and new deliverables,
/// assignments or group members change the other parts. What the stamp cannot see (a unit directory re-import that
/// swaps members, for instance) is picked up when the entry expires.
/// </summary>
public sealed class OverviewCache(PlanTrackerDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<PlanOverview> GetAsync(Plan plan, DateOnly asOf, CancellationToken ct = default)
    {
        var key = ("plan-overview", plan.Id, asOf, await StampAsync(ct));
        if (cache.TryGetValue(key, out PlanOverview? cached) && cached is not null) return cached;
        var overview = await PlanOverview.BuildAsync(db, plan, asOf, ct);
        cache.Set(key, overview, Lifetime);
        return overview;
    }

    private async Task<string> StampAsync(CancellationToken ct) => string.Join('-',
        await db.ChangeRecords.MaxAsync(c => (long?)c.Id, ct) ?? 0,
        await db.Deliverables.MaxAsync(d => (int?)d.Id, ct) ?? 0,
        await db.TaskAssignments.MaxAsync(a => (int?)a.Id, ct) ?? 0,
        await db.Progress.MaxAsync(p => (int?)p.Id, ct) ?? 0,
        await db.UnitGroupMembers.CountAsync(ct));
}
