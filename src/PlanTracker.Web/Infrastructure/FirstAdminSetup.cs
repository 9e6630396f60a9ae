using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

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
        if (await NewSetupPathIfNoUserAsync(ct) is not { } path) return null;
        var link = Link(config, [], path);
        log.LogWarning("No user exists yet. Create the first admin within 24 hours at {SetupLink}", link);
        return link;
    }

    /// <summary>
    /// At a server's start: a fresh setup path while no user exists, logged as a link once the server listens,
    /// with the address it really listens on (Urls, --urls or Kestrel's own settings), not the configured default.
    /// </summary>
    public async Task AnnounceSetupLinkWhenListeningAsync(IServiceProvider services, CancellationToken ct = default)
    {
        if (await NewSetupPathIfNoUserAsync(ct) is not { } path) return;
        var logger = log;
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
        {
            var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var link = Link(config, addresses, path);
            var publicLink = Link(config, [], path);
            if (config["App:BaseUrl"] is { Length: > 0 } && publicLink != link)
                logger.LogWarning("No user exists yet. Create the first admin within 24 hours at {SetupLink} (through the public address App:BaseUrl: {PublicSetupLink})",
                    link, publicLink);
            else
                logger.LogWarning("No user exists yet. Create the first admin within 24 hours at {SetupLink}", link);
        });
    }

    /// <summary>
    /// The link on the first address the server listens on, a wildcard host ("http://+:5080", "http://[::]:5080") read
    /// as localhost; without one (the test server), App:BaseUrl, then Urls.
    /// </summary>
    private static string Link(IConfiguration config, ICollection<string> listening, string path)
    {
        if (listening.FirstOrDefault() is not { } address)
            return (config["App:BaseUrl"] ?? config["Urls"]?.Split(';')[0] ?? "http://localhost:5080").TrimEnd('/') + path;
        var bound = BindingAddress.Parse(address);
        var host = bound.Host is "+" or "*" or "0.0.0.0" or "[::]" ? "localhost" : bound.Host;
        return $"{bound.Scheme}://{host}:{bound.Port}{path}";
    }

    private async Task<string?> NewSetupPathIfNoUserAsync(CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct)) return null;
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        await db.SetupTokens.Where(t => t.UsedAtUtc == null).ExecuteDeleteAsync(ct);
        db.SetupTokens.Add(new SetupToken { TokenHash = Hash(token), CreatedAtUtc = now, ExpiresAtUtc = now.AddHours(24) });
        await db.SaveChangesAsync(ct);
        return $"/setup/{token}";
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
