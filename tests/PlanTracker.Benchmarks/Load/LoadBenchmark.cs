using System.Globalization;

namespace PlanTracker.Benchmarks.Load;

/// <summary>
/// Load runs against the real server process (BENCHMARKS.md, "Load runs", "Status updates" and "Fixed scenario").
/// Modes `load [--scales 1000,10000,100000] [--requests 20] [--seconds 15] [--keep]`, `fixed [--requests 20] [--runs 5] [--warm-up 10]`,
/// `cycle [--deliverables 100000] [--units 1000] [--requests 20] [--warm-up 10]`,
/// `pages --folder KEPT/n100000 [--requests 20] [--save DIR] [--writes [--seconds 15]] [--gcdump FILE]`, `firstview [--db FILE] [--today 2019-10-01] [--runs 5] [--exports]`, `writes --folder KEPT/n100000 [--writers 4] [--seconds 15]` and `writes --folder SCRATCH --postgres "Host=...;Database=..."`.
/// </summary>
public static class LoadBenchmark
{
    public static async Task<int> RunAsync(string mode, Arguments args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var requests = args.Number("--requests", 20);
        var seconds = TimeSpan.FromSeconds(args.Number("--seconds", 15));
        var configuration = args.Value("--configuration", "Release");
        var dll = args.Value("--dll") is { } given ? Path.GetFullPath(given) : AppProcess.WebDll(configuration);
        if (!File.Exists(dll)) { Console.Error.WriteLine($"{dll} is missing: dotnet build -c {configuration} (or publish) first."); return 2; }
        Console.WriteLine($"web app: {dll}; load average: {File.ReadAllText("/proc/loadavg").Trim()}; {Environment.ProcessorCount} cores");

        if (mode == "pages")
        {
            await LoadRun.PagesOnlyAsync(dll, args.Value("--folder", "."), requests, args.Value("--save"), args.Flag("--writes") ? seconds : null,
                args.Value("--gcdump"));
            return 0;
        }
        if (mode == "writes")
        {
            await LoadRun.WritesOnlyAsync(dll, args.Value("--folder", "."), args.Flag("--postgres") ? args.Value("--postgres", "") : null, args.Number("--writers", 4), seconds);
            return 0;
        }

        var folder = Directory.CreateTempSubdirectory("plantracker-load-").FullName;
        try
        {
            if (mode == "firstview")
                await FirstView.RunAsync(dll, folder, Path.GetFullPath(args.Value("--db", "/tmp/province.db")), args.Value("--today", "2019-10-01"), args.Number("--runs", 5), args.Flag("--exports"));
            else if (mode == "fixed") await FixedScenario.RunAsync(dll, folder, requests, args.Number("--runs", 5), TimeSpan.FromSeconds(args.Number("--warm-up", 10)));
            else if (mode == "cycle")
                await CycleRun.RunAsync(dll, folder, args.Number("--deliverables", 100_000), args.Number("--units", 1000), requests,
                    TimeSpan.FromSeconds(args.Number("--warm-up", 10)));
            else
                foreach (var scale in args.Value("--scales", "1000,10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
                    await LoadRun.RunAsync(dll, Path.Combine(folder, $"n{scale}"), scale, requests, seconds);
        }
        finally
        {
            if (!args.Flag("--keep")) Directory.Delete(folder, recursive: true);
            else Console.WriteLine("kept " + folder);
        }
        Console.WriteLine($"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }
}
