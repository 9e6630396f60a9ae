using Serilog.Events;

namespace PlanTracker.Web.Infrastructure;

public static class ServerRun
{
    /// <summary>
    /// Runs the server until it is stopped. A stop (SIGTERM, Ctrl+C) that comes while it is still starting,
    /// e.g. while migrating or seeding, cancels the start: that ends with one log line and exit code 0, like any
    /// requested stop, instead of an unhandled OperationCanceledException and exit code 134.
    /// </summary>
    public static async Task<int> RunUntilStoppedAsync(this WebApplication app)
    {
        try
        {
            try
            {
                await app.StartAsync();
            }
            catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
            {
                app.Logger.LogWarning("Stopped while starting, before serving any request; the next start completes the start-up");
                return 0;
            }
            await app.WaitForShutdownAsync();
            return 0;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>
    /// The host logs a start cancelled by a stop as "Hosting failed to start" with the cancellation's stack trace
    /// (dotnet/runtime#111013); <see cref="RunUntilStoppedAsync"/> says it in one line instead, so that event is dropped.
    /// </summary>
    public static bool IsStartCancelledByStop(LogEvent logEvent, IServiceProvider services) =>
        logEvent.Exception is OperationCanceledException
        && services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested
        && logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: "Microsoft.Extensions.Hosting.Internal.Host" };
}
