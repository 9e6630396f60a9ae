using System.CommandLine;
using PlanTracker.Core.History;
using PlanTracker.Web.Features.Admin;

namespace PlanTracker.Web.Commands;

/// <summary>
/// `users create --email E --role Admin|UnitEditor|Viewer [--unit "Sở Tư pháp"] [--name "Nguyễn Văn A"]`,
/// the password read from standard input so that it never sits in a shell history.
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
        return new Command("users", "Manage accounts.") { create };
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
