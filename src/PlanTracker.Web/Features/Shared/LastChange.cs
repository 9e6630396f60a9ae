using PlanTracker.Core.History;

namespace PlanTracker.Web.Features.Shared;

/// <summary>Who last changed an item and when, read from its history for the conflict message.</summary>
public sealed record LastChange(string UserName, DateTime AtUtc)
{
    public static async Task<LastChange?> OfAsync<T>(PlanTrackerDbContext db, int id) =>
        await db.ChangeRecords.AsNoTracking()
            .Where(c => c.EntityType == ChangeLog.NameOf(typeof(T)) && c.EntityId == id)
            .OrderByDescending(c => c.Id)
            .Select(c => new LastChange(c.UserName, c.AtUtc))
            .FirstOrDefaultAsync();
}
