namespace PlanTracker.Web.Infrastructure;

/// <summary>Migrates and seeds the database before the server takes its first request.</summary>
public sealed class DatabaseInitializer(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.InitializeDatabaseAsync(StartupWork.ServerStart, cancellationToken);
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
