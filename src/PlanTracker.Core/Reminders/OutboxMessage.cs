namespace PlanTracker.Core.Reminders;

/// <summary>
/// An e-mail that must be sent, written in the same transaction as the reminders it carries. The database,
/// not the job scheduler's memory, is what says what remains to be sent.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    /// <summary>The Message-ID header without angle brackets; the same on every attempt, so receivers can drop a duplicate.</summary>
    public required string MessageId { get; set; }
    /// <summary>The unit the digest is for.</summary>
    public int? UnitId { get; set; }
    /// <summary>Addresses separated by "; ".</summary>
    public required string Recipients { get; set; }
    public required string Subject { get; set; }
    public required string HtmlBody { get; set; }
    public required string TextBody { get; set; }

    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public string? ClaimToken { get; set; }
    public string? LastError { get; set; }

    public DateOnly PlannedFor { get; set; }
    public long? ReminderRunId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }

    public List<ReminderItem> Items { get; set; } = [];

    public IReadOnlyList<string> RecipientList =>
        Recipients.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
