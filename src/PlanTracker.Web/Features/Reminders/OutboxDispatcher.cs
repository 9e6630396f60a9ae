using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using PlanTracker.Core.Data;
using PlanTracker.Core.Reminders;

namespace PlanTracker.Web.Features.Reminders;

public sealed record DispatchResult(int Sent, int Failed, int Dead, string? Problem);

/// <summary>
/// Sends the outbox over one connection, one message at a time: send, then mark it sent at once. A crash
/// between the server's acceptance and that mark is the one window left; it can resend at most the one
/// message in flight, with the same Message-ID. Messages are claimed for a while before sending, so two
/// dispatchers (the web app and the command line) never send the same message; a claim left by a crash
/// simply expires. Failures wait longer each time and, after Mail:MaxAttempts, leave the message dead.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, MailTransportFactory transports, IOptions<MailSettings> settings,
    TimeProvider time, ILogger<OutboxDispatcher> log)
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<DispatchResult> DispatchAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            await using var transport = transports.Create();
            int sent = 0, failed = 0, dead = 0;
            while (true)
            {
                var (token, batch) = await ClaimAsync(db, ct);
                if (batch.Count == 0) return new(sent, failed, dead, null);
                if (!transport.IsConnected)
                {
                    try
                    {
                        await transport.ConnectAsync(ct);
                    }
                    catch (Exception e) when (!ct.IsCancellationRequested)
                    {
                        log.LogWarning("Mail server unavailable: {Error}; {Count} messages wait for a retry", e.Message, batch.Count);
                        foreach (var message in batch)
                            dead += await FailAsync(db, message, token, "Không kết nối được máy chủ thư: " + e.Message) ? 1 : 0;
                        return new(sent, failed + batch.Count, dead, e.Message);
                    }
                }

                for (var i = 0; i < batch.Count; i++)
                {
                    var message = batch[i];
                    try
                    {
                        await transport.SendAsync(ToMime(message), ct);
                    }
                    catch (Exception e) when (!ct.IsCancellationRequested)
                    {
                        failed++;
                        var error = Describe(e);
                        log.LogWarning("Message {Id} to {Recipients} failed: {Error}", message.Id, message.Recipients, error);
                        dead += await FailAsync(db, message, token, error) ? 1 : 0;
                        if (transport.IsConnected) continue;
                        await ReleaseAsync(db, batch.Skip(i + 1), token);
                        return new(sent, failed, dead, error);
                    }
                    await MarkSentAsync(db, message, token);
                    sent++;
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Claims the next due messages: pending ones whose time has come, and sending ones whose claim expired.</summary>
    private async Task<(string Token, List<OutboxMessage> Batch)> ClaimAsync(PlanTrackerDbContext db, CancellationToken ct)
    {
        var now = Now;
        var token = Guid.NewGuid().ToString("N");
        var due = db.OutboxMessages().Where(m => (m.State == OutboxState.Pending && m.NextAttemptAtUtc <= now)
            || (m.State == OutboxState.Sending && m.ClaimedUntilUtc < now));
        var ids = await due.OrderBy(m => m.Id).Select(m => m.Id).Take(Math.Max(1, settings.Value.BatchSize)).ToListAsync(ct);
        if (ids.Count == 0) return (token, []);
        // The state is tested again in the UPDATE, so of two dispatchers that read the same rows only one claims each.
        await due.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Sending)
            .SetProperty(m => m.ClaimToken, token)
            .SetProperty(m => m.ClaimedUntilUtc, now + ClaimFor), ct);
        var batch = await db.OutboxMessages().AsNoTracking().Where(m => m.ClaimToken == token).OrderBy(m => m.Id).ToListAsync(ct);
        return (token, batch);
    }

    private Task MarkSentAsync(PlanTrackerDbContext db, OutboxMessage message, string token) =>
        // Not cancellable: once the server has the message, the mark must be written.
        db.OutboxMessages().Where(m => m.Id == message.Id && m.ClaimToken == token).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Sent)
            .SetProperty(m => m.SentAtUtc, Now)
            .SetProperty(m => m.Attempts, message.Attempts + 1)
            .SetProperty(m => m.ClaimToken, (string?)null)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
            .SetProperty(m => m.LastError, (string?)null));

    /// <summary>Counts a failed attempt; returns true when that makes the message dead.</summary>
    private async Task<bool> FailAsync(PlanTrackerDbContext db, OutboxMessage message, string token, string error)
    {
        var attempts = message.Attempts + 1;
        var isDead = attempts >= Math.Max(1, settings.Value.MaxAttempts);
        var next = Now + settings.Value.RetryDelay(attempts);
        error = error.Length > 2000 ? error[..2000] : error;
        await db.OutboxMessages().Where(m => m.Id == message.Id && m.ClaimToken == token).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, isDead ? OutboxState.Dead : OutboxState.Pending)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.NextAttemptAtUtc, next)
            .SetProperty(m => m.ClaimToken, (string?)null)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
            .SetProperty(m => m.LastError, error));
        if (isDead) log.LogError("Message {Id} to {Recipients} is dead after {Attempts} attempts: {Error}", message.Id, message.Recipients, attempts, error);
        return isDead;
    }

    /// <summary>Gives back claimed messages that were not tried because the connection dropped.</summary>
    private async Task ReleaseAsync(PlanTrackerDbContext db, IEnumerable<OutboxMessage> untried, string token)
    {
        var ids = untried.Select(m => m.Id).ToList();
        if (ids.Count == 0) return;
        await db.OutboxMessages().Where(m => ids.Contains(m.Id) && m.ClaimToken == token).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Pending)
            .SetProperty(m => m.NextAttemptAtUtc, Now + settings.Value.RetryDelay(1))
            .SetProperty(m => m.ClaimToken, (string?)null)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null));
    }

    /// <summary>Makes dead messages pending again, for an admin; returns how many.</summary>
    public async Task<int> ResendAsync(PlanTrackerDbContext db, long? id, CancellationToken ct = default) =>
        await db.OutboxMessages().Where(m => m.State == OutboxState.Dead && (id == null || m.Id == id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Pending)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.NextAttemptAtUtc, Now), ct);

    public MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(settings.Value.From));
        foreach (var address in message.RecipientList)
            if (MailboxAddress.TryParse(address, out var mailbox)) mime.To.Add(mailbox);
            else log.LogWarning("Message {Id}: '{Address}' is not an e-mail address; left out", message.Id, address);
        if (mime.To.Count == 0) throw new InvalidOperationException("Không có địa chỉ người nhận hợp lệ.");
        mime.MessageId = message.MessageId;
        mime.Date = time.GetUtcNow();
        mime.Subject = message.Subject;
        // RFC 3834: an automatic message; out-of-office replies should not answer it.
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Headers.Add("X-Auto-Response-Suppress", "All");
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        // Quoted-printable parts: the message passes any server, and a pickup .eml file opens in any mail program.
        mime.Prepare(EncodingConstraint.SevenBit);
        return mime;
    }

    /// <summary>The server's reply code first ("451 Try again later"), so the outbox page shows what the server said.</summary>
    private static string Describe(Exception e) => e is MailKit.Net.Smtp.SmtpCommandException smtp
        ? $"{(int)smtp.StatusCode} {smtp.Message}"
        : e.Message;

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
