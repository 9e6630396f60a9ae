namespace PlanTracker.Core.Reminders;

/// <summary>
/// The reminder tables. Their configurations join the model through the context's
/// ApplyConfigurationsFromAssembly; these accessors keep the feature out of the shared context file.
/// </summary>
public static class ReminderSets
{
    public static DbSet<ReminderRun> ReminderRuns(this PlanTrackerDbContext db) => db.Set<ReminderRun>();
    public static DbSet<OutboxMessage> OutboxMessages(this PlanTrackerDbContext db) => db.Set<OutboxMessage>();
    public static DbSet<ReminderItem> ReminderItems(this PlanTrackerDbContext db) => db.Set<ReminderItem>();
}
