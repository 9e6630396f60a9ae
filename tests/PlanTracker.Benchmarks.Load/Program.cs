using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using PlanTracker.Benchmarks.Load;

// Load runs against the real server process (see BENCHMARKS.md, "Load runs" and "Fixed scenario").
//   dotnet run -c Release --project tests/PlanTracker.Benchmarks.Load -- load [--scales 1000,10000,100000] [--requests 20] [--seconds 15]
//   dotnet run -c Release --project tests/PlanTracker.Benchmarks.Load -- fixed [--requests 20]
//   dotnet run -c Release --project tests/PlanTracker.Benchmarks.Load -- writes --folder KEPT/n100000 [--writers 4] [--seconds 15]
//   dotnet run -c Release --project tests/PlanTracker.Benchmarks.Load -- writes --folder SCRATCH --postgres "Host=...;Database=..." [...]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var mode = args.FirstOrDefault() ?? "load";
string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
var requests = int.Parse(Option("--requests", "20"), CultureInfo.InvariantCulture);
var configuration = Option("--configuration", "Release");
var dll = AppProcess.WebDll(configuration);
if (!File.Exists(dll)) { Console.Error.WriteLine($"{dll} is missing: dotnet build -c {configuration} first."); return 2; }
Console.WriteLine($"web app: {dll}; load average: {File.ReadAllText("/proc/loadavg").Trim()}; {Environment.ProcessorCount} cores");

if (mode == "writes")
{
    await LoadRun.WritesOnlyAsync(dll, Option("--folder", "."), args.Contains("--postgres") ? Option("--postgres", "") : null, int.Parse(Option("--writers", "4"), CultureInfo.InvariantCulture),
        TimeSpan.FromSeconds(int.Parse(Option("--seconds", "15"), CultureInfo.InvariantCulture)));
    return 0;
}

var folder = Directory.CreateTempSubdirectory("plantracker-load-").FullName;
try
{
    if (mode == "fixed") await FixedScenario.RunAsync(dll, folder, requests);
    else
        foreach (var scale in Option("--scales", "1000,10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
            await LoadRun.RunAsync(dll, Path.Combine(folder, $"n{scale}"), scale, requests, TimeSpan.FromSeconds(int.Parse(Option("--seconds", "15"), CultureInfo.InvariantCulture)));
}
finally
{
    if (!args.Contains("--keep")) Directory.Delete(folder, recursive: true);
    else Console.WriteLine("kept " + folder);
}
Console.WriteLine($"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
return 0;

public static class Common
{
    public const string Today = "2021-10-01";

    public static Dictionary<string, string> Env(string folder) => new()
    {
        ["ConnectionStrings__PlanTracker"] = $"Data Source={Path.Combine(folder, "plantracker.db")}",
        ["Database__Provider"] = "Sqlite",
        ["Clock__Today"] = Today,
        ["Hangfire__ServerEnabled"] = "false",
        ["Mail__Mode"] = "Pickup",
        ["Mail__PickupDirectory"] = Path.Combine(folder, "mail"),
        ["Attachments__Directory"] = Path.Combine(folder, "attachments"),
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Serilog__MinimumLevel__Default"] = "Warning",
    };

    public static async Task<AppProcess.Outcome> CliAsync(string dll, Dictionary<string, string> env, string? stdin, params string[] args)
    {
        var outcome = await AppProcess.RunAsync(dll, env, args, stdin, TimeSpan.FromMinutes(10));
        if (outcome.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', args)} exited {outcome.ExitCode}: {outcome.Stderr}{outcome.Stdout}");
        return outcome;
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Starts the server, waits until it serves; the caller kills it by PID.</summary>
    public static async Task<(Process Server, string BaseUrl)> StartServerAsync(string dll, Dictionary<string, string> env)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var server = AppProcess.Start(dll, new Dictionary<string, string>(env) { ["Urls"] = baseUrl }, []);
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        server.StandardInput.Close();
        try
        {
            await AppClient.WaitUntilServingAsync(baseUrl, TimeSpan.FromMinutes(3));
        }
        catch
        {
            Stop(server);
            throw;
        }
        return (server, baseUrl);
    }

    public static void Stop(Process server)
    {
        if (!server.HasExited) server.Kill(entireProcessTree: true);
        server.WaitForExit(10_000);
        server.Dispose();
    }

    public sealed record Timing(double Median, double P95, double Min, double Max, long Bytes);

    /// <summary>One warm-up request, then <paramref name="count"/> timed ones in a row.</summary>
    public static async Task<Timing> TimeAsync(AppClient client, string url, int count)
    {
        await client.TimeGetAsync(url);
        var times = new List<double>();
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            var (ms, b) = await client.TimeGetAsync(url);
            times.Add(ms);
            bytes = b;
        }
        times.Sort();
        var median = count % 2 == 1 ? times[count / 2] : (times[count / 2 - 1] + times[count / 2]) / 2;
        var p95 = times[Math.Min(count - 1, (int)Math.Ceiling(0.95 * count) - 1)];
        return new Timing(median, p95, times[0], times[^1], bytes);
    }

    public static string Row(string what, Timing t) =>
        $"| {what} | {t.Median:0} ms | {t.P95:0} ms | {t.Min:0}–{t.Max:0} ms | {t.Bytes / 1024.0:0} kB |";

    public static SqliteConnection Open(string folder)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "plantracker.db")};Mode=ReadOnly");
        connection.Open();
        return connection;
    }

    public static long Scalar(SqliteConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static List<(long A, long B)> Pairs(SqliteConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var list = new List<(long, long)>();
        while (reader.Read()) list.Add((reader.GetInt64(0), reader.GetInt64(1)));
        return list;
    }
}
