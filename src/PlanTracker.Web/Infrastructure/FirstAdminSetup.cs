using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Data;

namespace PlanTracker.Web.Infrastructure;

/// <summary>
/// No default password exists anywhere: while the database has no user, each start writes a fresh
/// one-time link to the log, and that link (valid 24 hours) creates the first admin.
/// </summary>
public sealed class FirstAdminSetup(PlanTrackerDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles,
    TimeProvider time, IConfiguration config, ILogger<FirstAdminSetup> log)
{
    public async Task EnsureRolesAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }

    /// <summary>Writes a fresh setup link to the log (and returns it) while no user exists; earlier unused links stop working.</summary>
    public async Task<string?> AnnounceSetupLinkIfNoUserAsync(CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct)) return null;
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        await db.SetupTokens.Where(t => t.UsedAtUtc == null).ExecuteDeleteAsync(ct);
        db.SetupTokens.Add(new SetupToken { TokenHash = Hash(token), CreatedAtUtc = now, ExpiresAtUtc = now.AddHours(24) });
        await db.SaveChangesAsync(ct);
        var baseUrl = (config["App:BaseUrl"] ?? config["Urls"]?.Split(';')[0] ?? "http://localhost:5080").TrimEnd('/');
        var link = $"{baseUrl}/setup/{token}";
        log.LogWarning("No user exists yet. Create the first admin within 24 hours at {SetupLink}", link);
        return link;
    }

    public async Task<bool> IsValidAsync(string token, CancellationToken ct = default)
    {
        var hash = Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        return !await db.Users.AnyAsync(ct)
            && await db.SetupTokens.AnyAsync(t => t.TokenHash == hash && t.UsedAtUtc == null && t.ExpiresAtUtc > now, ct);
    }

    public async Task<IdentityResult> CreateFirstAdminAsync(string token, string email, string displayName, string password, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await IsValidAsync(token, ct))
            return IdentityResult.Failed(new IdentityError { Code = "SetupUsed", Description = "Liên kết thiết lập không còn hiệu lực." });
        var admin = new AppUser { UserName = email, Email = email, DisplayName = displayName, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded) return created;
        await users.AddToRoleAsync(admin, Roles.Admin);
        var hash = Hash(token);
        var used = await db.SetupTokens.SingleAsync(t => t.TokenHash == hash, ct);
        used.UsedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return created;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
