using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PlanTracker.Web.Features.Reminders;

namespace PlanTracker.Web.Features.Health;

/// <summary>
/// Whether mail can leave. In SMTP mode: the last thing the dispatcher (or, while it is idle, the
/// MailMonitor) learned, read from memory, so a probe answers in microseconds however the mail server
/// behaves (opening a connection per probe took 5 s a probe when the server hung). In pickup mode: the
/// folder can be written. A mail server that cannot take mail makes readiness degraded, not unhealthy:
/// the outbox keeps every message until it is back, so the server can still serve its users.
/// </summary>
public sealed class MailHealthCheck(MailStatus status, IOptions<MailSettings> settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (settings.Value.Mode == MailMode.Pickup) return await PickupAsync(ct);
        var state = status.Current;
        var data = new Dictionary<string, object>();
        if (state.LastSuccess is { } ok) data["lastSuccess"] = ok;
        if (state.LastFailure is { } failed) data["lastFailure"] = failed;
        if (!state.IsKnown) return HealthCheckResult.Degraded("mail server not checked yet", data: data);
        return state.CanSend
            ? HealthCheckResult.Healthy("mail server took mail or answered", data)
            : HealthCheckResult.Degraded("mail cannot be sent now: " + state.LastError, data: data);
    }

    private async Task<HealthCheckResult> PickupAsync(CancellationToken ct)
    {
        try
        {
            var folder = Path.GetFullPath(settings.Value.PickupDirectory);
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".health-{Guid.NewGuid():N}");
            await File.WriteAllTextAsync(probe, "", ct);
            File.Delete(probe);
            return HealthCheckResult.Healthy("pickup folder writable");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Degraded("mail cannot be written now: " + e.Message);
        }
    }
}

/// <summary>
/// Keeps MailStatus fresh while the dispatcher is idle: when nothing was learned for Mail:ProbeEverySeconds,
/// one connection (and authentication) with a Mail:ProbeTimeoutSeconds limit. Runs in the web app only.
/// </summary>
public sealed class MailMonitor(MailTransportFactory transports, MailStatus status, IOptions<MailSettings> settings) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Value.Mode != MailMode.Smtp) return;
        var every = TimeSpan.FromSeconds(Math.Max(1, settings.Value.ProbeEverySeconds));
        try
        {
            while (true)
            {
                if (status.SinceLastReport >= every) await ProbeAsync(stoppingToken);
                var wait = every - status.SinceLastReport;
                await Task.Delay(wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app stops.
        }
    }

    public async Task ProbeAsync(CancellationToken ct)
    {
        var limit = TimeSpan.FromSeconds(Math.Max(1, settings.Value.ProbeTimeoutSeconds));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        try
        {
            await using var transport = transports.Create();
            await transport.ConnectAsync(timeout.Token);
            status.Succeeded();
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            status.Failed(e is OperationCanceledException ? $"the mail server did not answer within {limit.TotalSeconds:0} s" : e.Message);
        }
    }
}
