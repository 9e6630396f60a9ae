using System.CommandLine;
using System.Text.Json;
using PlanTracker.Core.Import;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Web.Commands;

/// <summary>Imports each file in its own transaction; stops at the first file that is refused.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "a plan file (seed/plan-*.json) or a unit directory (seed/units-*.json)",
        };
        var command = new Command("import", "Import plan files or unit directories, each in one transaction; importing a file again changes nothing. "
            + "Exit code 1 when a file is refused (nothing of it is written), 2 for a usage error.") { files };
        command.SetAppAction((result, services) => RunAsync(services, result.GetRequiredValue(files)));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, string[] files)
    {
        await services.InitializeDatabaseAsync();
        foreach (var file in files)
        {
            await using var scope = services.CreateAsyncScope();
            try
            {
                var result = await IsUnitDirectoryAsync(file)
                    ? await scope.ServiceProvider.GetRequiredService<UnitDirectoryImporter>().ImportAsync(file)
                    : await scope.ServiceProvider.GetRequiredService<PlanImporter>().ImportAsync(file);
                Console.WriteLine(result.Summary);
                foreach (var name in result.UnmatchedUnitNames)
                    Console.WriteLine($"  warning: unit name '{name}' matches no unit or group; it is kept on its tasks, unlinked.");
            }
            catch (ImportException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        }
        return 0;
    }

    /// <summary>Whether the file's top level has "units"; read as a stream, without keeping the file or its tree.</summary>
    private static async Task<bool> IsUnitDirectoryAsync(string file)
    {
        try
        {
            await using var stream = File.OpenRead(file);
            return (await JsonSerializer.DeserializeAsync<TopLevel>(stream, ProbeOptions))?.Units is not null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return false; // the plan importer reports the problem with its path
        }
    }

    private static readonly JsonSerializerOptions ProbeOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private sealed class TopLevel
    {
        public JsonElement? Units { get; set; }
    }
}
