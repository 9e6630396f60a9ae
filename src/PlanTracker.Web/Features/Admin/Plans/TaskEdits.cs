using PlanTracker.Core.History;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>What the section page and the task page both do to a task.</summary>
public static class TaskEdits
{
    /// <summary>Retires or restores a task; null when done, else the reason it cannot be.</summary>
    public static async Task<string?> SetRetiredAsync(PlanTrackerDbContext db, Actor actor, DateTime nowUtc, PlanTask task, bool retire)
    {
        if (task.IsRetired == retire) return $"Nhiệm vụ {task.Code} {(retire ? "đã ngừng" : "đang dùng")} rồi.";
        if (retire)
        {
            var activeSubs = await db.Tasks.Where(t => t.ParentTaskId == task.Id && !t.IsRetired).Select(t => t.Code).ToListAsync();
            if (activeSubs.Count > 0)
                return $"Nhiệm vụ {task.Code} còn nội dung con đang dùng ({string.Join(", ", activeSubs)}); hãy ngừng các nội dung con trước.";
        }
        else if (task.ParentTaskId is { } parentId && await db.Tasks.AnyAsync(t => t.Id == parentId && t.IsRetired))
            return $"Nhiệm vụ cha của {task.Code} đã ngừng; hãy khôi phục nhiệm vụ cha trước.";

        task.IsRetired = retire;
        var planId = await db.Sections.Where(s => s.Id == task.SectionId).Select(s => s.PlanId).SingleAsync();
        db.Record(actor, nowUtc, task, retire ? Change.Retired : Change.Restored,
            $"{(retire ? "Ngừng" : "Khôi phục")} nhiệm vụ {task.Code}", new { IsRetired = !retire }, new { IsRetired = retire }, planId);
        return null;
    }
}
