namespace PlanTracker.Core.Reminders;

public enum OutboxState
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,
    /// <summary>Claimed by a dispatcher until ClaimedUntilUtc; an expired claim is pending again.</summary>
    Sending,
    /// <summary>Accepted by the mail server (or written to the pickup folder).</summary>
    Sent,
    /// <summary>Failed the configured number of times; shown to admins, who can send it again.</summary>
    Dead,
}
