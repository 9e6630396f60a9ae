using System.Security.Cryptography;
using System.Text;
using PlanTracker.Core.History;

namespace PlanTracker.Web.Features.Account.Tokens;

/// <summary>
/// Makes and revokes personal access tokens (<see cref="ApiToken"/>) for the account page and the `users token` verb.
/// A token is "pt_" and 32 random bytes in base64url; only its SHA-256 is stored, so a copy of the database
/// holds nothing that signs in. The hash is the lookup key: no comparison of secrets happens in code.
/// </summary>
public sealed class ApiTokens(PlanTrackerDbContext db, TimeProvider time, SecurityLog securityLog)
{
    public const int MaxDays = 365;
    public const int DefaultDays = 90;
    public const int MaxNameLength = 100;
    private const string Scheme = "pt_";
    private const int PrefixLength = 10;

    public sealed record Created(ApiToken Token, string Secret);

    /// <summary>The first characters, as the database keeps them: enough to tell tokens apart, nothing that signs in.</summary>
    public static string Prefix(string token) => token.Length > PrefixLength ? token[..PrefixLength] : token;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether the text has a token's form, so that other bearer tokens are not looked up at all.</summary>
    public static bool LooksLikeToken(string text) => text.StartsWith(Scheme, StringComparison.Ordinal) && text.Length is > 3 and < 100;

    public async Task<Created> CreateAsync(AppUser user, string name, int days, Actor actor, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var secret = Scheme + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            UserId = user.Id, Name = name, TokenHash = Hash(secret), Prefix = Prefix(secret),
            CreatedAtUtc = now, ExpiresAtUtc = now.AddDays(days),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        await securityLog.RecordAsync(SecurityEventKinds.ApiTokenCreated, user.Id, user.Email,
            $"\"{name}\" ({token.Prefix}…), hết hạn {Display.DateTime(token.ExpiresAtUtc)}, bởi {actor.Name}");
        return new Created(token, secret);
    }

    /// <summary>Revokes the token if it belongs to the user (null: any user's, for an admin); false when there is no such token.</summary>
    public async Task<bool> RevokeAsync(int tokenId, string? ownerId, Actor actor, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.Include(t => t.User)
            .FirstOrDefaultAsync(t => t.Id == tokenId && (ownerId == null || t.UserId == ownerId), ct);
        if (token is null) return false;
        if (token.RevokedAtUtc is not null) return true;
        token.RevokedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await securityLog.RecordAsync(SecurityEventKinds.ApiTokenRevoked, token.UserId, token.User?.Email,
            $"\"{token.Name}\" ({token.Prefix}…), bởi {actor.Name}");
        return true;
    }

    public Task<List<ApiToken>> OfUserAsync(string userId, CancellationToken ct = default) =>
        db.ApiTokens.Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAtUtc).ThenByDescending(t => t.Id).ToListAsync(ct);

    public static string State(ApiToken token, DateTime nowUtc) =>
        token.RevokedAtUtc is not null ? "Đã thu hồi" : token.ExpiresAtUtc <= nowUtc ? "Hết hạn" : "Đang dùng";
}
