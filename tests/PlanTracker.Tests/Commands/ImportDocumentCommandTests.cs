using System.Text;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Import;
using PlanTracker.Core.Import.Documents;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Features.Admin;
using PlanTracker.Tests.Import.Documents;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Commands;

/// <summary>`import FILE --dry-run --json OUT.json` and the document import, through the same reader and checks as the wizard.</summary>
public sealed class ImportDocumentCommandTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly Dictionary<string, string> environment;

    public ImportDocumentCommandTests() => environment = new()
    {
        ["ConnectionStrings__PlanTracker"] = $"Data Source={folder.File("cli.db")}",
        ["Seed__Directory"] = RepoPaths.Plan163Seed,
        ["Serilog__WriteTo__1__Args__path"] = folder.File("logs/cli-.log"),
    };

    public void Dispose() => folder.Dispose();

    private async Task<int> PlansAsync()
    {
        using var database = new TestDatabase(folder.File("cli.db"));
        await using var db = database.NewContext();
        return await db.Plans.CountAsync();
    }

    [Fact]
    public async Task A_dry_run_writes_the_plan_as_read_prints_its_problems_with_places_and_writes_nothing_to_the_database()
    {
        var input = folder.File("ke-hoach.json");
        var json = ImportWizardTests.PlanJson().Replace("\"leadUnits\": [\"Sở Tư Phap\"]", "\"leadUnits\": [\"Sở Tư pháp\"]");
        await File.WriteAllTextAsync(input, json);
        var output = folder.File("doc-ra.json");

        var result = await AppProcess.RunAsync(environment, null, "import", input, "--dry-run", "--json", output);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("2 tasks and sub-items, 3 products; 0 errors, 2 warnings.", result.Output);
        Assert.Contains("warning at Bảng 1, dòng 3: Không nhận ra đơn vị “Sở Tư Phap”", result.Output);
        Assert.Contains("warning at Bảng 1, dòng 3: Không đọc được thời hạn “Sau khi có kinh phí”", result.Output);
        var read = PlanDocuments.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), new DocumentLimits()).Plan;
        Assert.Equal(PlanFileJson.Write(read) + "\n", await File.ReadAllTextAsync(output));
        PlanFileDiff.AssertSame(read, PlanDocuments.Read(new MemoryStream(await File.ReadAllBytesAsync(output)), new DocumentLimits()).Plan);
        Assert.Equal(1, await PlansAsync()); // Plan 163 from the seed only
    }

    [Fact]
    public async Task A_dry_run_with_an_error_exits_1_and_an_import_of_it_is_refused_whole()
    {
        var input = folder.File("ke-hoach.json");
        await File.WriteAllTextAsync(input, ImportWizardTests.PlanJson());

        var dryRun = await AppProcess.RunAsync(environment, null, "import", input, "--dry-run");
        Assert.Equal(1, dryRun.ExitCode);
        Assert.Contains("error at Bảng 1, dòng 4: Không nhận ra đơn vị nào của dòng này (“Sở Tư Phap”)", dryRun.Output);

        var import = await AppProcess.RunAsync(environment, null, "import", input, "--json", folder.File("out.json"));
        Assert.Equal(1, import.ExitCode);
        Assert.Contains("was not imported; nothing was written", import.Error);
        Assert.Equal(1, await PlansAsync());
    }

    [Fact]
    public async Task Without_dry_run_a_checked_plan_is_imported_active()
    {
        var input = folder.File("ke-hoach.json");
        await File.WriteAllTextAsync(input, ImportWizardTests.PlanJson().Replace("\"Sở Tư Phap\"", "\"Sở Tư pháp\""));

        var result = await AppProcess.RunAsync(environment, null, "import", input, "--json", folder.File("out.json"));

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("Imported plan 77/KH-UBND (2020)", result.Output);
        using var database = new TestDatabase(folder.File("cli.db"));
        await using var db = database.NewContext();
        Assert.Equal(PlanStatus.Active, (await db.Plans.SingleAsync(p => p.Number == "77/KH-UBND")).Status);
    }

    /// <summary>The issue's "done when": Plan 163's table as LibreOffice writes it, read by the command line as the seed.</summary>
    [Fact]
    public async Task Plan_163_as_a_LibreOffice_docx_dry_runs_to_the_seeds_tasks_products_units_and_deadlines_and_writes_nothing()
    {
        var seed = PlanHtml.Seed163();
        var docx = await PlanHtml.DocxAsync(folder, "plan163", PlanHtml.Plan(seed));
        var units = Directory.CreateDirectory(folder.File("units-only")).FullName;
        foreach (var file in Directory.GetFiles(RepoPaths.Seed, "units-*.json")) File.Copy(file, Path.Combine(units, Path.GetFileName(file)));
        var output = folder.File("out.json");

        var result = await AppProcess.RunAsync(new Dictionary<string, string>(environment) { ["Seed__Directory"] = units },
            null, "import", docx, "--dry-run", "--json", output);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("0 errors", result.Output);
        var read = PlanDocuments.Read(new MemoryStream(await File.ReadAllBytesAsync(output)), new DocumentLimits()).Plan;
        PlanFileDiff.AssertSame(seed, read);
        Assert.Equal(0, await PlansAsync());
    }
}
