using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Core.Import;

namespace PlanTracker.Web.Infrastructure;

/// <summary>On first start (no unit and no plan), imports the unit directory and every plan in the seed folder.</summary>
public sealed class SeedLoader(PlanTrackerDbContext db, PlanImporter plans, UnitDirectoryImporter units,
    IConfiguration config, ILogger<SeedLoader> log)
{
    public async Task LoadIfEmptyAsync(CancellationToken ct = default)
    {
        if (await db.Units.AnyAsync(ct) || await db.Plans.AnyAsync(ct)) return;
        var folder = Path.GetFullPath(config["Seed:Directory"] ?? "seed");
        if (!Directory.Exists(folder))
        {
            log.LogWarning("Seed folder {Folder} does not exist; the database starts empty", folder);
            return;
        }

        foreach (var file in Directory.GetFiles(folder, "units-*.json").Order())
            log.LogInformation("{Summary}", (await units.ImportAsync(file, ct)).Summary);
        foreach (var file in Directory.GetFiles(folder, "plan-*.json").Order())
        {
            var result = await plans.ImportAsync(file, ct);
            log.LogInformation("{Summary}", result.Summary);
            foreach (var name in result.UnmatchedUnitNames)
                log.LogWarning("Unit name {Name} in {File} matches no unit or group of the directory", name, file);
        }
    }
}
