using System.CommandLine;
using PlanTracker.Core.History;
using Microsoft.AspNetCore.Identity;
using PlanTracker.Web.Features.Account.Tokens;
using PlanTracker.Web.Features.Admin;

namespace PlanTracker.Web.Commands;

/// <summary>
/// `users create --email E --role Admin|UnitEditor|Viewer [--unit "Sở Tư pháp"] [--name "Nguyễn Văn A"]`,
/// the password read from standard input so that it never sits in a shell history; and `users token`.
/// </summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "the account's e-mail address, which it signs in with", Required = true };
        var role = new Option<string>("--role") { Description = string.Join(" | ", Roles.All), Required = true };
        role.Validators.Add(result =>
        {
            if (RoleNamed(result.GetValueOrDefault<string>()) is null)
                result.AddError($"role '{result.GetValueOrDefault<string>()}' is not one of {string.Join(", ", Roles.All)}.");
        });
        var unit = new Option<string?>("--unit") { Description = "the account's unit, by name or code, e.g. \"Sở Tư pháp\" or STP" };
        var name = new Option<string?>("--name") { Description = "the full name shown in the app (default: the e-mail address)" };

        var create = new Command("create", "Create an account; the password is read from standard input "
            + "(printf '%s\\n' \"$PASSWORD\" | ... users create ...). Exit code 1 when the unit is unknown or the account is refused, "
            + "2 for a usage error or no password.") { email, role, unit, name };
        create.SetAppAction((result, services) => CreateAsync(services,
            result.GetRequiredValue(email), RoleNamed(result.GetRequiredValue(role))!, result.GetValue(unit), result.GetValue(name)));
        return new Command("users", "Manage accounts.") { create, Token() };
    }

    /// <summary>`users token --email E --name N [--days 90]`: the token, alone, on standard output (the log goes to standard error).</summary>
    private static Command Token()
    {
        var email = new Option<string>("--email") { Description = "the account the token acts as", Required = true };
        var name = new Option<string>("--name") { Description = "what the token is for, e.g. \"E-office\"", Required = true };
        name.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (string.IsNullOrWhiteSpace(text) || text.Length > ApiTokens.MaxNameLength)
                result.AddError($"name must be 1 to {ApiTokens.MaxNameLength} characters.");
        });
        var days = new Option<int>("--days") { Description = $"days until it expires, 1 to {ApiTokens.MaxDays}", DefaultValueFactory = _ => ApiTokens.DefaultDays };
        days.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > ApiTokens.MaxDays)
                result.AddError($"days must be between 1 and {ApiTokens.MaxDays}.");
        });
        var token = new Command("token", "Create a personal access token for the REST API and print it once on standard output. "
            + "Exit code 1 when the account is unknown or disabled, 2 for a usage error.") { email, name, days };
        token.SetAppAction((result, services) => TokenAsync(services, result.GetRequiredValue(email), result.GetRequiredValue(name).Trim(), result.GetValue(days)));
        return token;
    }

    private static async Task<int> TokenAsync(IServiceProvider services, string email, string name, int days)
    {
        await services.InitializeDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        if (user is null)
        {
            Console.Error.WriteLine($"users token: no account has the e-mail address '{email}'.");
            return 1;
        }
        if (user.IsDisabled)
        {
            Console.Error.WriteLine($"users token: the account '{email}' is disabled; enable it first.");
            return 1;
        }
        var created = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user, name, days, new Actor(null, "Dòng lệnh"));
        Console.Error.WriteLine($"Created token '{name}' for {email}, expiring {created.Token.ExpiresAtUtc:yyyy-MM-dd HH:mm} UTC. "
            + "It is shown only this once: store it now.");
        Console.WriteLine(created.Secret);
        return 0;
    }

    private static string? RoleNamed(string text) => Roles.All.FirstOrDefault(r => r.Equals(text, StringComparison.OrdinalIgnoreCase));

    private static async Task<int> CreateAsync(IServiceProvider services, string email, string role, string? unit, string? name)
    {
        var password = Console.In.ReadLine()?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("users create: no password on standard input (e.g. `echo \"$PASSWORD\" | dotnet run ... -- users create ...`).");
            return CommandLine.UsageError;
        }

        await services.InitializeDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        int? unitId = null;
        if (unit is not null)
        {
            unitId = await accounts.FindUnitAsync(unit);
            if (unitId is null)
            {
                Console.Error.WriteLine($"users create: no unit is named or coded '{unit}'. See the unit directory page or seed/units-cantho.json.");
                return 1;
            }
        }

        var outcome = await accounts.CreateAsync(new Actor(null, "Dòng lệnh"), email, name ?? email, role, unitId, password);
        if (!outcome.Succeeded)
        {
            Console.Error.WriteLine("users create: refused: " + string.Join(" ", outcome.Errors));
            return 1;
        }
        Console.WriteLine($"Created {role} account {email}{(unitId is null ? "" : $" for unit '{unit}'")}.");
        return 0;
    }
}
