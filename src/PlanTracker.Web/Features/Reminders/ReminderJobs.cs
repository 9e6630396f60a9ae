using Hangfire;

namespace PlanTracker.Web.Features.Reminders;

/// <summary>
/// What Hangfire calls. No Hangfire retries: a failed daily run is caught up by the next one, and the
/// dispatcher keeps its own retry count in the outbox.
/// </summary>
public class ReminderJobs(ReminderRunner runner, OutboxDispatcher dispatcher)
{
    public const string DailyJobId = "reminders-daily";
    public const string DispatchJobId = "reminders-dispatch";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task RunDailyAsync(CancellationToken ct) => runner.RunAsync(RunTrigger.Schedule, "Hangfire", ct);

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task DispatchAsync(CancellationToken ct) => dispatcher.DispatchAsync(ct);
}
