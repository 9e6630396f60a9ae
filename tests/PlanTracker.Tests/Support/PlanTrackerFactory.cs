using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Data;
using PlanTracker.Core.History;
using PlanTracker.Web.Features.Admin;

namespace PlanTracker.Tests.Support;

/// <summary>
/// The real app in-process on its own SQLite file, seeded from seed/ like a first start.
/// Settings come from the root appsettings.json, then the test's overrides.
/// </summary>
public class PlanTrackerFactory : WebApplicationFactory<Program>
{
    public const string Password = "mat-khau-thu-123";
    private readonly TempFolder folder = new();

    public Dictionary<string, string?> Settings { get; } = new();
    public string DatabaseFile => folder.File("plantracker.db");
    public TempFolder Folder => folder;

    public PlanTrackerFactory()
    {
        if (TestProvider.IsPostgres)
        {
            Settings["Database:Provider"] = "Postgres";
            Settings["ConnectionStrings:PlanTracker"] = PostgresServer.Instance.NewDatabase();
        }
        else
            Settings["ConnectionStrings:PlanTracker"] = $"Data Source={DatabaseFile}";
        Settings["Seed:Directory"] = RepoPaths.Plan163Seed;
        Settings["Clock:Today"] = "";
        Settings["Attachments:Directory"] = folder.File("attachments");
        Settings["Serilog:WriteTo:1:Args:path"] = folder.File("logs/plantracker-.log");
        Settings["Serilog:MinimumLevel:Default"] = "Warning";
        // Recurring jobs never fire on their own in tests, and any mail stays in the temp folder.
        Settings["Hangfire:ServerEnabled"] = "false";
        Settings["Mail:PickupDirectory"] = folder.File("mail");
        // Every test client signs in from the same (absent) address: the sign-in rate limit is tested on its own host.
        Settings["SignIn:RateLimitPerMinute"] = "100000";
        Settings["Api:FailedTokensPerMinute"] = "100000"; // likewise for wrong tokens and unknown calendar addresses
        Settings["CalendarFeeds:MissesPerMinute"] = "100000";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseContentRoot(Path.Combine(RepoPaths.Root, "src", "PlanTracker.Web"));
        builder.ConfigureAppConfiguration((_, config) => config
            .AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.json"), optional: false)
            .AddInMemoryCollection(Settings));
    }

    public PlanTrackerDbContext NewDbContext()
    {
        StartServer(); // the host has started, migrated and seeded
        return Services.CreateScope().ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
    }

    public async Task<int> UnitIdAsync(string code)
    {
        await using var db = NewDbContext();
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
    }

    /// <summary>
    /// Creates an account (once per e-mail) through the same service the admin pages use, as if its person had
    /// already set their own password; an admin also has an authenticator enrolled (<see cref="AuthenticatorCodeAsync"/>).
    /// </summary>
    public async Task<string> CreateUserAsync(string role, string? unitCode = null, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}{(unitCode is null ? "" : "." + unitCode.ToLowerInvariant())}@cantho.example";
        StartServer();
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        if (await db.Users.AnyAsync(u => u.Email == email)) return email;
        int? unitId = unitCode is null ? null : await db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
        var outcome = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .CreateAsync(Actor.System, email, $"Người dùng {email}", role, unitId, Password);
        if (!outcome.Succeeded) throw new InvalidOperationException(string.Join(" ", outcome.Errors));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = outcome.User!;
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        if (role == Roles.Admin)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        return email;
    }

    /// <summary>The code the account's authenticator app shows now.</summary>
    public async Task<string> AuthenticatorCodeAsync(string email)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var key = await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!);
        return Totp.Code(key!);
    }

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInClientAsync(string role, string? unitCode = null, string? email = null)
    {
        email = await CreateUserAsync(role, unitCode, email);
        var client = NewClient();
        var response = await client.PostFormAsync("/account/login", ("Email", email), ("Password", Password));
        if (response.Headers.Location?.OriginalString.StartsWith("/account/login-2fa", StringComparison.Ordinal) == true)
            response = await client.PostFormAsync(response.Headers.Location.OriginalString, ("Code", await AuthenticatorCodeAsync(email)));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {response.StatusCode}");
        return client;
    }

    public Task<HttpClient> ViewerAsync() => SignedInClientAsync(Roles.Viewer);
    public Task<HttpClient> AdminAsync() => SignedInClientAsync(Roles.Admin);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) folder.Dispose();
    }
}
