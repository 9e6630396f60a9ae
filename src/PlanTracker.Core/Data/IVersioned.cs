namespace PlanTracker.Core.Data;

/// <summary>
/// An item people edit in forms. The context raises Version on every save that changes it, and the UPDATE
/// only succeeds if the row still has the version the form was loaded with, so a stale save is refused.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

public static class Versions
{
    /// <summary>Order and folded search text are derived from other edits, not edits of the item.</summary>
    private static readonly HashSet<string> NotEdits = [nameof(IVersioned.Version), "SortOrder", "SearchText"];

    /// <summary>The save only succeeds if the item still has this version, the one its form was loaded with.</summary>
    public static void Expect<T>(this DbContext db, T item, int version) where T : class, IVersioned =>
        db.Entry(item).Property(i => i.Version).OriginalValue = version;

    /// <summary>Edited items, units and groups whose aliases or members change, and indicators whose steps change go up by one.</summary>
    internal static void Raise(DbContext db)
    {
        var owners = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
            .SelectMany(e => e.Entity switch
            {
                Units.UnitAlias a => new[] { (typeof(Units.Unit), a.UnitId), (typeof(Units.UnitGroup), a.UnitGroupId) },
                Units.UnitGroupMember m => [(typeof(Units.UnitGroup), (int?)m.UnitGroupId)],
                Plans.IndicatorStep s => [(typeof(Plans.Indicator), (int?)s.IndicatorId)],
                _ => [],
            })
            .ToHashSet();
        foreach (var entry in db.ChangeTracker.Entries<IVersioned>())
        {
            var edited = entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && !NotEdits.Contains(p.Metadata.Name));
            var partsChanged = entry.State == EntityState.Unchanged && owners.Contains((entry.Entity.GetType(), (int?)entry.Property<int>("Id").CurrentValue));
            if (!edited && !partsChanged) continue;
            var version = entry.Property(i => i.Version);
            version.CurrentValue = version.OriginalValue + 1;
        }
    }
}
