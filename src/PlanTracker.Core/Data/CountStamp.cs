using PlanTracker.Core.Progress;
using PlanTracker.Core.Units;

namespace PlanTracker.Core.Data;

/// <summary>
/// The dashboard's change stamp, one row: raised in the same transaction as every change to what the dashboard
/// counts (plans, sections, tasks, deliverables, assignments, units, groups, progress). The cache reads it with
/// one query instead of reading history.
/// </summary>
public class CountStamp
{
    public const int Row = 1;

    public int Id { get; set; }
    /// <summary>Raised by every counted change.</summary>
    public long Version { get; set; }
    /// <summary>The Version of the latest counted change other than a progress update: the work items themselves changed.</summary>
    public long ItemsVersion { get; set; }

    /// <summary>Progress rows carry the Version that saved them, so the cache rereads only those deliverables.</summary>
    private static readonly HashSet<Type> Items =
        [typeof(Plan), typeof(Section), typeof(PlanTask), typeof(Deliverable), typeof(TaskAssignment), typeof(PlanDuty),
         typeof(Unit), typeof(UnitGroup), typeof(UnitGroupMember), typeof(UnitAlias)];

    /// <summary>The stamp as it stands: what the kept overviews, rows and lists are checked against.</summary>
    public static Task<CountStamp> CurrentAsync(PlanTrackerDbContext db, CancellationToken ct = default) =>
        db.CountStamps.AsNoTracking().SingleAsync(s => s.Id == Row, ct);

    /// <summary>Raises the stamp if the pending changes alter counts; call inside the save's transaction.</summary>
    internal static async Task RaiseAsync(PlanTrackerDbContext db, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var progress = changed.Where(e => e.State != EntityState.Deleted).Select(e => e.Entity).OfType<DeliverableProgress>().ToList();
        var items = changed.Any(e => Items.Contains(e.Metadata.ClrType));
        if (!items && progress.Count == 0) return;

        var version = await RaiseAsync(db, items, ct);
        progress.ForEach(p => p.CountVersion = version);
    }

    /// <summary>
    /// Raises the stamp for a write the save cannot see (ExecuteUpdate, ExecuteDelete, raw SQL); call inside that write's
    /// transaction. <paramref name="items"/>: more than progress changed, so kept items are read again whole; a bulk write of
    /// progress rows alone sets their CountVersion to the Version returned.
    /// </summary>
    public static async Task<long> RaiseAsync(PlanTrackerDbContext db, bool items, CancellationToken ct = default)
    {
        await db.CountStamps.Where(s => s.Id == Row).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Version, c => c.Version + 1)
            .SetProperty(c => c.ItemsVersion, c => items ? c.Version + 1 : c.ItemsVersion), ct);
        return await db.CountStamps.Where(s => s.Id == Row).Select(s => s.Version).SingleAsync(ct);
    }
}
