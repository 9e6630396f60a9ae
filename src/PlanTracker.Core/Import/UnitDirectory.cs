using PlanTracker.Core.Text;

namespace PlanTracker.Core.Import;

/// <summary>Finds the unit or group a printed name stands for, through NFC folding and the aliases.</summary>
public sealed class UnitDirectory
{
    private readonly Dictionary<string, (int? UnitId, int? GroupId)> byKey;

    private UnitDirectory(Dictionary<string, (int?, int?)> byKey) => this.byKey = byKey;

    public static async Task<UnitDirectory> LoadAsync(PlanTrackerDbContext db, CancellationToken ct = default)
    {
        var aliases = await db.UnitAliases.AsNoTracking()
            .Select(a => new { a.NameKey, a.UnitId, a.UnitGroupId })
            .ToListAsync(ct);
        return new UnitDirectory(aliases.ToDictionary(a => a.NameKey, a => (a.UnitId, a.UnitGroupId)));
    }

    public bool TryFind(string printedName, out int? unitId, out int? groupId)
    {
        var found = byKey.TryGetValue(VietnameseText.NameKey(printedName), out var match);
        (unitId, groupId) = match;
        return found;
    }
}
