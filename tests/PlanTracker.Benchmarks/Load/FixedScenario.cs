using System.Text.RegularExpressions;
using static PlanTracker.Benchmarks.Load.Common;

namespace PlanTracker.Benchmarks.Load;

/// <summary>
/// The cross-tracker scenario: 10,000 open deliverables, 60 units, one unit editor per unit. Times `reminders run`
/// as a whole process (each run on a fresh copy of the generated database, then the same day again with nothing to
/// send), and, after a warm-up, the overdue list of one plan and of every active plan (25 and 100 rows a page)
/// signed in as one unit editor.
/// </summary>
public static partial class FixedScenario
{
    public static async Task RunAsync(string dll, string folder, int requests, int runs, TimeSpan warmUp)
    {
        var env = Env(folder);
        Console.WriteLine("\n## Fixed scenario: generate --units 60 --deliverables 10000 --all-open --users");
        var generated = await CliAsync(dll, env, null, "generate", "--units", "60", "--deliverables", "10000", "--all-open", "--users");
        Console.WriteLine($"generate: {generated.Wall.TotalSeconds:0.0} s wall; {generated.Stdout.Trim()}");
        var password = Password().Match(generated.Stdout) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("no generated password in: " + generated.Stdout);

        var database = Path.Combine(folder, "plantracker.db");
        var snapshot = database + ".generated";
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False"))
        {
            c.Open();
            using var vacuum = c.CreateCommand();
            vacuum.CommandText = $"VACUUM INTO '{snapshot}'"; // one consistent file, whatever the WAL holds
            vacuum.ExecuteNonQuery();
        }
        var mail = Path.Combine(folder, "mail");
        var sending = new List<AppProcess.Outcome>();
        for (var i = 0; i < runs; i++)
        {
            foreach (var file in new[] { database, database + "-wal", database + "-shm" }) File.Delete(file);
            if (Directory.Exists(mail)) Directory.Delete(mail, recursive: true);
            File.Copy(snapshot, database);
            sending.Add(await CliAsync(dll, env, null, "reminders", "run"));
        }
        var files = Directory.Exists(mail) ? Directory.GetFiles(mail, "*.eml", SearchOption.AllDirectories).Length : 0;
        Console.WriteLine($"reminders run, {runs} runs each on the generated database: {Spread(sending)}, {files} .eml files a run; load average {LoadAverage()}");
        Console.WriteLine("  " + sending[^1].Stdout.Trim().Replace("\n", "\n  ", StringComparison.Ordinal));
        var idle = new List<AppProcess.Outcome>();
        for (var i = 0; i < runs; i++)
            idle.Add(await CliAsync(dll, env, null, "reminders", "run"));
        Console.WriteLine($"reminders run with nothing to send (the same day again), {runs} runs: {Spread(idle)}; load average {LoadAverage()}");

        var (unitCode, unitId, planId, overdue) = PickEditor(folder);
        var (server, baseUrl) = await StartServerAsync(dll, env);
        try
        {
            using var client = new AppClient(baseUrl);
            await client.SignInAsync($"{unitCode.ToLowerInvariant()}@generated.example", password);
            Console.WriteLine($"signed in as {unitCode.ToLowerInvariant()}@generated.example (unit {unitId}; plan {planId}, where it leads {overdue} overdue deliverables)");
            var urls = new List<string>();
            foreach (var filter in new[] { "", $"&Unit={unitId}&Role=Lead" })
                foreach (var size in new[] { 25, 100 })
                    urls.Add($"/tasks?Plan={planId}&State=Overdue{filter}&size={size}");
            urls.Add("/tasks?State=Overdue&size=25"); // every active plan
            urls.Add("/tasks?State=Overdue&size=100");
            // A server runs for days: time it after tiered compilation has settled, not while it still compiles.
            var warm = System.Diagnostics.Stopwatch.StartNew();
            while (warm.Elapsed < warmUp)
                foreach (var url in urls) await client.TimeGetAsync(url);
            Console.WriteLine($"warmed up {warmUp.TotalSeconds:0} s; load average {LoadAverage()}");
            Console.WriteLine("| what | median | p95 | min–max | size |\n| --- | ---: | ---: | ---: | ---: |");
            foreach (var url in urls)
                Console.WriteLine(Row(url, await TimeAsync(client, url, requests)));
            Console.WriteLine($"server peak memory (VmHWM): {AppProcess.PeakKb(server.Id) / 1024} MB; load average {LoadAverage()}");
        }
        finally
        {
            Stop(server);
        }
    }

    private static string Spread(List<AppProcess.Outcome> runs)
    {
        var walls = runs.Select(r => r.Wall.TotalSeconds).Order().ToList();
        var cpus = runs.Select(r => r.CpuMs / 1000.0).Order().ToList();
        var peaks = runs.Select(r => r.PeakKb / 1024).Order().ToList();
        return $"median {walls[walls.Count / 2]:0.00} s (min {walls[0]:0.00}, max {walls[^1]:0.00}) wall, start to exit; "
            + $"CPU {cpus[cpus.Count / 2]:0.00} s ({cpus[0]:0.00}–{cpus[^1]:0.00}); peak {peaks[peaks.Count / 2]} MB ({peaks[0]}–{peaks[^1]}, VmHWM)";
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();

    /// <summary>The unit with the most overdue lead deliverables, its code (the editor's e-mail), and the plan holding most of them.</summary>
    private static (string Code, long Id, long Plan, long Overdue) PickEditor(string folder)
    {
        using var c = Open(folder);
        var (id, _) = Pairs(c, $"""
            SELECT a.UnitId, COUNT(*) FROM TaskAssignments a JOIN Deliverables d ON d.TaskId = a.TaskId
            WHERE a.Role = 'Lead' AND a.UnitId IS NOT NULL AND d.DeadlineDue < '{Today}' GROUP BY a.UnitId ORDER BY COUNT(*) DESC LIMIT 1
            """).Single();
        var (plan, overdue) = Pairs(c, $"""
            SELECT s.PlanId, COUNT(*) FROM TaskAssignments a JOIN Deliverables d ON d.TaskId = a.TaskId
            JOIN Tasks t ON t.Id = a.TaskId JOIN Sections s ON s.Id = t.SectionId
            WHERE a.Role = 'Lead' AND a.UnitId = {id} AND d.DeadlineDue < '{Today}' GROUP BY s.PlanId ORDER BY COUNT(*) DESC LIMIT 1
            """).Single();
        using var command = c.CreateCommand();
        command.CommandText = $"SELECT Code FROM Units WHERE Id = {id}";
        return ((string)command.ExecuteScalar()!, id, plan, overdue);
    }

    [GeneratedRegex(@"generated password: (\S+)")]
    private static partial Regex Password();
}
