using PlanTracker.Benchmarks.Import;
using PlanTracker.Benchmarks.Load;
using PlanTracker.Benchmarks.Monitoring;
using PlanTracker.Benchmarks.Reminders;

namespace PlanTracker.Benchmarks;

/// <summary>Measurements by hand, never timed in tests (BENCHMARKS.md): one console program, a mode per measurement.</summary>
public static class BenchmarkProgram
{
    private const string Usage = """
        Usage: dotnet run -c Release --project tests/PlanTracker.Benchmarks -- MODE [options]
          reminders [DELIVERABLES UNITS EXTRA_MESSAGES]    reminder planning and dispatch in-process (100000 1000 3000)
          monitoring [--runs 5] [--db FILE] [--deliverables 100000] [--units 1000]
                                                           dashboard, periodic report and exports in-process
          load [--scales 1000,10000,100000] [--requests 20] [--seconds 15] [--keep]
                                                           the server process over HTTP, one generated database per scale
          fixed [--requests 20] [--runs 5] [--warm-up 10]  the cross-tracker scenario: 10,000 open deliverables, 60 units
          cycle [--deliverables 100000] [--units 1000] [--requests 20] [--warm-up 10] [--keep]
                                                           the plan cycle (generate --cycle, today 01/10/2023): dashboard and /my
          pages --folder KEPT/n100000 [--requests 20] [--save DIR] [--writes [--seconds 15]] [--gcdump FILE]
                                                           the load run's pages alone (server CPU a request, memory),
                                                           on a database kept by `load --keep`; --save writes /my's HTML;
                                                           --writes: then the load run's writers (on a copy of the folder);
                                                           --gcdump: the live heap at the end (dotnet-gcdump on the PATH)
          writes --folder KEPT/n100000 [--postgres CONNECTION] [--writers 4] [--seconds 15]
                                                           status updates alone, on a database kept by `load --keep`
          firstview [--db /tmp/province.db] [--today 2019-10-01] [--runs 5] [--exports]
                                                           the first dashboard view after a start of a new server process, with
                                                           and without the warm-up, on a copy of the `monitoring` mode's file;
                                                           --exports then times the plan's .xlsx and .docx exports
          import [--tasks 50000] [--dll PlanTracker.Web.dll]
                                                           `import FILE` of a generated plan beside a concurrent writer
          word [--tasks 500] [--runs 5]                    a plan exported as .docx, read back by PlanDocuments.Read
          load, fixed, cycle, pages, writes, firstview and import take --configuration Release (the PlanTracker.Web.dll they run), or
          --dll PATH/PlanTracker.Web.dll (a published app: dotnet publish -c Release src/PlanTracker.Web -o PATH).
        """;

    public static async Task<int> Main(string[] args)
    {
        var options = new Arguments(args.Skip(1).ToArray());
        switch (args.FirstOrDefault())
        {
            case "reminders": return await ReminderBenchmark.RunAsync(options);
            case "monitoring": return await MonitoringBenchmark.RunAsync(options);
            case "load" or "fixed" or "cycle" or "pages" or "writes" or "firstview": return await LoadBenchmark.RunAsync(args[0], options);
            case "import": return await ImportBenchmark.RunAsync(options);
            case "word": return await WordReadBenchmark.RunAsync(options);
            default:
                Console.Error.WriteLine(args.Length == 0 ? Usage : $"unknown mode '{args[0]}'.\n{Usage}");
                return 2;
        }
    }
}

/// <summary>A mode's options: `--name value` pairs, flags, and numbers given by position.</summary>
public sealed class Arguments(string[] args)
{
    public string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    public string Value(string name, string fallback) => Value(name) ?? fallback;

    public int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => args.Contains(name);

    public int Positional(int index, int fallback) => index < args.Length ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}

public static class Repository
{
    /// <summary>The folder holding PlanTracker.sln, found from the running program.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PlanTracker.sln"))) return dir.FullName;
        throw new InvalidOperationException("PlanTracker.sln not found above " + AppContext.BaseDirectory);
    }
}
