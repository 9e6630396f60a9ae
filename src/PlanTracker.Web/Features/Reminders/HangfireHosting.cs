using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Options;

namespace PlanTracker.Web.Features.Reminders;

/// <summary>
/// Hangfire's storage, chosen by Hangfire:Storage, or by the database provider when that is empty:
/// in memory beside SQLite, Hangfire.PostgreSql (schema "hangfire", in the app's database unless
/// ConnectionStrings:Hangfire names another) beside PostgreSQL, where several app servers share it and
/// each recurring job fires once per schedule across them. Only schedules live there: what must be sent
/// is in the app's own outbox table, so losing the in-memory storage at a restart loses nothing.
/// </summary>
public static class HangfireStorage
{
    public static JobStorage Create(IConfiguration config)
    {
        var storage = config["Hangfire:Storage"] is { Length: > 0 } s ? s
            : Infrastructure.DatabaseSetup.IsPostgres(config) ? "PostgreSql" : "InMemory";
        return storage.ToLowerInvariant() switch
        {
            "inmemory" => new InMemoryStorage(new InMemoryStorageOptions()),
            "postgresql" or "postgres" => PostgreSql(config),
            _ => throw new InvalidOperationException($"Hangfire:Storage '{storage}' is not supported; use 'InMemory' or 'PostgreSql' (or leave it empty to follow Database:Provider)."),
        };
    }

    private static PostgreSqlStorage PostgreSql(IConfiguration config)
    {
        var connection = config.GetConnectionString("Hangfire") is { Length: > 0 } own ? own : config.GetConnectionString("PlanTracker");
        if (string.IsNullOrWhiteSpace(connection) || connection.Contains("Data Source=", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("Hangfire:Storage is PostgreSql but no PostgreSQL connection string is set (ConnectionStrings:Hangfire or ConnectionStrings:PlanTracker).");
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connection, options), options);
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
