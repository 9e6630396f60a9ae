using PlanTracker.Core.Import;

namespace PlanTracker.Web.Infrastructure;

/// <summary>
/// Loads the seed folder: the unit directory files while the database has no unit, then the programme files and the
/// plan files while it has no plan. Each file is imported in one transaction and each kind is checked on its own, so a start stopped
/// between the two (units loaded, Plan 163 not) is completed by the next start instead of staying half-seeded.
/// </summary>
public sealed class SeedLoader(PlanTrackerDbContext db, PlanImporter plans, UnitDirectoryImporter units,
    IConfiguration config, ILogger<SeedLoader> log)
{
    public async Task LoadMissingAsync(CancellationToken ct = default)
    {
        var hasUnits = await db.Units.AnyAsync(ct);
        var hasPlans = await db.Plans.AnyAsync(ct);
        if (hasUnits && hasPlans) return;
        var folder = Path.GetFullPath(config["Seed:Directory"] ?? "seed");
        if (!Directory.Exists(folder))
        {
            log.LogWarning("Seed folder {Folder} does not exist; the database starts empty", folder);
            return;
        }

        if (!hasUnits)
            foreach (var file in Directory.GetFiles(folder, "units-*.json").Order())
                log.LogInformation("{Summary}", (await units.ImportAsync(file, ct)).Summary);
        if (hasPlans) return;
        if (hasUnits)
            log.LogWarning("The database has units but no plan: an earlier start stopped while seeding; loading the plan files now");
        // Programmes first: an annual plan's tasks may cite their items.
        var files = Directory.GetFiles(folder, "programme-*.json").Order().Concat(Directory.GetFiles(folder, "plan-*.json").Order());
        foreach (var file in files)
        {
            var result = await plans.ImportAsync(file, ct);
            log.LogInformation("{Summary}", result.Summary);
            foreach (var name in result.UnmatchedUnitNames)
                log.LogWarning("Unit name {Name} in {File} matches no unit or group of the directory", name, file);
        }
    }
}
