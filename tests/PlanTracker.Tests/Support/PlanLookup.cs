using Microsoft.EntityFrameworkCore;

namespace PlanTracker.Tests.Support;

public static class PlanLookup
{
    /// <summary>The id of a task's deliverable by task code and position (0-based) in the seeded plan.</summary>
    public static async Task<(int TaskId, int DeliverableId)> DeliverableAsync(this PlanTrackerFactory host, string taskCode, int index = 0)
    {
        await using var db = host.NewDbContext();
        // The seeded plan is the first one; unit plans and copies made by a test repeat its codes.
        var task = await db.Tasks.Include(t => t.Deliverables).Where(t => t.Code == taskCode).OrderBy(t => t.Section!.PlanId).FirstAsync();
        return (task.Id, task.Deliverables.OrderBy(d => d.SortOrder).ElementAt(index).Id);
    }
}
