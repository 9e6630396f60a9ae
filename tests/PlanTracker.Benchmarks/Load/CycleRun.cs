using System.Globalization;
using static PlanTracker.Benchmarks.Load.Common;

namespace PlanTracker.Benchmarks.Load;

/// <summary>
/// The plan cycle at province scale (issue 11): `generate --cycle` (a programme over five years, a city plan a year,
/// 60 units' own plans a year) with today inside the third year, then the dashboard with its default plan (the
/// current city plan) as an admin and "Nhiệm vụ của tôi" as the editor of the unit leading the most deliverables
/// of the active plans it lists, timed after a warm-up.
/// </summary>
public static class CycleRun
{
    public const string Today = "2023-10-01";
    private const string EditorEmail = "bench-editor@generated.example";

    public static async Task RunAsync(string dll, string folder, int deliverables, int units, int requests, TimeSpan warmUp)
    {
        var env = Env(folder);
        env["Clock__Today"] = Today;
        Console.WriteLine($"\n## Plan cycle: generate --cycle --units {units} --deliverables {deliverables} --first-year 2021 --years 5, today {Today}");
        var generated = await CliAsync(dll, env, null, "generate", "--cycle", "--units", $"{units}", "--deliverables", $"{deliverables}",
            "--first-year", "2021", "--years", "5");
        Console.WriteLine($"generate: {generated.Wall.TotalSeconds:0.0} s wall, peak {generated.PeakKb / 1024} MB; {generated.Stdout.Trim()}");
        await CliAsync(dll, env, LoadRun.AdminPassword, "users", "create", "--email", LoadRun.AdminEmail, "--role", "Admin", "--name", "Bench Admin");
        AccountReady(folder, LoadRun.AdminEmail);

        var (cityPlan, cityDeliverables, unitCode, unitLeads, plansByKind) = Pick(folder);
        Console.WriteLine($"plans (kind, status: count): {plansByKind}");
        Console.WriteLine($"current city plan {cityPlan} ({cityDeliverables} deliverables); busiest unit {unitCode}: {unitLeads} lead deliverables in the active plans /my lists");
        await CliAsync(dll, env, LoadRun.AdminPassword, "users", "create", "--email", EditorEmail, "--role", "UnitEditor", "--unit", unitCode, "--name", "Bench Editor");
        AccountReady(folder, EditorEmail);

        var (server, baseUrl) = await StartServerAsync(dll, env);
        try
        {
            using var admin = new AppClient(baseUrl);
            using var editor = new AppClient(baseUrl);
            await admin.SignInAsync(LoadRun.AdminEmail, LoadRun.AdminPassword);
            await editor.SignInAsync(EditorEmail, LoadRun.AdminPassword);
            var (firstDashboard, _) = await admin.TimeGetAsync("/dashboard");
            var (firstMy, _) = await editor.TimeGetAsync("/my");
            Console.WriteLine($"first views after the start (JIT, plan read): /dashboard {firstDashboard:0} ms, /my {firstMy:0} ms");
            if (!(await admin.GetStringAsync("/dashboard")).Contains($"value=\"{cityPlan}\" selected=\"selected\"", StringComparison.Ordinal))
                throw new InvalidOperationException($"/dashboard did not open the current city plan ({cityPlan})");

            // A server runs for days: time it after tiered compilation has settled, not while it still compiles.
            var warm = System.Diagnostics.Stopwatch.StartNew();
            while (warm.Elapsed < warmUp)
            {
                await admin.TimeGetAsync("/dashboard");
                await editor.TimeGetAsync("/my");
            }
            Console.WriteLine($"warmed up {warmUp.TotalSeconds:0} s; load average {LoadAverage()}");
            Console.WriteLine("| what | median | p95 | min–max | size |\n| --- | ---: | ---: | ---: | ---: |");
            Console.WriteLine(Row("/dashboard (admin, default plan)", await TimeAsync(admin, "/dashboard", requests)));
            Console.WriteLine($"load average {LoadAverage()}");
            Console.WriteLine(Row($"/my ({unitCode} editor)", await TimeAsync(editor, "/my", requests)));
            Console.WriteLine($"load average {LoadAverage()}");
            Console.WriteLine($"server peak memory (VmHWM): {AppProcess.PeakKb(server.Id) / 1024} MB");
        }
        finally
        {
            Stop(server);
        }
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();

    /// <summary>
    /// The active city annual plan of today's year, its size, and the unit leading the most deliverables in the active
    /// plans /my lists (every kind but units' own plans).
    /// </summary>
    private static (long Plan, long Deliverables, string UnitCode, long Leads, string PlansByKind) Pick(string folder)
    {
        using var c = Open(folder);
        var year = int.Parse(Today[..4], CultureInfo.InvariantCulture);
        var plan = Common.Scalar(c, $"SELECT Id FROM Plans WHERE Kind = 'CityAnnual' AND Status = 'Active' AND Year = {year}");
        var size = Common.Scalar(c, $"SELECT COUNT(*) FROM Deliverables d JOIN Tasks t ON t.Id = d.TaskId JOIN Sections s ON s.Id = t.SectionId WHERE s.PlanId = {plan}");
        var (unit, leads) = Pairs(c, """
            SELECT a.UnitId, COUNT(*) FROM TaskAssignments a JOIN Deliverables d ON d.TaskId = a.TaskId
            JOIN Tasks t ON t.Id = a.TaskId JOIN Sections s ON s.Id = t.SectionId JOIN Plans p ON p.Id = s.PlanId
            WHERE a.Role = 'Lead' AND a.UnitId IS NOT NULL AND p.Status = 'Active' AND p.Kind <> 'UnitAnnual'
            GROUP BY a.UnitId ORDER BY COUNT(*) DESC, a.UnitId LIMIT 1
            """).Single();
        using var command = c.CreateCommand();
        command.CommandText = $"SELECT Code FROM Units WHERE Id = {unit}";
        var code = (string)command.ExecuteScalar()!;
        command.CommandText = "SELECT Kind || ' ' || Status || ': ' || COUNT(*) FROM Plans GROUP BY Kind, Status ORDER BY Kind, Status";
        using var reader = command.ExecuteReader();
        var kinds = new List<string>();
        while (reader.Read()) kinds.Add(reader.GetString(0));
        return (plan, size, code, leads, string.Join(", ", kinds));
    }
}
