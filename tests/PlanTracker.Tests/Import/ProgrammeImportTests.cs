using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Import;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Import;

public sealed class ProgrammeImportTests : IDisposable
{
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    private async Task<ImportResult> ImportAsync(string name, string json)
    {
        await using var db = database.NewContext();
        if (!await db.Units.AnyAsync())
            await new UnitDirectoryImporter(db).ImportAsync(database.Folder.Write("units.json", PlanFiles.Units));
        return await new PlanImporter(db, TimeProvider.System).ImportAsync(database.Folder.Write(name, json));
    }

    private async Task<List<string>> RefusedAsync(string name, string json)
    {
        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(name, json));
        return [.. error.Problems];
    }

    [Fact]
    public async Task Programme_file_imports_its_period_statements_steps_items_and_duties()
    {
        var result = await ImportAsync("programme.json", ProgrammeFiles.Programme());

        Assert.Empty(result.UnmatchedUnitNames);
        Assert.StartsWith("Imported programme 4168/QĐ-UBND (2021-2025): 2 sections, 3 tasks", result.Summary);
        await using var db = database.NewContext();
        var plan = await db.Plans.Include(p => p.Objectives).ThenInclude(o => o.Indicators).ThenInclude(i => i.Steps)
            .Include(p => p.Duties).SingleAsync();
        Assert.Equal((PlanKind.Programme, 2021, 2025, "Trần Việt Trường"), (plan.Kind, plan.Year, plan.EndYear, plan.SignedBy));
        Assert.Equal([ObjectiveKind.Viewpoint, ObjectiveKind.GeneralGoal, ObjectiveKind.Objective, ObjectiveKind.Solution],
            plan.Objectives.OrderBy(o => o.SortOrder).Select(o => o.Kind));
        var indicators = plan.Objectives.Single(o => o.Code == "2.c").Indicators.OrderBy(i => i.SortOrder).ToList();
        Assert.Equal([("cấp tỉnh", (int?)2025), ("cấp huyện", null)], indicators.Select(i => (i.Level, i.TargetYear)));
        Assert.Equal([(2022, (decimal?)50, (string?)null), (2023, null, "tăng tối thiểu 20% mỗi năm")],
            indicators[0].Steps.OrderBy(s => s.Year).Select(s => (s.Year, s.Target, s.Text)));
        Assert.Equal((2022, (decimal?)40), (indicators[1].Steps.Single().Year, indicators[1].Steps.Single().Target));
        var duty = Assert.Single(plan.Duties);
        Assert.Equal(("Sở Nội vụ", "Hằng năm"), (duty.PrintedUnits, duty.DeadlineText));

        Assert.False(await db.Deliverables.AnyAsync());
        var inferred = await db.TaskAssignments.SingleAsync(a => a.Task!.Code == "1.a");
        Assert.True(inferred.IsInferred && inferred.UnitId != null);
    }

    [Fact]
    public async Task An_annual_file_without_kind_or_end_year_is_a_city_plan_of_one_year()
    {
        await ImportAsync("plan.json", PlanFiles.Plan());

        await using var db = database.NewContext();
        var plan = await db.Plans.Include(p => p.Objectives).SingleAsync();
        Assert.Equal((PlanKind.CityAnnual, 2019, 2019), (plan.Kind, plan.Year, plan.EndYear));
        Assert.Equal(ObjectiveKind.Objective, plan.Objectives.Single().Kind);
    }

    [Fact]
    public async Task An_annual_task_citing_a_programme_item_gets_a_citation_of_that_item()
    {
        await ImportAsync("programme.json", ProgrammeFiles.Programme());

        await ImportAsync("annual.json", ProgrammeFiles.AnnualPlan());

        await using var db = database.NewContext();
        var citation = await db.TaskCitations.Include(c => c.Task!).ThenInclude(t => t.Section!).ThenInclude(s => s.Plan)
            .Include(c => c.CitedTask!).ThenInclude(t => t.Section!).ThenInclude(s => s.Plan).SingleAsync();
        Assert.Equal(("50/KH-UBND", "1.a"), (citation.Task!.Section!.Plan!.Number, citation.Task.Code));
        Assert.Equal((ProgrammeFiles.Number, "1.a"), (citation.CitedTask!.Section!.Plan!.Number, citation.CitedTask.Code));
    }

    [Fact]
    public async Task A_citation_of_an_unknown_plan_or_item_is_refused_with_its_path_and_nothing_is_written()
    {
        await ImportAsync("programme.json", ProgrammeFiles.Programme());

        var unknownPlan = await RefusedAsync("a.json", ProgrammeFiles.AnnualPlan(citedPlan: "1/QĐ-UBND"));
        var unknownItem = await RefusedAsync("b.json", ProgrammeFiles.AnnualPlan(citedCode: "9.z"));
        var blank = await RefusedAsync("c.json", ProgrammeFiles.AnnualPlan(citedCode: " "));

        Assert.Equal(["$.sections[0].tasks[0].cites[0].plan: no plan numbered '1/QĐ-UBND' is in the database; import it first"], unknownPlan);
        Assert.Equal(["$.sections[0].tasks[0].cites[0].code: plan 4168/QĐ-UBND has no item '9.z'"], unknownItem);
        Assert.Equal(["$.sections[0].tasks[0].cites[0].code: missing or empty"], blank);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Plans.CountAsync());
        Assert.False(await db.TaskCitations.AnyAsync());
    }

    [Fact]
    public async Task Every_bad_new_field_is_named_by_its_path()
    {
        Assert.Contains("$.plan.kind: 'yearly' is not one of cityAnnual, programme",
            await RefusedAsync("kind.json", ProgrammeFiles.Programme(kind: "yearly")));
        Assert.Contains("$.plan.endYear: 2020 is before the plan's year 2021 or after 2200",
            await RefusedAsync("end.json", ProgrammeFiles.Programme(endYear: 2020)));
        Assert.Contains("$.plan.endYear: an annual plan covers one year; 2025 is not its year 2021 (a plan of several years is a \"programme\")",
            await RefusedAsync("annual.json", ProgrammeFiles.Programme(kind: "cityAnnual")));
        Assert.Contains("$.objectives[2].kind: 'target' is not one of objective, viewpoint, generalGoal, solution",
            await RefusedAsync("objective.json", ProgrammeFiles.Programme(objectiveKind: "target")));
        var outside = await RefusedAsync("step.json", ProgrammeFiles.Programme(stepYear: 2026));
        Assert.Contains("$.objectives[2].indicators[0].steps[0].year: 2026 is outside the plan's period 2021-2025", outside);
        var steps = ProgrammeFiles.Programme(stepYear: 2023)
            .Replace("\"targetYear\": 2025", "\"targetYear\": 2030", StringComparison.Ordinal)
            .Replace("\"target\": 40 }", "\"target\": null }", StringComparison.Ordinal);
        Assert.Equal(
        [
            "$.objectives[2].indicators[0].targetYear: 2030 is outside the plan's period 2021-2025",
            "$.objectives[2].indicators[0].steps: year '2023' appears 2 times",
            "$.objectives[2].indicators[1].steps[0]: neither a target nor a text",
        ], await RefusedAsync("steps.json", steps));

        await using var db = database.NewContext();
        Assert.False(await db.Plans.AnyAsync());
    }

    [Fact]
    public async Task A_duty_unit_the_directory_does_not_know_is_reported()
    {
        var result = await ImportAsync("programme.json", ProgrammeFiles.Programme(dutyUnit: "Sở Không Tồn Tại"));

        Assert.Equal(["Sở Không Tồn Tại"], result.UnmatchedUnitNames);
    }
}
