using PlanTracker.Core.Time;

namespace PlanTracker.Web.Features.Dashboard;

/// <summary>
/// Reads the current plan's counted items and today's overview into <see cref="OverviewCache"/> in the background
/// when the server starts, so that the first dashboard view does not pay the plan's full read (most of a second for
/// a plan of 100,000 deliverables). Only the plan the dashboard opens by default: the cache stays bounded by its size.
/// A failure is logged and the dashboard reads the plan itself, as it would have.
/// </summary>
public sealed partial class OverviewWarmUp(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<OverviewWarmUp> logger) : BackgroundService
{
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the warm-up has finished, failed or was turned off (for the benchmarks).</summary>
    public Task Done => done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up the start
        try
        {
            if (!configuration.GetValue("Dashboard:WarmUp", true)) return;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            var today = scope.ServiceProvider.GetRequiredService<IClock>().Today;
            if (await db.Plans.AsNoTracking().CurrentAsync(today, stoppingToken) is not { } plan) return;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await scope.ServiceProvider.GetRequiredService<OverviewCache>().GetAsync(plan, today, stoppingToken);
            Warmed(logger, plan.Id, watch.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            Failed(logger, e);
        }
        finally
        {
            done.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard overview of plan {PlanId} read at start in {Milliseconds} ms")]
    private static partial void Warmed(ILogger logger, int planId, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard warm-up at start failed; the first view reads the plan itself")]
    private static partial void Failed(ILogger logger, Exception exception);
}
