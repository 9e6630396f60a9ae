using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using PlanTracker.Core.Import;
using PlanTracker.Core.Import.Documents;
using PlanTracker.Web.Features.Admin.Plans.Import;

namespace PlanTracker.Web.Commands;

/// <summary>
/// Imports each file in its own transaction; stops at the first file that is refused. A Word, Excel or text document
/// goes through the same reader and checks as the import wizard's preview (<see cref="PlanReview"/>).
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "a plan file (seed/plan-*.json), a unit directory (seed/units-*.json), or a plan document: .docx (the plan as issued), .xlsx (the template or a similar sheet), .txt (text copied from a PDF)",
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "read and check a plan document (or plan JSON file) and print its problems with their places; write nothing to the database",
        };
        var json = new Option<string?>("--json")
        {
            Description = "write the plan as read from the one document given to this file, in the seed format (seed/README.md)",
        };
        var command = new Command("import", "Import plan files, unit directories or plan documents, each in one transaction; importing a file again changes nothing. "
            + "A document is refused whole on any error its check finds. "
            + "Exit code 1 when a file is refused or a dry run finds an error (nothing of it is written), 2 for a usage error.") { files, dryRun, json };
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) is not null && result.GetValue(files) is { Length: > 1 })
                result.AddError("--json takes one FILE only.");
        });
        command.SetAppAction((result, services) => RunAsync(services, result.GetRequiredValue(files), result.GetValue(dryRun), result.GetValue(json)));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, string[] files, bool dryRun, string? json)
    {
        await services.InitializeDatabaseAsync();
        foreach (var file in files)
        {
            await using var scope = services.CreateAsyncScope();
            try
            {
                var isJson = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
                if (isJson && await IsUnitDirectoryAsync(file))
                {
                    if (dryRun || json is not null)
                    {
                        await Console.Error.WriteLineAsync($"{file} is a unit directory; --dry-run and --json apply to plans only.");
                        return CommandLine.UsageError;
                    }
                    Report(await scope.ServiceProvider.GetRequiredService<UnitDirectoryImporter>().ImportAsync(file));
                }
                else if (isJson && !dryRun && json is null)
                    Report(await scope.ServiceProvider.GetRequiredService<PlanImporter>().ImportAsync(file));
                else if (await ImportDocumentAsync(scope.ServiceProvider, file, dryRun, json) is not 0)
                    return 1;
            }
            catch (ImportException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        }
        return 0;
    }

    private static void Report(ImportResult result)
    {
        Console.WriteLine(result.Summary);
        foreach (var name in result.UnmatchedUnitNames)
            Console.WriteLine($"  warning: unit name '{name}' matches no unit or group; it is kept on its tasks, unlinked.");
    }

    /// <summary>Reads a document, prints what its check found, writes the plan as read (--json) and imports it unless it is a dry run.</summary>
    private static async Task<int> ImportDocumentAsync(IServiceProvider services, string file, bool dryRun, string? json)
    {
        byte[] bytes;
        try { bytes = await File.ReadAllBytesAsync(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"{file} cannot be read: {e.Message}");
            return 1;
        }
        var limits = new DocumentLimits(ImportLimits.MaxBytes(services.GetRequiredService<IConfiguration>()));
        DocumentReading reading;
        try { reading = PlanDocuments.Read(new MemoryStream(bytes), limits); }
        catch (DocumentRefusedException e)
        {
            await Console.Error.WriteLineAsync($"{file} was not read: {e.Message}");
            return 1;
        }

        var db = services.GetRequiredService<PlanTrackerDbContext>();
        var today = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var review = await PlanReview.CreateAsync(db, reading, today.Year);
        if (json is not null)
        {
            await File.WriteAllTextAsync(json, PlanFileJson.Write(review.Plan) + "\n");
            Console.WriteLine($"Wrote the plan as read to {json}.");
        }
        Console.WriteLine($"{file}: {review.Rows.Count} tasks and sub-items, {review.Products} products; {review.Errors} errors, {review.Warnings} warnings.");
        foreach (var problem in review.AllProblems)
            Console.WriteLine($"  {(problem.IsError ? "error" : "warning")} at {problem.Place}: {problem.Message}");
        if (review.HasErrors)
        {
            await Console.Error.WriteLineAsync(dryRun ? $"{file} has errors." : $"{file} was not imported; nothing was written.");
            return 1;
        }
        if (dryRun) return 0;

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Report(await services.GetRequiredService<PlanImporter>().ImportAsync(review.Plan, file, hash, PlanStatus.Active));
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
