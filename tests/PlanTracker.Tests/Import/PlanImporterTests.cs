using System.Text;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Import;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Import;

public sealed class PlanImporterTests : IDisposable
{
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    private async Task<ImportResult> ImportUnitsAsync(string json)
    {
        await using var db = database.NewContext();
        return await new UnitDirectoryImporter(db).ImportAsync(database.Folder.Write("units.json", json));
    }

    private async Task<ImportResult> ImportPlanAsync(string path)
    {
        await using var db = database.NewContext();
        return await new PlanImporter(db, TimeProvider.System).ImportAsync(path);
    }

    private async Task<(int Plans, int Tasks, int Deliverables, int Assignments)> CountsAsync()
    {
        await using var db = database.NewContext();
        return (await db.Plans.CountAsync(), await db.Tasks.CountAsync(), await db.Deliverables.CountAsync(), await db.TaskAssignments.CountAsync());
    }

    [Fact]
    public async Task A_task_marked_assignedByHigherLevel_keeps_the_mark_and_the_others_default_to_false()
    {
        await using (var db = database.NewContext())
            await new UnitDirectoryImporter(db).ImportAsync(RepoPaths.UnitSeed);
        var plan = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(RepoPaths.PlanSeed))!;
        plan["sections"]![0]!["tasks"]![0]!["assignedByHigherLevel"] = true;

        var result = await ImportPlanAsync(database.Folder.Write("plan.json", plan.ToJsonString()));

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        await using var check = database.NewContext();
        Assert.Equal(["1.a"], await check.Tasks.Where(t => t.AssignedByHigherLevel).Select(t => t.Code).ToListAsync());
    }

    [Fact]
    public async Task A_plan_file_says_whether_completions_are_verified_and_Plan_163_does_not()
    {
        await using (var db = database.NewContext())
            await new UnitDirectoryImporter(db).ImportAsync(RepoPaths.UnitSeed);
        var file = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(RepoPaths.PlanSeed))!;
        file["plan"]!["number"] = "164/KH-UBND";
        file["plan"]!["verifiesCompletions"] = true;

        await ImportPlanAsync(RepoPaths.PlanSeed);
        await ImportPlanAsync(database.Folder.Write("verifying.json", file.ToJsonString()));

        await using var check = database.NewContext();
        Assert.Equal([("163/KH-UBND", false), ("164/KH-UBND", true)],
            (await check.Plans.OrderBy(p => p.Number).Select(p => new { p.Number, p.VerifiesCompletions }).ToListAsync()).Select(p => (p.Number, p.VerifiesCompletions)));
    }

    [Fact]
    public async Task Plan_163_seed_imports_whole_with_every_unit_name_matched()
    {
        await using (var db = database.NewContext())
            await new UnitDirectoryImporter(db).ImportAsync(RepoPaths.UnitSeed);

        var result = await ImportPlanAsync(RepoPaths.PlanSeed);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.Empty(result.UnmatchedUnitNames);
        await using var check = database.NewContext();
        var plan = await check.Plans.Include(p => p.Sections).Include(p => p.Objectives).ThenInclude(o => o.Indicators).SingleAsync();
        Assert.Equal("163/KH-UBND", plan.Number);
        Assert.Equal(new DateOnly(2018, 12, 28), plan.IssuedOn);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], plan.Sections.OrderBy(s => s.Number).Select(s => s.Number));
        Assert.Contains(plan.Objectives.SelectMany(o => o.Indicators), i => i.Target == 35 && i.Unit == "%");

        var task1a = await check.Tasks.Include(t => t.Deliverables).Include(t => t.Assignments).SingleAsync(t => t.Code == "1.a");
        Assert.Equal(["Quý IV năm 2018", "Quý IV năm 2019"], task1a.Deliverables.OrderBy(d => d.SortOrder).Select(d => d.DeadlineText));
        Assert.Contains(task1a.Assignments, a => a.Role == AssignmentRole.Lead && a.PrintedName == "Sở Tư pháp" && a.UnitId != null);
        Assert.Contains(task1a.Assignments, a => a.Role == AssignmentRole.Coordinating && a.UnitGroupId != null);

        var subItems = await check.Tasks.Where(t => t.ParentTaskId != null).Select(t => t.Code).ToListAsync();
        Assert.Contains("2.m.1", subItems);

        var task6l = await check.Tasks.Include(t => t.Assignments).SingleAsync(t => t.Code == "6.l");
        Assert.NotNull(task6l.Note);
        Assert.DoesNotContain(task6l.Assignments, a => !a.IsInferred);

        Assert.False(await check.Deliverables.AnyAsync(d => d.DeadlineKind == DeadlineKind.Unparsed));
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing()
    {
        await ImportUnitsAsync(PlanFiles.Units);
        var file = database.Folder.Write("plan.json", PlanFiles.Plan());
        await ImportPlanAsync(file);
        var before = await CountsAsync();

        var second = await ImportPlanAsync(file);

        Assert.Equal(ImportOutcome.Unchanged, second.Outcome);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal((1, 2, 3, 3), before);
    }

    [Fact]
    public async Task A_changed_file_for_a_plan_already_imported_is_refused_and_the_plan_kept()
    {
        await ImportUnitsAsync(PlanFiles.Units);
        await ImportPlanAsync(database.Folder.Write("plan.json", PlanFiles.Plan()));

        var changed = database.Folder.Write("plan2.json", PlanFiles.Plan(deadline: "Quý III năm 2019"));
        var error = await Assert.ThrowsAsync<ImportException>(() => ImportPlanAsync(changed));

        Assert.Contains("already in the database", error.Problems.Single());
        await using var db = database.NewContext();
        Assert.Equal(["Quý IV năm 2018", "Quý IV năm 2019", "Hàng quý"],
            await db.Deliverables.OrderBy(d => d.Id).Select(d => d.DeadlineText).ToListAsync());
    }

    [Fact]
    public async Task Broken_json_is_refused_with_its_path_and_line_and_nothing_is_written()
    {
        var broken = PlanFiles.Plan().Replace("\"year\": 2019", "\"year\": \"two thousand\"");
        var error = await Assert.ThrowsAsync<ImportException>(() => ImportPlanAsync(database.Folder.Write("bad.json", broken)));

        Assert.StartsWith("$.plan.year (line 1)", error.Problems.Single());
        Assert.Equal((0, 0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Truncated_file_is_refused()
    {
        var truncated = PlanFiles.Plan()[..200];
        var error = await Assert.ThrowsAsync<ImportException>(() => ImportPlanAsync(database.Folder.Write("cut.json", truncated)));

        Assert.Contains("nothing was written", error.Message);
        Assert.Equal((0, 0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Every_missing_field_is_named_by_its_path()
    {
        var incomplete = """
            { "plan": { "number": "1/KH", "year": 2019 },
              "sections": [ { "number": 1, "title": "A", "tasks": [
                 { "code": "1.a", "activity": "", "deliverables": [ { "product": "Báo cáo" } ] },
                 { "code": "1.a", "activity": "Lặp mã" } ] } ] }
            """;

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportPlanAsync(database.Folder.Write("incomplete.json", incomplete)));

        Assert.Contains("$.plan.title: missing or empty", error.Problems);
        Assert.Contains("$.sections[0].tasks[0].activity: missing or empty", error.Problems);
        Assert.Contains("$.sections[0].tasks[0].deliverables[0]: no deadline and no note saying why the deadline cell is empty", error.Problems);
        Assert.Contains("$.sections[*].tasks: code '1.a' appears 2 times", error.Problems);
        Assert.Equal((0, 0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Missing_file_is_reported_not_thrown_raw()
    {
        var error = await Assert.ThrowsAsync<ImportException>(() => ImportPlanAsync(database.Folder.File("nope.json")));
        Assert.Contains("cannot be read", error.Problems.Single());
    }

    [Fact]
    public async Task Unknown_unit_name_is_reported_and_kept_on_its_task()
    {
        await ImportUnitsAsync(PlanFiles.Units);

        var result = await ImportPlanAsync(database.Folder.Write("plan.json", PlanFiles.Plan(leadUnit: "Sở Không Tồn Tại")));

        Assert.Equal(["Sở Không Tồn Tại"], result.UnmatchedUnitNames);
        await using var db = database.NewContext();
        var kept = await db.TaskAssignments.SingleAsync(a => a.PrintedName == "Sở Không Tồn Tại");
        Assert.Null(kept.UnitId);
        Assert.Null(kept.UnitGroupId);
    }

    [Fact]
    public async Task Decomposed_text_is_stored_composed_and_still_matches_its_unit()
    {
        await ImportUnitsAsync(PlanFiles.Units);
        var decomposed = PlanFiles.Plan().Normalize(NormalizationForm.FormD);

        var result = await ImportPlanAsync(database.Folder.Write("nfd.json", decomposed));

        Assert.Empty(result.UnmatchedUnitNames);
        await using var db = database.NewContext();
        var task = await db.Tasks.Include(t => t.Assignments).SingleAsync(t => t.Code == "1.a");
        Assert.Equal("Rà soát văn bản", task.Activity);
        Assert.True(task.Activity.IsNormalized(NormalizationForm.FormC));
        Assert.All(task.Assignments, a => Assert.True(a.UnitId != null || a.UnitGroupId != null));
        Assert.Contains("ra soat van ban", task.SearchText);
    }

    [Fact]
    public async Task Names_match_through_aliases_case_and_spacing()
    {
        await ImportUnitsAsync(PlanFiles.Units);

        var result = await ImportPlanAsync(database.Folder.Write("plan.json", PlanFiles.Plan(leadUnit: "  stp ")));

        Assert.Empty(result.UnmatchedUnitNames);
    }

    [Fact]
    public async Task Unit_directory_refuses_a_name_shared_by_two_entries()
    {
        var clash = PlanFiles.Units.Replace("\"aliases\": [\"STP\"]", "\"aliases\": [\"Sở Nội vụ\"]");

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportUnitsAsync(clash));

        Assert.Contains(error.Problems, p => p.StartsWith("$.units[1].name: 'Sở Nội vụ' is also a name of $.units[0]", StringComparison.Ordinal));
        await using var db = database.NewContext();
        Assert.False(await db.Units.AnyAsync());
    }

    [Fact]
    public async Task Unit_directory_import_is_idempotent()
    {
        await ImportUnitsAsync(PlanFiles.Units);
        var again = await ImportUnitsAsync(PlanFiles.Units);

        Assert.Equal(ImportOutcome.Unchanged, again.Outcome);
        await using var db = database.NewContext();
        Assert.Equal(3, await db.Units.CountAsync());
        Assert.Equal(6, await db.UnitAliases.CountAsync());
    }
}
