using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PlanTracker.Core.Data;

namespace PlanTracker.Core.History;

/// <summary>Adds history records to the same unit of work as the change they describe.</summary>
public static class ChangeLog
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static ChangeRecord Record(this PlanTrackerDbContext db, Actor actor, DateTime atUtc,
        string entityType, int entityId, string action, string summary,
        object? before = null, object? after = null, int? taskId = null, int? planId = null)
    {
        var record = new ChangeRecord
        {
            EntityType = entityType,
            EntityId = entityId,
            TaskId = taskId,
            PlanId = planId,
            Action = action,
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
}
