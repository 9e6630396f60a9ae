using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Microsoft.Extensions.Options;
using PlanTracker.Core.Accounts;

namespace PlanTracker.Web.Features.Reminders;

/// <summary>
/// Hangfire's storage, chosen by Hangfire:Storage. Only schedules live there: what must be sent is in the
/// app's own outbox table, so losing the in-memory storage at a restart loses nothing.
/// </summary>
public static class HangfireStorage
{
    public static JobStorage Create(IConfiguration config)
    {
        var storage = config["Hangfire:Storage"] is { Length: > 0 } s ? s : "InMemory";
        return storage.ToLowerInvariant() switch
        {
            "inmemory" => new InMemoryStorage(new InMemoryStorageOptions()),
            // The seam for PostgreSQL: reference Hangfire.PostgreSql and return
            // new PostgreSqlStorage(new NpgsqlConnectionFactory(config.GetConnectionString("Hangfire"), new PostgreSqlStorageOptions()));
            // with Hangfire:Storage = PostgreSql and ConnectionStrings:Hangfire set.
            _ => throw new InvalidOperationException(
                $"Hangfire:Storage '{storage}' is not available in this build; use 'InMemory'. PostgreSQL needs the Hangfire.PostgreSql package (see HangfireStorage)."),
        };
    }
}

/// <summary>
/// Registers the recurring jobs at start-up and runs Hangfire's server inside the web app, unless
/// Hangfire:ServerEnabled is false (tests). The command-line verbs never start the host, so never this.
/// </summary>
public sealed class HangfireServerHost(JobStorage storage, IServiceScopeFactory scopes, IConfiguration config,
    IOptions<ReminderJobSettings> jobs, ILogger<HangfireServerHost> log) : IHostedService
{
    private BackgroundJobServer? server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = jobs.Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        var manager = new RecurringJobManager(storage);
        manager.AddOrUpdate<ReminderJobs>(ReminderJobs.DailyJobId, j => j.RunDailyAsync(CancellationToken.None), settings.DailyCron,
            new RecurringJobOptions { TimeZone = zone });
        manager.AddOrUpdate<ReminderJobs>(ReminderJobs.DispatchJobId, j => j.DispatchAsync(CancellationToken.None), settings.DispatchCron,
            new RecurringJobOptions { TimeZone = zone });

        if (!config.GetValue("Hangfire:ServerEnabled", true))
        {
            log.LogInformation("Hangfire server disabled (Hangfire:ServerEnabled=false); recurring jobs will not fire");
            return Task.CompletedTask;
        }
        server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            WorkerCount = 2,
            Activator = new AspNetCoreJobActivator(scopes),
            ServerName = $"{Environment.MachineName}:{Environment.ProcessId}",
        }, storage);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is null) return;
        server.SendStop();
        await server.WaitForShutdownAsync(cancellationToken);
        server.Dispose();
    }
}

/// <summary>The dashboard for signed-in admins only, checked on every dashboard request.</summary>
public sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Admin);
    }
}
