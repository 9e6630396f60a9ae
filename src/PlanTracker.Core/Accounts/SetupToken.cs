namespace PlanTracker.Core.Accounts;

/// <summary>
/// The one-time link that creates the first admin when the database has no user. Only the token's
/// SHA-256 is stored, so the database alone does not give the link away.
/// </summary>
public class SetupToken
{
    public int Id { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? UsedAtUtc { get; set; }
}
