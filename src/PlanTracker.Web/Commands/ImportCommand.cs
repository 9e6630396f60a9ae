using System.Text.Json;
using PlanTracker.Core.Import;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Web.Commands;

/// <summary>Imports each file in its own transaction; stops at the first file that is refused.</summary>
public sealed class ImportCommand(string[] files) : ICommand
{
    public async Task<int> RunAsync(IServiceProvider services)
    {
        if (files.Length == 0)
        {
            Console.Error.WriteLine("import: name at least one file, e.g. `import seed/plan-163-2019.json`.");
            return 2;
        }

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
