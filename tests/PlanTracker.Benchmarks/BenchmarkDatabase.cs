using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Core.Generation;

namespace PlanTracker.Benchmarks;

/// <summary>A migrated SQLite file in WAL mode, filled by the `generate` verb's <see cref="ProvinceGenerator"/>.</summary>
public static class BenchmarkDatabase
{
    public static async Task CreateAsync(PlanTrackerDbContext db, GeneratorOptions options)
    {
        var watch = Stopwatch.StartNew();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var summary = await new ProvinceGenerator(db).GenerateAsync(options);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        Console.WriteLine($"Generated {summary.Units:N0} units, {summary.Plans} plan(s), {summary.Tasks:N0} tasks, {summary.Deliverables:N0} deliverables, "
            + $"{summary.ProgressRecords:N0} progress records in {watch.Elapsed.TotalSeconds:0.0} s (seed {options.Seed}, today {options.Today:yyyy-MM-dd})");
    }
}
