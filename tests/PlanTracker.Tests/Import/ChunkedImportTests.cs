using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Core.Generation;
using PlanTracker.Core.Import;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Import;

/// <summary>
/// A big plan file is written in chunks of their own transactions (other writers get in between), yet refused
/// whole: a failure at the last chunk leaves the database as it was.
/// </summary>
public sealed class ChunkedImportTests : IDisposable
{
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    private async Task<object> SnapshotAsync()
    {
        await using var db = database.NewContext();
        return new
        {
            Plans = await db.Plans.OrderBy(p => p.Id).Select(p => p.Number + "|" + p.Year + "|" + p.SourceHash).ToListAsync(),
            Sections = await db.Sections.CountAsync(),
            Tasks = await db.Tasks.CountAsync(),
            Deliverables = await db.Deliverables.CountAsync(),
            Assignments = await db.TaskAssignments.CountAsync(),
            Objectives = await db.Objectives.CountAsync(),
            Duties = await db.PlanDuties.CountAsync(),
        }.ToString()!;
    }

    private async Task<ImportResult> ImportAsync(string path, int tasksPerChunk, CancellationToken ct = default)
    {
        await using var db = database.NewContext();
        return await new PlanImporter(db, TimeProvider.System) { TasksPerChunk = tasksPerChunk }.ImportAsync(path, ct);
    }

    /// <summary>A real database error on the file's very last deliverable, raised by a trigger in the database itself.</summary>
    private const string Refused = "Sản phẩm bị từ chối";

    private async Task RefuseLastProductAsync()
    {
        await using var db = database.NewContext();
        if (database.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION refuse_product() RETURNS trigger AS $$
                BEGIN IF NEW."Product" = 'Sản phẩm bị từ chối' THEN RAISE EXCEPTION 'fault injected at the last chunk'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
                CREATE TRIGGER refuse_product BEFORE INSERT ON "Deliverables" FOR EACH ROW EXECUTE FUNCTION refuse_product();
                """);
        }
        else
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER refuse_product BEFORE INSERT ON "Deliverables" WHEN NEW."Product" = 'Sản phẩm bị từ chối'
                BEGIN SELECT RAISE(ABORT, 'fault injected at the last chunk'); END;
                """);
    }

    [Fact]
    public async Task An_import_that_fails_at_its_last_chunk_leaves_no_trace()
    {
        await using (var db = database.NewContext())
            await new UnitDirectoryImporter(db).ImportAsync(database.Folder.Write("units.json", PlanFiles.Units));
        await ImportAsync(database.Folder.Write("plan.json", PlanFiles.Plan()), 500);
        var before = await SnapshotAsync();
        var big = database.Folder.File("big.json");
        PlanFileGenerator.Write(big, 1_200, lastProduct: Refused);
        await RefuseLastProductAsync();

        // 1,200 tasks in chunks of 500: the first two chunks commit, the third fails on its last deliverable.
        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(big, 500));

        Assert.Contains("nothing was written", error.Message);
        Assert.Contains("fault injected at the last chunk", error.Message);
        Assert.Equal(before, await SnapshotAsync());
    }

    [SqliteFact]
    public async Task A_concurrent_writer_is_not_blocked_for_the_whole_import()
    {
        var big = database.Folder.File("big.json");
        PlanFileGenerator.Write(big, 20_000);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));

        var import = Task.Run(() => ImportAsync(big, 200, timeout.Token));
        // Once the staged plan exists, the import is under way: chunks of 200 tasks follow for a while.
        await using (var watch = database.NewContext())
            while (!await watch.Plans.AnyAsync(p => p.Number.StartsWith(PlanImporter.StagingPrefix)))
            {
                Assert.False(import.IsCompleted, "the import ended before its staged plan was seen");
                await Task.Delay(20, timeout.Token);
            }
        await using (var writer = database.NewContext())
        {
            writer.Units.Add(new Core.Units.Unit { Code = "MOI", Name = "Đơn vị mới", Kind = Core.Units.UnitKind.Department, Emails = "" });
            await writer.SaveChangesAsync(timeout.Token);
        }

        Assert.False(import.IsCompleted, "the concurrent save waited for the whole import");
        await using (var hidden = database.NewContext())
        {
            // While staged, the plan shows nothing: no section, so no task, deliverable or reminder of it.
            Assert.False(await hidden.Sections.AnyAsync(s => !s.IsRetired));
            Assert.DoesNotContain(await hidden.Plans.NewestFirst().Select(p => p.Number).ToListAsync(),
                number => number.StartsWith(PlanImporter.StagingPrefix, StringComparison.Ordinal)); // nor in a plan picker
        }
        var result = await import;
        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        await using var db = database.NewContext();
        Assert.Equal("999/KH-UBND", await db.Plans.Select(p => p.Number).SingleAsync());
        Assert.Equal(20_000, await db.Tasks.CountAsync());
        Assert.False(await db.Sections.AnyAsync(s => s.IsRetired));
    }
}
