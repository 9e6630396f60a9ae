using System.Diagnostics;
using static PlanTracker.Benchmarks.Load.Common;

namespace PlanTracker.Benchmarks.Load;

/// <summary>One scale: generate, serve, sign in as an admin, time the pages, then 4 concurrent progress writers.</summary>
public static class LoadRun
{
    public const string AdminEmail = "bench-admin@generated.example";
    public const string AdminPassword = "Do-hieu-nang-2021!"; // not containing the e-mail name (PasswordPolicy)

    public static async Task RunAsync(string dll, string folder, int deliverables, int requests, TimeSpan writeFor)
    {
        Directory.CreateDirectory(folder);
        var env = Env(folder);
        var units = deliverables >= 100_000 ? 1000 : deliverables >= 10_000 ? 300 : 60;
        Console.WriteLine($"\n## N = {deliverables:N0} deliverables, {units} units, 5 years");
        var generated = await CliAsync(dll, env, null, "generate", "--units", $"{units}", "--deliverables", $"{deliverables}", "--years", "5");
        Console.WriteLine($"generate: {generated.Wall.TotalSeconds:0.0} s wall, peak {generated.PeakKb / 1024} MB; {generated.Stdout.Trim()}");
        await CliAsync(dll, env, AdminPassword, "users", "create", "--email", AdminEmail, "--role", "Admin", "--name", "Bench Admin");
        AccountReady(folder, AdminEmail);

        var (server, baseUrl) = await StartServerAsync(dll, env);
        try
        {
            using var client = new AppClient(baseUrl);
            await client.SignInAsync(AdminEmail, AdminPassword);
            var targets = await PagesAsync(server, client, folder, requests);
            await WritesAsync(server, client, targets, 4, writeFor);
            Console.WriteLine($"server peak memory (VmHWM): {AppProcess.PeakKb(server.Id) / 1024} MB");
        }
        finally
        {
            Stop(server);
        }
    }

    /// <summary>
    /// The pages alone, on a database kept by an earlier load run (<c>--keep</c>); with <paramref name="writeFor"/>,
    /// the load run's writers after them on the same server (give it a copy of the folder). Then the server's memory:
    /// at its largest resident size (sampled every 100 ms) and at the end; with <paramref name="gcdump"/>, its live heap.
    /// </summary>
    public static async Task PagesOnlyAsync(string dll, string folder, int requests, string? saveTo, TimeSpan? writeFor, string? gcdump)
    {
        var (server, baseUrl) = await StartServerAsync(dll, Env(folder));
        using var stopSampling = new CancellationTokenSource();
        var largest = Task.Run(async () =>
        {
            var largest = AppProcess.Memory(server.Id);
            while (!stopSampling.IsCancellationRequested)
            {
                if (AppProcess.Memory(server.Id) is var now && now.Total > largest.Total) largest = now;
                await Task.Delay(100, CancellationToken.None);
            }
            return largest;
        });
        try
        {
            using var client = new AppClient(baseUrl);
            await client.SignInAsync(AdminEmail, AdminPassword);
            var targets = await PagesAsync(server, client, folder, requests);
            if (writeFor is { } duration) await WritesAsync(server, client, targets, 4, duration);
            await stopSampling.CancelAsync();
            Console.WriteLine($"server memory at its largest: {await largest}");
            Console.WriteLine($"server memory at the end: {AppProcess.Memory(server.Id)}");
            if (gcdump is not null)
            {
                // The live managed heap at the end (dotnet-gcdump on the PATH; it forces a full collection first).
                using var tool = Process.Start("dotnet-gcdump", ["collect", "-p", $"{server.Id}", "-o", gcdump]);
                await tool.WaitForExitAsync();
            }
            if (saveTo is not null)
            {
                // The pages' HTML, to compare what two builds show (diff the files).
                var (unitId, planId, _, _) = Pick(folder);
                Directory.CreateDirectory(saveTo);
                foreach (var (name, url) in new[] { ("my.html", $"/my?Unit={unitId}"), ("my-closed.html", $"/my?Unit={unitId}&Closed=true"),
                             ("my-plan.html", $"/my?Unit={unitId}&Plan={planId}") })
                    await File.WriteAllTextAsync(Path.Combine(saveTo, name), await client.GetStringAsync(url));
            }
        }
        finally
        {
            await stopSampling.CancelAsync();
            Stop(server);
        }
    }

    /// <summary>Times each page (one warm-up, then <paramref name="requests"/> GETs), with the server's CPU a request; returns the write targets.</summary>
    private static async Task<List<Writes.Target>> PagesAsync(Process server, AppClient client, string folder, int requests)
    {
        var (unitId, planId, year, targets) = Pick(folder);
        var (feedUnit, feedSecret) = CalendarFeedOfBusiestUnit(folder);
        Console.WriteLine("| what | median | p95 | min–max | size | server CPU a request |\n| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (what, url) in new[]
        {
            ("/dashboard", $"/dashboard?Plan={planId}"),
            ("/tasks?State=Overdue", $"/tasks?Plan={planId}&State=Overdue"),
            ("/tasks?Q=thu+tuc", $"/tasks?Plan={planId}&Q=thu+tuc"),
            ("/tasks?Unit=&Role=Lead", $"/tasks?Plan={planId}&Unit={unitId}&Role=Lead"),
            // Issue 16's figure: the API's list goes the task list's way (TaskFilter), its JSON one page of 50.
            ("GET /api/v1/deliverables?state=Overdue", $"/api/v1/deliverables?plan={planId}&state=Overdue"),
            ("/my?Unit=", $"/my?Unit={unitId}"),
            ($"/reports/periodic.xlsx ({year}-Q3)", $"/reports/periodic.xlsx?plan={planId}&period={year}-Q3"),
            ($"/calendar/….ics (unit {feedUnit})", $"/calendar/{feedSecret}.ics"),
        })
        {
            server.Refresh();
            var cpuBefore = server.TotalProcessorTime;
            var timing = await TimeAsync(client, url, requests);
            server.Refresh();
            var cpu = (server.TotalProcessorTime - cpuBefore).TotalMilliseconds / (requests + 1);
            Console.WriteLine($"{Row(what, timing)} {cpu:0} ms |");
        }
        return targets;
    }

    /// <summary>
    /// The status updates alone, on a database kept by an earlier load run (<c>--keep</c>), or on a PostgreSQL
    /// database filled by <c>generate</c> with the bench admin created (see BENCHMARKS.md).
    /// </summary>
    public static async Task WritesOnlyAsync(string dll, string folder, string? postgres, int writers, TimeSpan duration)
    {
        var env = Env(folder);
        List<Writes.Target> targets;
        if (postgres is null)
            using (var c = Open(folder)) targets = Targets(c);
        else
        {
            env["Database__Provider"] = "Postgres";
            env["ConnectionStrings__PlanTracker"] = postgres;
            using var c = new Npgsql.NpgsqlConnection(postgres);
            c.Open();
            targets = Targets(c);
        }
        var (server, baseUrl) = await StartServerAsync(dll, env);
        try
        {
            Console.WriteLine($"server pid {server.Id}");
            using var client = new AppClient(baseUrl);
            await client.SignInAsync(AdminEmail, AdminPassword);
            await WritesAsync(server, client, targets, writers, duration);
            Console.WriteLine($"server peak memory (VmHWM): {AppProcess.PeakKb(server.Id) / 1024} MB");
        }
        finally
        {
            Stop(server);
        }
    }

    /// <summary>Status updates: the save alone, then opening the form and saving.</summary>
    private static async Task WritesAsync(Process server, AppClient client, IReadOnlyList<Writes.Target> targets, int writers, TimeSpan duration)
    {
        // Untimed first, so that the timed runs see a server as it runs for days: .NET keeps compiling hot methods
        // again (tiered JIT) for about half a minute of load, 300–600 methods a second at first.
        await Writes.RunAsync(client, targets, writers, TimeSpan.FromSeconds(20), openForm: false);
        await Writes.RunAsync(client, targets, writers, TimeSpan.FromSeconds(10), openForm: true);
        foreach (var openForm in new[] { false, true })
        {
            server.Refresh();
            var cpuBefore = server.TotalProcessorTime;
            var outcome = await Writes.RunAsync(client, targets, writers, duration, openForm);
            server.Refresh();
            var cpuPerUpdate = (server.TotalProcessorTime - cpuBefore).TotalMilliseconds / Math.Max(1, outcome.Saved);
            Console.WriteLine($"status updates ({(openForm ? "GET form + POST" : "POST only")}), {writers} writers, {outcome.Seconds:0.0} s: "
                + $"{outcome.Saved} saved, {outcome.Errors}, {outcome.PerSecond:0.0} updates/s, server CPU {cpuPerUpdate:0.00} ms an update");
        }
    }

    /// <summary>The largest plan of 2021 (the clock's year), the unit leading most of its tasks, and lead (deliverable, unit) pairs to update.</summary>
    private static (long Unit, long Plan, long Year, List<Writes.Target> Targets) Pick(string folder)
    {
        using var c = Open(folder);
        var plan = Pairs(c, """
            SELECT p.Id, p.Year FROM Plans p JOIN Sections s ON s.PlanId = p.Id JOIN Tasks t ON t.SectionId = s.Id JOIN Deliverables d ON d.TaskId = t.Id
            WHERE p.Year <= 2021 GROUP BY p.Id ORDER BY p.Year DESC, COUNT(*) DESC LIMIT 1
            """).Single();
        var unit = Common.Scalar(c, $"""
            SELECT a.UnitId FROM TaskAssignments a JOIN Tasks t ON t.Id = a.TaskId JOIN Sections s ON s.Id = t.SectionId
            WHERE s.PlanId = {plan.A} AND a.Role = 'Lead' AND a.UnitId IS NOT NULL AND a.IsRetired = 0
            GROUP BY a.UnitId ORDER BY COUNT(*) DESC LIMIT 1
            """);
        return (unit, plan.A, plan.B, Targets(c));
    }

    /// <summary>Up to 4,000 (deliverable, lead unit) pairs with their saved version. "Hàng quý" and "Thường xuyên"
    /// deliverables need a period, so they are left out; lead assignments to single units only.</summary>
    public static List<Writes.Target> Targets(System.Data.Common.DbConnection c)
    {
        using var command = c.CreateCommand();
        // Quoted names and boolean literals: the same SQL on SQLite and PostgreSQL.
        command.CommandText = """
            SELECT d."Id", a."UnitId", COALESCE(p."Version", 0) FROM "Deliverables" d JOIN "TaskAssignments" a ON a."TaskId" = d."TaskId"
            LEFT JOIN "DeliverableProgress" p ON p."DeliverableId" = d."Id" AND p."UnitId" = a."UnitId" AND p."Period" = ''
            WHERE a."Role" = 'Lead' AND a."UnitId" IS NOT NULL AND a."IsRetired" = false AND d."IsRetired" = false
              AND d."DeadlineKind" NOT IN ('RecurringQuarterly', 'Ongoing')
            ORDER BY d."Id" LIMIT 4000
            """;
        using var reader = command.ExecuteReader();
        var targets = new List<Writes.Target>();
        while (reader.Read()) targets.Add(new Writes.Target(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
        return targets;
    }

    /// <summary>
    /// A calendar feed for the unit that leads the most deliverables of the active plans: the largest feed there is.
    /// Written straight into the database, as the page would, since the benchmark signs in as an admin only.
    /// </summary>
    private static (long Unit, string Secret) CalendarFeedOfBusiestUnit(string folder)
    {
        using var c = Open(folder);
        var unit = Common.Scalar(c, """
            SELECT a.UnitId FROM TaskAssignments a JOIN Tasks t ON t.Id = a.TaskId JOIN Sections s ON s.Id = t.SectionId
            JOIN Plans p ON p.Id = s.PlanId JOIN Deliverables d ON d.TaskId = t.Id
            WHERE p.Status = 'Active' AND a.Role = 'Lead' AND a.UnitId IS NOT NULL AND a.IsRetired = 0 AND d.IsRetired = 0
            GROUP BY a.UnitId ORDER BY COUNT(*) DESC LIMIT 1
            """);
        const string secret = "bench0calendar0feed0secret0busiest0unit0";
        using var write = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "plantracker.db")};Pooling=False");
        write.Open();
        Common.Scalar(write, $"DELETE FROM CalendarFeeds WHERE Secret = '{secret}' OR UnitId = {unit}; INSERT INTO CalendarFeeds (UnitId, Secret, CreatedAtUtc) VALUES ({unit}, '{secret}', '2021-01-01 00:00:00'); SELECT {unit}");
        return (unit, secret);
    }
}
