using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Data;
using PlanTracker.Core.Generation;
using PlanTracker.Core.History;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.States;
using PlanTracker.Web.Features.Admin;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Benchmarks.Monitoring;

/// <summary>
/// The monitoring pages and exports over one generated plan holding every deliverable (BENCHMARKS.md, "Monitoring").
/// Mode `monitoring [--runs 5] [--db /tmp/province.db] [--deliverables 100000] [--units 1000] [--dashboard-only | --exports-only] [--save FOLDER]`:
/// `--save` writes each response to FOLDER (to compare exports before and after a change).
/// </summary>
public static class MonitoringBenchmark
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var runs = args.Number("--runs", 5);
        var folder = Directory.CreateTempSubdirectory("plantracker-bench-").FullName;
        var file = args.Value("--db") ?? Path.Combine(folder, "province.db");
        var asOf = new DateOnly(2019, 10, 1);

        if (!File.Exists(file))
        {
            await using var db = Context(file);
            await BenchmarkDatabase.CreateAsync(db, new GeneratorOptions
            {
                Units = args.Number("--units", 1000), Deliverables = args.Number("--deliverables", 100_000), FirstYear = 2019, Today = asOf, OnePlan = true,
            });
            Console.WriteLine($"Database: {file}");
        }
        await using (var db = Context(file))
        {
            var items = await WorkItems.LoadAsync(db, asOf, 1);
            Console.WriteLine($"{db.Deliverables.Count():N0} deliverables, {db.Units.Count():N0} units, {items.Count:N0} work items, {db.Progress.Count():N0} progress records");
        }

        // Each run signs in with its own accounts: a kept --db file holds the previous runs' ones.
        var run = DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var exportsOnly = args.Flag("--exports-only");
        var save = args.Value("--save");
        if (save is not null) Directory.CreateDirectory(save);
        var results = new List<(string What, List<double> Ms, string Note)>();
        async Task Time(string what, Func<Task<string>> action)
        {
            var note = await action(); // warm-up: JIT, SQLite page cache
            var times = new List<double>();
            var cpu = new List<double>();
            using var self = Process.GetCurrentProcess();
            for (var i = 0; i < runs; i++)
            {
                self.Refresh();
                var cpuBefore = self.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                note = await action();
                times.Add(watch.Elapsed.TotalMilliseconds);
                self.Refresh();
                cpu.Add((self.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }
            // The process's CPU (user + sys, every thread): on a loaded machine it moves less than the wall.
            note += $"; CPU median {Median(cpu):0} ms ({cpu.Min():0}–{cpu.Max():0})";
            results.Add((what, times, note));
            Console.WriteLine($"{what}: median {Median(times):0} ms, CPU {Median(cpu):0} ms");
        }

        if (!exportsOnly)
        {
            await Time("WorkItems.LoadAsync (query only)", async () =>
            {
                await using var db = Context(file);
                return $"{(await WorkItems.LoadAsync(db, asOf, 1)).Count:N0} items";
            });
            await Time("CountedWorkItems.LoadAsync (the dashboard's lean read)", async () =>
            {
                await using var db = Context(file);
                return $"{(await CountedWorkItems.LoadAsync(db, 1)).Count:N0} items";
            });
            await Time("Dashboard query + compute (PlanOverview)", async () =>
            {
                await using var db = Context(file);
                var plan = await db.Plans.FindAsync(1);
                var o = await PlanOverview.BuildAsync(db, plan!, asOf);
                return $"{o.Units.Count} unit rows";
            });
        }

        using var host = new BenchHost(file, folder);
        var client = await host.AdminClientAsync($"bench.admin{run}@cantho.example");
        async Task Http(string what, Func<string> url) => await Time(what, async () =>
        {
            var address = url();
            using var response = await client.GetAsync(address);
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {response.StatusCode}");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (save is not null) // the files, to compare them before and after a change
                await File.WriteAllBytesAsync(Path.Combine(save, Regex.Replace(address, "[^A-Za-z0-9.-]+", "_").Trim('_')), bytes);
            return $"{bytes.Length / 1024.0:N0} KiB";
        });
        if (!exportsOnly)
        {
            await Http("GET /dashboard, data unchanged since the last view (cached overview)", () => "/dashboard?Plan=1&AsOf=2019-10-01");
            var day = 0;
            await Http("GET /dashboard, first view of another as-of day (kept items counted again)", () => $"/dashboard?Plan=1&AsOf=2019-09-{++day:00}");
            // Every save of counted data raises the count stamp: a status update makes the dashboard re-read that
            // deliverable only; any other change to the plan (here a deliverable edit) makes it read the plan again.
            async Task<string> Changed(bool statusOnly)
            {
                await using var db = Context(file);
                var n = 1 + day++ % 1000;
                if (statusOnly) (await db.Progress.OrderBy(p => p.Id).Skip(n).FirstAsync()).ResultText = $"bench {day}";
                else (await db.Deliverables.OrderBy(d => d.Id).Skip(n).FirstAsync()).Note = $"bench {day}";
                await db.SaveChangesAsync();
                return $"/dashboard?Plan=1&AsOf=2019-10-01";
            }
            await Time("GET /dashboard after a status update (one deliverable re-read)", async () =>
            {
                using var response = await client.GetAsync(await Changed(statusOnly: true));
                return $"{(await response.Content.ReadAsByteArrayAsync()).Length / 1024.0:N0} KiB";
            });
            await Time("GET /dashboard after a plan edit, or first view after start (plan read in full)", async () =>
            {
                using var response = await client.GetAsync(await Changed(statusOnly: false));
                return $"{(await response.Content.ReadAsByteArrayAsync()).Length / 1024.0:N0} KiB";
            });
            // The first view after a start: a new server (an empty cache) on the same file, without and with the
            // background warm-up of the current plan (OverviewWarmUp), timed once the warm-up is done (it starts
            // with the server, in parallel with the sign-in). In-process, so the page's code is already compiled.
            var starts = 0;
            foreach (var warmUp in new[] { false, true })
            {
                var first = new List<double>();
                var warmed = new List<double>();
                for (var i = 0; i < runs; i++)
                {
                    var started = Stopwatch.StartNew();
                    using var fresh = new BenchHost(file, folder, warmUp);
                    var freshClient = await fresh.AdminClientAsync($"bench.start{run}.{++starts}@cantho.example");
                    await fresh.Services.GetRequiredService<PlanTracker.Web.Features.Dashboard.OverviewWarmUp>().Done;
                    warmed.Add(started.Elapsed.TotalMilliseconds);
                    var watch = Stopwatch.StartNew();
                    using var response = await freshClient.GetAsync("/dashboard?Plan=1&AsOf=2019-10-01");
                    var bytes = await response.Content.ReadAsByteArrayAsync();
                    first.Add(watch.Elapsed.TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"/dashboard: {response.StatusCode}");
                }
                var what = warmUp ? "GET /dashboard, first view after a start, warmed up at start" : "GET /dashboard, first view after a start, no warm-up";
                results.Add((what, first, warmUp ? $"start to warm-up done: median {Median(warmed):0} ms ({warmed.Min():0}–{warmed.Max():0}), sign-in included" : ""));
                Console.WriteLine($"{what}: median {Median(first):0} ms");
            }
        }
        if (!args.Flag("--dashboard-only"))
        {
            if (!exportsOnly) await Http("GET /reports/periodic (page)", () => "/reports/periodic?plan=1&period=2019-Q3");
            await Http("GET /reports/periodic.docx", () => "/reports/periodic.docx?plan=1&period=2019-Q3");
            await Http("GET /reports/periodic.xlsx", () => "/reports/periodic.xlsx?plan=1&period=2019-Q3");
            await Http("GET /tasks/export.xlsx (every item)", () => "/tasks/export.xlsx?Plan=1&State=All&AsOf=2019-10-01");
            await Http("GET /tasks/export.docx (every item)", () => "/tasks/export.docx?Plan=1&State=All&AsOf=2019-10-01");
            await Http("GET /tasks/export.xlsx (overdue only)", () => "/tasks/export.xlsx?Plan=1&State=Overdue&AsOf=2019-10-01");
        }

        Console.WriteLine();
        Console.WriteLine($"| what | median ms | min ms | max ms | result |");
        Console.WriteLine($"| --- | ---: | ---: | ---: | --- |");
        foreach (var (what, ms, note) in results)
            Console.WriteLine($"| {what} | {Median(ms):0} | {ms.Min():0} | {ms.Max():0} | {note} |");
        Console.WriteLine($"\n{runs} timed runs after one warm-up; {Environment.ProcessorCount} cores; {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}.");

        if (args.Value("--db") is null) { Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); try { Directory.Delete(folder, true); } catch (IOException) { } }
        return 0;

        static double Median(List<double> values) { var s = values.Order().ToList(); return s[s.Count / 2]; }
    }

    private static PlanTrackerDbContext Context(string file) =>
        new(new DbContextOptionsBuilder<PlanTrackerDbContext>()
            .UseSqlite($"Data Source={file}", sqlite => sqlite.MigrationsAssembly("PlanTracker.Web")).UseCompiledModel(postgres: false).Options);
}

/// <summary>The real app in-process on the generated database, "today" 01/10/2019, logging only warnings.</summary>
internal sealed class BenchHost(string databaseFile, string folder, bool warmUp = true) : WebApplicationFactory<global::Program>
{
    private const string Password = "mat-khau-do-hieu-nang-1";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var root = Repository.Root;
        builder.UseEnvironment("Production");
        builder.UseContentRoot(Path.Combine(root, "src", "PlanTracker.Web"));
        builder.ConfigureAppConfiguration((_, config) => config
            .AddJsonFile(Path.Combine(root, "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:PlanTracker"] = $"Data Source={databaseFile}",
                ["Seed:Directory"] = Path.Combine(folder, "no-seed"),
                ["Clock:Today"] = "2019-10-01",
                ["Dashboard:WarmUp"] = warmUp ? "true" : "false",
                ["Attachments:Directory"] = Path.Combine(folder, "attachments"),
                ["Serilog:MinimumLevel:Default"] = "Warning",
                ["Serilog:WriteTo:1:Args:path"] = Path.Combine(folder, "logs", "bench-.log"),
            }));
    }

    public async Task<HttpClient> AdminClientAsync(string email)
    {
        string key;
        using (var scope = Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            var user = (await accounts.CreateAsync(Actor.System, email, "Đo hiệu năng", Roles.Admin, null, Password)).User!;
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            user.MustChangePassword = false; // as if its person had set it, with an authenticator enrolled
            await users.UpdateAsync(user);
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/account/login");
        var token = WebUtility.HtmlDecode(Regex.Match(login, """name="__RequestVerificationToken" type="hidden" value="([^"]+)" """.TrimEnd()).Groups[1].Value);
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(
            [new("Email", email), new("Password", Password), new("__RequestVerificationToken", token)]));
        var second = await client.GetStringAsync("/account/login-2fa");
        token = WebUtility.HtmlDecode(Regex.Match(second, """name="__RequestVerificationToken" type="hidden" value="([^"]+)" """.TrimEnd()).Groups[1].Value);
        response = await client.PostAsync("/account/login-2fa", new FormUrlEncodedContent(
            [new("Code", PlanTracker.Tests.Support.Totp.Code(key)), new("__RequestVerificationToken", token)]));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("Sign-in failed: " + response.StatusCode);
        return client;
    }
}
