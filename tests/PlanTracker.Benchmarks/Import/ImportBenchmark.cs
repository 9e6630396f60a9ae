using System.Globalization;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using PlanTracker.Benchmarks.Load;
using PlanTracker.Core.Generation;

namespace PlanTracker.Benchmarks.Import;

/// <summary>
/// `import FILE` of a generated plan (PlanFileGenerator) into a live SQLite database while another connection
/// writes a row every 20 ms: the import's peak memory (/usr/bin/time -v) and the writer's longest wait.
/// </summary>
public static class ImportBenchmark
{
    public static async Task<int> RunAsync(Arguments options)
    {
        var tasks = options.Number("--tasks", 50_000);
        var dll = options.Value("--dll") ?? AppProcess.WebDll(options.Value("--configuration", "Release"));
        var folder = Directory.CreateTempSubdirectory("plantracker-import-bench-").FullName;
        var env = Common.Env(folder);
        var file = Path.Combine(folder, "plan.json");
        PlanFileGenerator.Write(file, tasks);
        Console.WriteLine($"{tasks:N0} tasks, file {new FileInfo(file).Length / 1024.0 / 1024.0:0.0} MB, {dll}");

        // Migrates and seeds the database, so that the writer has a database to write to from the first moment.
        await Common.CliAsync(dll, env, null, "import", Path.Combine(Repository.Root, "seed", "units-cantho.json"));
        var database = Path.Combine(folder, "plantracker.db");
        await using (var setup = new SqliteConnection($"Data Source={database}"))
        {
            await setup.OpenAsync();
            await using var create = setup.CreateCommand();
            create.CommandText = "CREATE TABLE BenchWrites (At TEXT NOT NULL);";
            await create.ExecuteNonQueryAsync();
        }

        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() => Write(database, stop.Token));
        var info = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-v", "dotnet", dll, "import", file }) info.ArgumentList.Add(arg);
        foreach (var (k, v) in env) info.Environment[k] = v;
        var clock = Stopwatch.StartNew();
        using var import = Process.Start(info)!;
        var stdout = import.StandardOutput.ReadToEndAsync();
        var stderr = await import.StandardError.ReadToEndAsync();
        await import.WaitForExitAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        var (count, longest, overOne) = await writer;

        var rss = Regex.Match(stderr, @"Maximum resident set size \(kbytes\): (\d+)");
        Console.WriteLine((await stdout).Trim());
        Console.WriteLine($"import: exit {import.ExitCode}, {seconds:0.0} s wall, peak RSS {(rss.Success ? long.Parse(rss.Groups[1].Value, CultureInfo.InvariantCulture) / 1024 : -1)} MB");
        Console.WriteLine($"concurrent writer: {count} writes, longest wait {longest:0} ms, {overOne} waits over 1 s");
        if (import.ExitCode != 0) Console.WriteLine(stderr);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return import.ExitCode;
    }

    private static async Task<(int Count, double LongestMs, int OverOneSecond)> Write(string database, CancellationToken stop)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Default Timeout=120");
        await connection.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 120000;";
        await command.ExecuteNonQueryAsync(CancellationToken.None);
        command.CommandText = "INSERT INTO BenchWrites (At) VALUES (datetime('now'));";
        var (count, longest, over) = (0, 0.0, 0);
        while (!stop.IsCancellationRequested)
        {
            var one = Stopwatch.StartNew();
            await command.ExecuteNonQueryAsync(CancellationToken.None); // a write under way finishes; the loop checks the stop
            var ms = one.Elapsed.TotalMilliseconds;
            count++;
            longest = Math.Max(longest, ms);
            if (ms > 1000) over++;
            await Task.Delay(20, CancellationToken.None);
        }
        return (count, longest, over);
    }
}
