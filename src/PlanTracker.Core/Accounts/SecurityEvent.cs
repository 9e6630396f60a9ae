namespace PlanTracker.Core.Accounts;

/// <summary>
/// One entry of the security log: a sign-in, a failure, a lock-out or throttle, a refusal (403), a password reset
/// or an account change. Kept apart from the history, which records changes to the plan's data.
/// </summary>
public class SecurityEvent
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    /// <summary>What happened, e.g. "SignIn", "SignInFailed", "Throttled", "Forbidden", "PasswordReset", "AccountChanged".</summary>
    public required string Kind { get; set; }
    public string? UserId { get; set; }
    /// <summary>The account named, as typed (a failed sign-in may name no account that exists).</summary>
    public string? Email { get; set; }
    public string? IpAddress { get; set; }
    public string? Path { get; set; }
    public string? Detail { get; set; }
}
