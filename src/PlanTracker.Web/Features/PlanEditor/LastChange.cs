using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;

namespace PlanTracker.Web.Features.PlanEditor;

/// <summary>
/// The latest recorded edit of an item's fields. Items without a Version column (plans, sections, units,
/// groups) carry its id in their edit form as a stamp: a different id at save time means someone else
/// saved in between. Moves and retirements are not edits of the fields, so they do not count.
/// </summary>
public sealed record LastChange(long Id, string UserName, DateTime AtUtc)
{
    public static async Task<LastChange?> OfAsync(PlanTrackerDbContext db, string entityType, int entityId) =>
        await db.ChangeRecords.AsNoTracking()
            .Where(c => c.EntityType == entityType && c.EntityId == entityId
                && (c.Action == entityType + EditorActions.Created || c.Action == entityType + EditorActions.Updated))
            .OrderByDescending(c => c.Id)
            .Select(c => new LastChange(c.Id, c.UserName, c.AtUtc))
            .FirstOrDefaultAsync();

    public static async Task<long> StampAsync(PlanTrackerDbContext db, string entityType, int entityId) =>
        (await OfAsync(db, entityType, entityId))?.Id ?? 0;

    /// <summary>Who last changed an item that has a Version: its latest history record of any kind.</summary>
    public static async Task<LastChange?> AnyOfAsync(PlanTrackerDbContext db, string entityType, int entityId) =>
        await db.ChangeRecords.AsNoTracking()
            .Where(c => c.EntityType == entityType && c.EntityId == entityId)
            .OrderByDescending(c => c.Id)
            .Select(c => new LastChange(c.Id, c.UserName, c.AtUtc))
            .FirstOrDefaultAsync();
}

/// <summary>History names: the entity type plus the action ("TaskUpdated"), as the rest of the history uses.</summary>
public static class EditorActions
{
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Moved = "Moved";
    public const string Retired = "Retired";
    public const string Restored = "Restored";

    public const string Plan = "Plan";
    public const string Section = "Section";
    public const string Task = "Task";
    public const string Deliverable = "Deliverable";
    public const string Assignment = "TaskAssignment";
    public const string Unit = "Unit";
    public const string UnitGroup = "UnitGroup";
}
