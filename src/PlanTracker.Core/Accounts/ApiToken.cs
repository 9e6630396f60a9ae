namespace PlanTracker.Core.Accounts;

/// <summary>
/// A personal access token for the REST API ("Authorization: Bearer ..."). It acts as its user, with the
/// user's role and unit. Only the token's SHA-256 is stored: the token is shown once, when it is made.
/// </summary>
public class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    /// <summary>What the person calls it ("Hệ thống văn bản điện tử"), to tell their tokens apart.</summary>
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    /// <summary>The token's first characters, shown on the account page and in logs; never enough to use it.</summary>
    public required string Prefix { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }
}
