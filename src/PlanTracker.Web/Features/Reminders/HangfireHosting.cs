using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Options;

namespace PlanTracker.Web.Features.Reminders;

/// <summary>
/// Hangfire the way its samples host it: AddHangfire, AddHangfireServer, the recurring jobs through
/// IRecurringJobManager. The command-line verbs never start the host, so never the server either.
/// </summary>
public static class HangfireHosting
{
    public static IServiceCollection AddPlanTrackerHangfire(this IServiceCollection services)
    {
        // Registered before AddHangfire, which then keeps them instead of the static JobStorage.Current and
        // JobActivator.Current: the tests run several hosts, each on its own database, in one process.
        services.AddSingleton(sp => HangfireStorage.Create(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        // After the database initializer: hosted services start in order, and the schedules may live in its database.
        services.AddHostedService<RecurringJobsSetup>();

        // Hangfire:ServerEnabled=false (the tests) keeps the server from starting, so no job fires on its own. Read
        // when the host starts, not here: a test host's settings reach the configuration only after registration.
        var server = new ServiceCollection().AddHangfireServer(options =>
        {
            options.WorkerCount = 2;
            options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
        }).Single();
        services.AddTransient<IHostedService>(sp => sp.GetRequiredService<IConfiguration>().GetValue("Hangfire:ServerEnabled", true)
            ? (IHostedService)server.ImplementationFactory!(sp)
            : new ServerDisabled(sp.GetRequiredService<ILogger<ServerDisabled>>()));
        return services;
    }

    /// <summary>The dashboard, for signed-in admins only: the endpoint's policy, and Hangfire's own check on every request.</summary>
    public static void MapPlanTrackerHangfireDashboard(this WebApplication app) =>
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = [], // the endpoint's Admin policy decides (Hangfire's default filter admits local requests only)
                AppPath = "/admin/reminders",
                DashboardTitle = "PlanTracker: lịch chạy tự động",
            })
            .RequireAuthorization(Policies.Admin);

    private sealed class ServerDisabled(ILogger<ServerDisabled> log) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            log.LogInformation("Hangfire server disabled (Hangfire:ServerEnabled=false); recurring jobs will not fire");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>
/// Puts the schedules into Hangfire's storage at every start (the reminders' cron and time zone from the Reminders
/// settings; the nightly purge of removed files in the same time zone);
/// AddOrUpdate makes that idempotent, also for several servers sharing one storage.
/// </summary>
public sealed class RecurringJobsSetup(IServiceProvider services, IOptions<ReminderJobSettings> settings) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var jobs = services.GetRequiredService<IRecurringJobManager>(); // here, not in the constructor: after migrations
        var zone = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(settings.Value.TimeZone) };
        jobs.AddOrUpdate<ReminderJobs>(ReminderJobs.DailyJobId, j => j.RunDailyAsync(CancellationToken.None), settings.Value.DailyCron, zone);
        jobs.AddOrUpdate<ReminderJobs>(ReminderJobs.DispatchJobId, j => j.DispatchAsync(CancellationToken.None), settings.Value.DispatchCron, zone);
        jobs.AddOrUpdate<Evidence.RemovedFilesPurge>(Evidence.RemovedFilesPurge.JobId, j => j.PurgeAsync(CancellationToken.None), Evidence.RemovedFilesPurge.Cron, zone);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

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
