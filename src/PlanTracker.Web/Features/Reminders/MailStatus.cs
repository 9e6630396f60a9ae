namespace PlanTracker.Web.Features.Reminders;

/// <summary>What the dispatcher (or, while it is idle, the mail check) last learned about the mail server.</summary>
public sealed record MailState(DateTimeOffset? LastSuccess, DateTimeOffset? LastFailure, string? LastError, bool CanSend)
{
    public bool IsKnown => LastSuccess is not null || LastFailure is not null;
}

/// <summary>
/// The last known mail state, kept in memory: readiness reads it in microseconds instead of opening an
/// SMTP connection per probe (which took 5 s a probe when the server hung).
/// </summary>
public sealed class MailStatus(TimeProvider time)
{
    private readonly Lock gate = new();
    private MailState state = new(null, null, null, false);
    private long reportedAt = long.MinValue;

    public MailState Current => Volatile.Read(ref state);

    /// <summary>Real time since the last report, however the app's clock is set; a check is due when it is long.</summary>
    public TimeSpan SinceLastReport =>
        Interlocked.Read(ref reportedAt) is var at && at == long.MinValue ? TimeSpan.MaxValue : TimeSpan.FromMilliseconds(Environment.TickCount64 - at);

    public void Succeeded() => Update((s, now) => s with { LastSuccess = now, CanSend = true });

    public void Failed(string error) => Update((s, now) => s with { LastFailure = now, LastError = error, CanSend = false });

    private void Update(Func<MailState, DateTimeOffset, MailState> change)
    {
        lock (gate)
        {
            Volatile.Write(ref state, change(state, time.GetUtcNow()));
            Interlocked.Exchange(ref reportedAt, Environment.TickCount64);
        }
    }
}
