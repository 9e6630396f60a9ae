using System.Text.RegularExpressions;
using static PlanTracker.Benchmarks.Load.Common;

namespace PlanTracker.Benchmarks.Load;

/// <summary>
/// The cross-tracker scenario: 10,000 open deliverables, 60 units, one unit editor per unit. Times `reminders run`
/// as a whole process and the overdue list (25 and 100 rows a page) signed in as one unit editor.
/// </summary>
public static partial class FixedScenario
{
    public static async Task RunAsync(string dll, string folder, int requests)
    {
        var env = Env(folder);
        Console.WriteLine("\n## Fixed scenario: generate --units 60 --deliverables 10000 --all-open --users");
        var generated = await CliAsync(dll, env, null, "generate", "--units", "60", "--deliverables", "10000", "--all-open", "--users");
        Console.WriteLine($"generate: {generated.Wall.TotalSeconds:0.0} s wall; {generated.Stdout.Trim()}");
        var password = Password().Match(generated.Stdout) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("no generated password in: " + generated.Stdout);

        var run = await CliAsync(dll, env, null, "reminders", "run");
        var mail = Path.Combine(folder, "mail");
        var files = Directory.Exists(mail) ? Directory.GetFiles(mail, "*.eml", SearchOption.AllDirectories).Length : 0;
        Console.WriteLine($"reminders run: {run.Wall.TotalSeconds:0.00} s wall (start to exit), peak {run.PeakKb / 1024} MB (VmHWM), {files} .eml files");
        Console.WriteLine("  " + run.Stdout.Trim().Replace("\n", "\n  ", StringComparison.Ordinal));

        var (unitCode, unitId, planId, overdue) = PickEditor(folder);
        var (server, baseUrl) = await StartServerAsync(dll, env);
        try
        {
            using var client = new AppClient(baseUrl);
            await client.SignInAsync($"{unitCode.ToLowerInvariant()}@generated.example", password);
            Console.WriteLine($"signed in as {unitCode.ToLowerInvariant()}@generated.example (unit {unitId}; plan {planId}, where it leads {overdue} overdue deliverables)");
            Console.WriteLine("| what | median | p95 | min–max | size |\n| --- | ---: | ---: | ---: | ---: |");
            foreach (var filter in new[] { "", $"&Unit={unitId}&Role=Lead" })
                foreach (var size in new[] { 25, 100 })
                {
                    var url = $"/tasks?Plan={planId}&State=Overdue{filter}&size={size}";
                    Console.WriteLine(Row(url, await TimeAsync(client, url, requests)));
                }
            Console.WriteLine($"server peak memory (VmHWM): {AppProcess.PeakKb(server.Id) / 1024} MB");
        }
        finally
        {
            Stop(server);
        }
    }

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
