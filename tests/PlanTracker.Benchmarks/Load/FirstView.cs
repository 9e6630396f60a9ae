using System.Diagnostics;
using static PlanTracker.Benchmarks.Load.Common;

namespace PlanTracker.Benchmarks.Load;

/// <summary>
/// The first dashboard view after a start, as deployed: a new server process (the published app with --dll) on a copy of
/// a database with one 100,000-deliverable plan (the `monitoring` mode's file), with and without the current plan's
/// overview read at start (Dashboard:WarmUp). With the warm-up, the view is timed once the server has logged it done.
/// </summary>
public static class FirstView
{
    private const string Email = "bench-firstview@generated.example";

    public static async Task RunAsync(string dll, string folder, string database, string today, int runs, bool exports)
    {
        File.Copy(database, Path.Combine(folder, "plantracker.db"));
        var env = Env(folder);
        env["Clock__Today"] = today;
        await CliAsync(dll, env, LoadRun.AdminPassword, "users", "create", "--email", Email, "--role", "Admin", "--name", "Bench First View");
        AccountReady(folder, Email);
        var url = $"/dashboard?Plan=1&AsOf={today}";

        Console.WriteLine($"| first `GET {url}` after a start, {runs} runs | median | range | server CPU of the view | start to warm-up done |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var warmUp in new[] { false, true })
        {
            var (views, cpus, ready) = (new List<double>(), new List<double>(), new List<double>());
            for (var i = 0; i < runs; i++)
            {
                var started = Stopwatch.StartNew();
                var (server, baseUrl, warmed) = await StartAsync(dll, new Dictionary<string, string>(env) { ["Dashboard__WarmUp"] = warmUp ? "true" : "false" });
                try
                {
                    using var client = new AppClient(baseUrl);
                    await client.SignInAsync(Email, LoadRun.AdminPassword);
                    if (warmUp)
                    {
                        await warmed.WaitAsync(TimeSpan.FromMinutes(3));
                        ready.Add(started.Elapsed.TotalMilliseconds);
                    }
                    var cpu = AppProcess.CpuMs(server.Id);
                    views.Add((await client.TimeGetAsync(url)).Ms);
                    cpus.Add(AppProcess.CpuMs(server.Id) - cpu);
                    if (exports && warmUp && i == runs - 1) await TimeExportsAsync(server, client, today, runs);
                }
                finally
                {
                    Stop(server);
                }
            }
            Console.WriteLine($"| {(warmUp ? "warmed up at start" : "no warm-up")} | {Median(views):0} ms | {views.Min():0}–{views.Max():0} ms "
                + $"| {Median(cpus):0} ms ({cpus.Min():0}–{cpus.Max():0}) | {(ready.Count > 0 ? $"{Median(ready):0} ms ({ready.Min():0}–{ready.Max():0})" : "")} |");
        }
    }

    /// <summary>The plan's every item as .xlsx and .docx (issue 17: ≤ 3 s at 100k), on the last warmed-up server.</summary>
    private static async Task TimeExportsAsync(Process server, AppClient client, string today, int runs)
    {
        foreach (var format in new[] { "xlsx", "docx" })
        {
            var cpu = AppProcess.CpuMs(server.Id);
            var timing = await TimeAsync(client, $"/tasks/export.{format}?Plan=1&State=All&AsOf={today}", runs);
            Console.WriteLine(Row($"`/tasks/export.{format}`, every item", timing) + $" server CPU {(AppProcess.CpuMs(server.Id) - cpu) / (runs + 1.0):0} ms a request |");
        }
    }

    /// <summary>Like <see cref="Common.StartServerAsync"/>, and completes the task when the warm-up's log line appears.</summary>
    private static async Task<(Process Server, string BaseUrl, Task Warmed)> StartAsync(string dll, Dictionary<string, string> env)
    {
        var warmed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var baseUrl = $"http://127.0.0.1:{PlanTracker.Tests.Support.LoopbackPort.Free()}";
        var server = AppProcess.Start(dll, new Dictionary<string, string>(env)
        {
            ["Urls"] = baseUrl, ["Serilog__MinimumLevel__Override__PlanTracker.Web.Features.Dashboard"] = "Information",
        }, []);
        server.OutputDataReceived += (_, e) => { if (e.Data?.Contains("read at start", StringComparison.Ordinal) == true) warmed.TrySetResult(); };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        server.StandardInput.Close();
        await AppClient.WaitUntilServingAsync(baseUrl, TimeSpan.FromMinutes(3));
        return (server, baseUrl, warmed.Task);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
