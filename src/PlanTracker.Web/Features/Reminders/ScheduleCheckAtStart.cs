namespace PlanTracker.Web.Features.Reminders;

/// <summary>
/// Logs the calendar traps once at start, after the database is ready (hosted services start in order, and
/// this one is added after the initializer).
/// </summary>
public sealed class ScheduleCheckAtStart(ReminderRunner runner) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runner.CheckScheduleAsync(cancellationToken);
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
