using PlanTracker.Core.History;
using PlanTracker.Web.Features.Admin;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Web.Commands;

/// <summary>
/// `users create --email E --role Admin|UnitEditor|Viewer [--unit "Sở Tư pháp"] [--name "Nguyễn Văn A"]`,
/// the password read from standard input so that it never sits in a shell history.
/// </summary>
public sealed class UsersCommand(string[] args) : ICommand
{
    public async Task<int> RunAsync(IServiceProvider services)
    {
        if (args is not ["create", .. var rest])
        {
            Console.Error.WriteLine("usage: users create --email E --role Admin|UnitEditor|Viewer [--unit \"Sở Tư pháp\"] [--name \"Full Name\"] (password on standard input)");
            return 2;
        }
        if (!TryParseOptions(rest, out var options, out var problem))
        {
            Console.Error.WriteLine(problem);
            return 2;
        }
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("role", out var role))
        {
            Console.Error.WriteLine("users create: --email and --role are required.");
            return 2;
        }

        var password = Console.In.ReadLine()?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("users create: no password on standard input (e.g. `echo \"$PASSWORD\" | dotnet run ... -- users create ...`).");
            return 2;
        }

        await services.InitializeDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        int? unitId = null;
        if (options.TryGetValue("unit", out var unit))
        {
            unitId = await accounts.FindUnitAsync(unit);
            if (unitId is null)
            {
                Console.Error.WriteLine($"users create: no unit is named or coded '{unit}'. See the unit directory page or seed/units-cantho.json.");
                return 1;
            }
        }
        var role2 = Core.Accounts.Roles.All.FirstOrDefault(r => r.Equals(role, StringComparison.OrdinalIgnoreCase));
        if (role2 is null)
        {
            Console.Error.WriteLine($"users create: role '{role}' is not one of {string.Join(", ", Core.Accounts.Roles.All)}.");
            return 2;
        }

        var outcome = await accounts.CreateAsync(new Actor(null, "Dòng lệnh"), email, options.GetValueOrDefault("name", email), role2, unitId, password);
        if (!outcome.Succeeded)
        {
            Console.Error.WriteLine("users create: refused: " + string.Join(" ", outcome.Errors));
            return 1;
        }
        Console.WriteLine($"Created {role2} account {email}{(unitId is null ? "" : $" for unit '{unit}'")}.");
        return 0;
    }

    private static bool TryParseOptions(string[] args, out Dictionary<string, string> options, out string? problem)
    {
        options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        problem = null;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                problem = $"users create: expected '--option value', got '{args[i]}'.";
                return false;
            }
            options[args[i][2..]] = args[i + 1];
        }
        return true;
    }
}
