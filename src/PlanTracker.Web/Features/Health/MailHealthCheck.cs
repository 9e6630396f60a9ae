using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PlanTracker.Web.Features.Reminders;

namespace PlanTracker.Web.Features.Health;

/// <summary>
/// Whether mail can leave: in SMTP mode the server accepts a connection (and authentication) within a few
/// seconds; in pickup mode the folder can be written. An unhealthy mail server is reported as degraded, not
/// unhealthy: the outbox keeps every message until it is back, so the server can still serve its users.
/// </summary>
public sealed class MailHealthCheck(MailTransportFactory transports, IOptions<MailSettings> settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            if (settings.Value.Mode == MailMode.Pickup)
            {
                var folder = Path.GetFullPath(settings.Value.PickupDirectory);
                Directory.CreateDirectory(folder);
                var probe = Path.Combine(folder, $".health-{Guid.NewGuid():N}");
                await File.WriteAllTextAsync(probe, "", ct);
                File.Delete(probe);
                return HealthCheckResult.Healthy("pickup folder writable");
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await using var transport = transports.Create();
            await transport.ConnectAsync(timeout.Token);
            return HealthCheckResult.Healthy("SMTP server answers");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded("mail cannot be sent now: " + e.Message);
        }
    }
}
