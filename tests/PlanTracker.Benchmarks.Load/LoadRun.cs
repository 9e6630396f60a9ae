using System.Diagnostics;
using static Common;

namespace PlanTracker.Benchmarks.Load;

/// <summary>One scale: generate, serve, sign in as an admin, time the pages, then 4 concurrent progress writers.</summary>
public static class LoadRun
{
    private const string AdminEmail = "bench-admin@generated.example";
    private const string AdminPassword = "Bench-admin-2021!";

    public static async Task RunAsync(string dll, string folder, int deliverables, int requests, TimeSpan writeFor)
    {
        Directory.CreateDirectory(folder);
        var env = Env(folder);
        var units = deliverables >= 100_000 ? 1000 : deliverables >= 10_000 ? 300 : 60;
        Console.WriteLine($"\n## N = {deliverables:N0} deliverables, {units} units, 5 years");
        var generated = await CliAsync(dll, env, null, "generate", "--units", $"{units}", "--deliverables", $"{deliverables}", "--years", "5");
        Console.WriteLine($"generate: {generated.Wall.TotalSeconds:0.0} s wall, peak {generated.PeakKb / 1024} MB; {generated.Stdout.Trim()}");
        await CliAsync(dll, env, AdminPassword, "users", "create", "--email", AdminEmail, "--role", "Admin", "--name", "Bench Admin");

        var (unitId, planId, year, targets) = Pick(folder);
        var (server, baseUrl) = await StartServerAsync(dll, env);
        try
        {
            using var client = new AppClient(baseUrl);
            await client.SignInAsync(AdminEmail, AdminPassword);
            Console.WriteLine("| what | median | p95 | min–max | size |\n| --- | ---: | ---: | ---: | ---: |");
            foreach (var (what, url) in new[]
            {
                ("/dashboard", $"/dashboard?Plan={planId}"),
                ("/tasks?State=Overdue", $"/tasks?Plan={planId}&State=Overdue"),
                ("/tasks?Q=thu+tuc", $"/tasks?Plan={planId}&Q=thu+tuc"),
                ("/tasks?Unit=&Role=Lead", $"/tasks?Plan={planId}&Unit={unitId}&Role=Lead"),
                ("/my?Unit=", $"/my?Unit={unitId}"),
                ($"/reports/periodic.xlsx ({year}-Q3)", $"/reports/periodic.xlsx?plan={planId}&period={year}-Q3"),
            })
                Console.WriteLine(Row(what, await TimeAsync(client, url, requests)));

            var (done, errors, seconds) = await WriteAsync(client, targets, writeFor);
            Console.WriteLine($"status updates, 4 writers, {seconds:0.0} s: {done} saved, errors: {errors}, {done / seconds:0.0} updates/s (each a GET of the form and a POST)");
            Console.WriteLine($"server peak memory (VmHWM): {AppProcess.PeakKb(server.Id) / 1024} MB");
        }
        finally
        {
            Stop(server);
        }
    }

    /// <summary>The largest plan of 2021 (the clock's year), the unit leading most of its tasks, and lead (deliverable, unit) pairs to update.</summary>
    private static (long Unit, long Plan, long Year, List<(long Deliverable, long Unit)> Targets) Pick(string folder)
    {
        using var c = Open(folder);
        var plan = Pairs(c, """
            SELECT p.Id, p.Year FROM Plans p JOIN Sections s ON s.PlanId = p.Id JOIN Tasks t ON t.SectionId = s.Id JOIN Deliverables d ON d.TaskId = t.Id
            WHERE p.Year <= 2021 GROUP BY p.Id ORDER BY p.Year DESC, COUNT(*) DESC LIMIT 1
            """).Single();
        var unit = Scalar(c, $"""
            SELECT a.UnitId FROM TaskAssignments a JOIN Tasks t ON t.Id = a.TaskId JOIN Sections s ON s.Id = t.SectionId
            WHERE s.PlanId = {plan.A} AND a.Role = 'Lead' AND a.UnitId IS NOT NULL AND a.IsRetired = 0
            GROUP BY a.UnitId ORDER BY COUNT(*) DESC LIMIT 1
            """);
        // "Hàng quý" and "Thường xuyên" deliverables need a period; lead assignments to single units only.
        var targets = Pairs(c, """
            SELECT d.Id, a.UnitId FROM Deliverables d JOIN TaskAssignments a ON a.TaskId = d.TaskId
            WHERE a.Role = 'Lead' AND a.UnitId IS NOT NULL AND a.IsRetired = 0 AND d.IsRetired = 0 AND d.DeadlineKind NOT IN ('RecurringQuarterly', 'Ongoing')
            ORDER BY d.Id LIMIT 4000
            """);
        return (unit, plan.A, plan.B, targets);
    }

    /// <summary>4 writers, each on its own quarter of the targets, so they never conflict with each other.</summary>
    private static async Task<(int Done, string Errors, double Seconds)> WriteAsync(AppClient client, List<(long Deliverable, long Unit)> targets, TimeSpan duration)
    {
        int done = 0;
        var errors = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = w; clock.Elapsed < duration && i < targets.Count * 10; i += 4)
            {
                var (deliverable, unit) = targets[i % targets.Count];
                try
                {
                    var status = await client.UpdateProgressAsync((int)deliverable, (int)unit, 10 + i % 80);
                    if (status == 302) Interlocked.Increment(ref done);
                    else errors.AddOrUpdate(status > 1000 ? $"GET {status - 1000}" : $"POST {status}", 1, (_, n) => n + 1);
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
                {
                    errors.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                }
            }
        })).ToArray();
        await Task.WhenAll(writers);
        var summary = errors.IsEmpty ? "0 errors" : string.Join(", ", errors.Select(kv => $"{kv.Value} × {kv.Key}"));
        return (done, summary, clock.Elapsed.TotalSeconds);
    }
}
