using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace PlanTracker.Core.History;

/// <summary>What an editor did to an item; stored as the item's history name plus the change, e.g. "TaskUpdated".</summary>
public enum Change { Created, Updated, Moved, Retired, Restored, Removed }

/// <summary>Adds history records to the same unit of work as the change they describe.</summary>
public static class ChangeLog
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>The name history gives each kind of item, as the first records wrote it.</summary>
    public static string NameOf(Type type) => type == typeof(PlanTask) ? "Task" : type.Name;

    /// <summary>
    /// Records a change of a tracked item. Its id, its task and its plan are read from the item where it has
    /// them; a new item's id is filled in when the save gives it one, so the handler saves once.
    /// </summary>
    public static ChangeRecord Record<T>(this PlanTrackerDbContext db, Actor actor, DateTime atUtc, T item, Change change,
        string summary, object? before = null, object? after = null, int? planId = null) where T : class
    {
        var name = NameOf(item.GetType());
        var record = db.Record(actor, atUtc, new ChangeKind(name, name + change), 0, summary, before, after, planId: planId);
        record.Subject = item;
        return record;
    }

    /// <summary>Records a change that is not one item's edit: a progress update, a comment, an account.</summary>
    public static ChangeRecord Record(this PlanTrackerDbContext db, Actor actor, DateTime atUtc, ChangeKind kind, int entityId,
        string summary, object? before = null, object? after = null, int? taskId = null, int? planId = null)
    {
        var record = new ChangeRecord
        {
            EntityType = kind.EntityType,
            EntityId = entityId,
            TaskId = taskId,
            PlanId = planId,
            Action = kind.Action,
            Summary = summary.Length > 500 ? summary[..500] : summary,
            BeforeJson = before is null ? null : JsonSerializer.Serialize(before, Json),
            AfterJson = after is null ? null : JsonSerializer.Serialize(after, Json),
            UserId = actor.UserId,
            UserName = actor.Name,
            AtUtc = atUtc,
        };
        db.ChangeRecords.Add(record);
        return record;
    }

    /// <summary>
    /// Records whose item is new wait for the item's id: they are taken out of this save and returned, to be
    /// completed and saved right after it, in the same transaction.
    /// </summary>
    internal static List<ChangeRecord> HoldBackForNewItems(DbContext db)
    {
        var held = db.ChangeTracker.Entries<ChangeRecord>()
            .Where(e => e.State == EntityState.Added && e.Entity.Subject is { } s && db.Entry(s).State == EntityState.Added)
            .ToList();
        held.ForEach(e => e.State = EntityState.Detached);
        return [.. held.Select(e => e.Entity)];
    }

    /// <summary>Fills in the ids the save gave, and marks the records to be saved.</summary>
    internal static void Complete(DbContext db, List<ChangeRecord> held)
    {
        foreach (var record in held)
        {
            Resolve(db, record);
            db.Add(record);
        }
    }

    /// <summary>Reads the ids of the items recorded that already have one.</summary>
    internal static void FillKnownIds(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<ChangeRecord>().Where(e => e.State == EntityState.Added && e.Entity.Subject is not null))
            Resolve(db, entry.Entity);
    }

    private static void Resolve(DbContext db, ChangeRecord record)
    {
        var item = record.Subject!;
        record.EntityId = (int)db.Entry(item).Property("Id").CurrentValue!;
        record.TaskId ??= item switch { PlanTask t => t.Id, Deliverable d => d.TaskId, TaskAssignment a => a.TaskId, _ => null };
        record.PlanId ??= item switch { Plan p => p.Id, Section s => s.PlanId, _ => null };
    }
}
