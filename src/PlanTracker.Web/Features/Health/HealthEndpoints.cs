using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PlanTracker.Web.Features.Health;

/// <summary>
/// For a load balancer: /health/live answers while the process runs; /health/ready also checks that the
/// database answers (503 when it does not) and whether mail could leave when last tried (reported "Degraded",
/// still 200, since the outbox holds mail until the server is back). Both are open, and say nothing secret.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddPlanTrackerHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<PlanTrackerDbContext>("database", tags: [ReadyTag])
            .AddCheck<MailHealthCheck>("mail", tags: [ReadyTag]);
        services.AddHostedService<MailMonitor>();
        return services;
    }

    public static void MapPlanTrackerHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync }).AllowAnonymous();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }));
    }
}
