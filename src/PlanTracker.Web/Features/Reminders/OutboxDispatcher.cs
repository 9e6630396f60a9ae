using Microsoft.Extensions.Options;
using MimeKit;
using PlanTracker.Core.Reminders;

namespace PlanTracker.Web.Features.Reminders;

/// <summary>What the outbox holds: due or waiting, claimed by a dispatcher now (until when), and dead.</summary>
public sealed record OutboxCounts(int Pending, int Claimed, int Dead, DateTime? ClaimedUntilUtc);

/// <summary>What one dispatch did (Failed includes the messages that died), and the outbox after it.</summary>
public sealed record DispatchResult(int Sent, int Failed, int Dead, string? Problem)
{
    /// <summary>Messages skipped because another dispatcher had taken their claim over.</summary>
    public int ClaimsLost { get; init; }
    public OutboxCounts? Outbox { get; init; }
    public bool AnyFailed => Failed > 0 || Problem is not null;
}

/// <summary>A refusal that no retry can change: a 5xx reply, no valid recipient, a message over Mail:MaxMessageBytes.</summary>
public sealed class PermanentMailException(string message) : InvalidOperationException(message);

/// <summary>
/// Sends the outbox over one connection, one message at a time: renew the message's claim, send, mark it
/// sent at once. A crash between the server's acceptance and that mark is the one window left; it can
/// resend at most the one message in flight, with the same Message-ID. Claims are taken a few messages at a
/// time and renewed per message with a conditional UPDATE, so a second dispatcher can take over only
/// messages not yet started, and the first then skips them (a whole batch claimed for 10 minutes against a
/// server taking 4 s a message sent 274 mails for 228 messages). A dispatch that ends in any way gives its
/// untried claims back; only a killed process leaves claims, which expire after Mail:ClaimSeconds.
/// Temporary failures wait longer each time and, after Mail:MaxAttempts, leave the message dead; a
/// permanent refusal (5xx) leaves it dead at once.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, MailTransportFactory transports, IOptions<MailSettings> settings,
    MailStatus status, TimeProvider time, ILogger<OutboxDispatcher> log) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();

    /// <summary>One dispatch: the current batch's claim token and its messages not tried yet, and what it did.</summary>
    private sealed class Run
    {
        public string Token = "";
        public readonly HashSet<long> Untried = [];
        public int Sent, Failed, Dead, ClaimsLost;
        public string? Problem;
    }

    public async Task<DispatchResult> DispatchAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            var run = new Run();
            try
            {
                await using var transport = transports.Create();
                await SendAllAsync(db, transport, run, ct);
            }
            finally
            {
                await GiveBackAsync(run);
            }
            return new DispatchResult(run.Sent, run.Failed, run.Dead, run.Problem) { ClaimsLost = run.ClaimsLost, Outbox = await CountAsync(db, ct) };
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task SendAllAsync(PlanTrackerDbContext db, IMailTransport transport, Run run, CancellationToken ct)
    {
        string? unreachable = null;
        while (true)
        {
            var batch = await ClaimAsync(db, run, ct);
            if (batch.Count == 0) return;
            if (unreachable is null && !transport.IsConnected)
            {
                try
                {
                    await transport.ConnectAsync(ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    log.LogWarning("Mail server unavailable: {Error}; due messages wait for a retry", e.Message);
                    unreachable = "Không kết nối được máy chủ thư: " + e.Message;
                    run.Problem = e.Message;
                    status.Failed(unreachable);
                }
            }
            if (unreachable is not null)
            {
                // Every due message counts the attempt, so each backs off on its own schedule.
                foreach (var message in batch) await FailAsync(db, message, run, unreachable, permanent: false);
                continue;
            }

            foreach (var message in batch)
            {
                if (!await RenewClaimAsync(db, message.Id, run.Token, ct))
                {
                    run.Untried.Remove(message.Id);
                    run.ClaimsLost++;
                    log.LogWarning("Message {Id}: another dispatcher took its claim over; skipped", message.Id);
                    continue;
                }
                try
                {
                    await transport.SendAsync(Checked(ToMime(message)), ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    var error = Describe(e);
                    var permanent = e is PermanentMailException or MailKit.Net.Smtp.SmtpCommandException { StatusCode: >= (MailKit.Net.Smtp.SmtpStatusCode)500 };
                    log.LogWarning("Message {Id} to {Recipients} failed{Kind}: {Error}", message.Id, message.Recipients, permanent ? " for good" : "", error);
                    await FailAsync(db, message, run, error, permanent);
                    if (transport.IsConnected) continue;
                    status.Failed(error);
                    run.Problem = error;
                    await ReleaseAsync(db, run, after: settings.Value.RetryDelay(1));
                    return;
                }
                await MarkSentAsync(db, message, run.Token);
                run.Untried.Remove(message.Id);
                run.Sent++;
                status.Succeeded();
            }
        }
    }

    /// <summary>Claims the next due messages: pending ones whose time has come, and sending ones whose claim expired.</summary>
    private async Task<List<OutboxMessage>> ClaimAsync(PlanTrackerDbContext db, Run run, CancellationToken ct)
    {
        var now = Now;
        var token = Guid.NewGuid().ToString("N");
        var due = db.OutboxMessages().Where(m => (m.State == OutboxState.Pending && m.NextAttemptAtUtc <= now)
            || (m.State == OutboxState.Sending && m.ClaimedUntilUtc < now));
        var ids = await due.OrderBy(m => m.Id).Select(m => m.Id).Take(Math.Max(1, settings.Value.BatchSize)).ToListAsync(ct);
        if (ids.Count == 0) return [];
        // The state is tested again in the UPDATE, so of two dispatchers that read the same rows only one claims each.
        // Recorded first, so that whatever happens from here the claims are given back (a release tests the token).
        run.Token = token;
        run.Untried.Clear();
        run.Untried.UnionWith(ids);
        await due.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Sending)
            .SetProperty(m => m.ClaimToken, token)
            .SetProperty(m => m.ClaimedUntilUtc, now + settings.Value.ClaimFor), CancellationToken.None);
        var batch = await db.OutboxMessages().AsNoTracking().Where(m => m.ClaimToken == token).OrderBy(m => m.Id).ToListAsync(CancellationToken.None);
        run.Untried.Clear();
        run.Untried.UnionWith(batch.Select(m => m.Id));
        return batch;
    }

    /// <summary>Renews the claim just before sending; false when another dispatcher took it over after it expired.</summary>
    private async Task<bool> RenewClaimAsync(PlanTrackerDbContext db, long id, string token, CancellationToken ct) =>
        await db.OutboxMessages().Where(m => m.Id == id && m.ClaimToken == token && m.State == OutboxState.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, Now + settings.Value.ClaimFor), ct) == 1;

    private Task<int> MarkSentAsync(PlanTrackerDbContext db, OutboxMessage message, string token) =>
        // Not cancellable: once the server has the message, the mark must be written.
        db.OutboxMessages().Where(m => m.Id == message.Id && m.ClaimToken == token).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Sent)
            .SetProperty(m => m.SentAtUtc, Now)
            .SetProperty(m => m.Attempts, message.Attempts + 1)
            .SetProperty(m => m.ClaimToken, (string?)null)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
            .SetProperty(m => m.LastError, (string?)null));

    /// <summary>Counts a failed attempt; a permanent refusal, or the last allowed attempt, leaves the message dead.</summary>
    private async Task FailAsync(PlanTrackerDbContext db, OutboxMessage message, Run run, string error, bool permanent)
    {
        var attempts = message.Attempts + 1;
        var isDead = permanent || attempts >= Math.Max(1, settings.Value.MaxAttempts);
        var next = Now + settings.Value.RetryDelay(attempts);
        error = error.Length > 2000 ? error[..2000] : error;
        await db.OutboxMessages().Where(m => m.Id == message.Id && m.ClaimToken == run.Token).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, isDead ? OutboxState.Dead : OutboxState.Pending)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.NextAttemptAtUtc, next)
            .SetProperty(m => m.ClaimToken, (string?)null)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
            .SetProperty(m => m.LastError, error));
        run.Untried.Remove(message.Id);
        run.Failed++;
        if (!isDead) return;
        run.Dead++;
        log.LogError("Message {Id} to {Recipients} is dead after {Attempts} attempts: {Error}", message.Id, message.Recipients, attempts, error);
    }

    /// <summary>Gives back the claims not tried yet, to be due again after the given wait.</summary>
    private async Task<int> ReleaseAsync(PlanTrackerDbContext db, Run run, TimeSpan after)
    {
        var ids = run.Untried.ToList();
        if (ids.Count == 0) return 0;
        var token = run.Token;
        var due = Now + after;
        var released = await db.OutboxMessages().Where(m => ids.Contains(m.Id) && m.ClaimToken == token).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Pending)
            .SetProperty(m => m.NextAttemptAtUtc, due)
            .SetProperty(m => m.ClaimToken, (string?)null)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null));
        run.Untried.Clear();
        return released;
    }

    /// <summary>
    /// However the dispatch ended (cancelled, a database or mail error), the claims not tried yet are due again
    /// at once, instead of waiting for their claim to expire. The message in flight, if any, is among them:
    /// the server may have it, and the resend is the one duplicate the README allows, with the same Message-ID.
    /// If even this fails (the database is gone), the claims expire on their own.
    /// </summary>
    private async Task GiveBackAsync(Run run)
    {
        if (run.Untried.Count == 0) return;
        var count = run.Untried.Count;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var released = await ReleaseAsync(scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>(), run, TimeSpan.Zero);
            log.LogWarning("Dispatch stopped early; {Count} claimed messages are due again", released);
        }
        catch (Exception e)
        {
            log.LogError(e, "Dispatch stopped early and could not give back {Count} claims; they expire within {Seconds} s",
                count, settings.Value.ClaimSeconds);
        }
    }

    public async Task<OutboxCounts> CountAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await CountAsync(scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>(), ct);
    }

    /// <summary>What waits in the outbox; a claim that has expired counts as pending.</summary>
    public async Task<OutboxCounts> CountAsync(PlanTrackerDbContext db, CancellationToken ct = default)
    {
        var now = Now;
        var open = db.OutboxMessages().Where(m => m.State != OutboxState.Sent);
        var claimed = open.Where(m => m.State == OutboxState.Sending && m.ClaimedUntilUtc >= now);
        return new OutboxCounts(
            await open.CountAsync(m => m.State == OutboxState.Pending || (m.State == OutboxState.Sending && m.ClaimedUntilUtc < now), ct),
            await claimed.CountAsync(ct),
            await open.CountAsync(m => m.State == OutboxState.Dead, ct),
            await claimed.MaxAsync(m => m.ClaimedUntilUtc, ct));
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
        if (mime.To.Count == 0) throw new PermanentMailException("Không có địa chỉ người nhận hợp lệ.");
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

    /// <summary>The planner keeps digests under the limit; this catches anything else before a server refuses it.</summary>
    private MimeMessage Checked(MimeMessage mime)
    {
        using var measure = new MimeKit.IO.MeasuringStream();
        mime.WriteTo(measure);
        if (measure.Length > settings.Value.MaxMessageBytes)
            throw new PermanentMailException($"Thư quá lớn: {measure.Length:N0} byte, vượt giới hạn Mail:MaxMessageBytes {settings.Value.MaxMessageBytes:N0} byte.");
        return mime;
    }

    /// <summary>The server's reply code first ("451 Try again later"), so the outbox page shows what the server said.</summary>
    private static string Describe(Exception e) => e is MailKit.Net.Smtp.SmtpCommandException smtp
        ? $"{(int)smtp.StatusCode} {smtp.Message}"
        : e.Message;

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
