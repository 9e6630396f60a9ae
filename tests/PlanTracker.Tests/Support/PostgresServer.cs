using System.Diagnostics;
using Npgsql;

namespace PlanTracker.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: initdb and pg_ctl from Debian's postgresql package,
/// on a free port of 127.0.0.1, in a temporary folder owned by the postgres user (PostgreSQL refuses to
/// run as root). Started on first use, stopped when the test process exits. Each test takes a fresh database.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int databases;

    private readonly string folder;
    private readonly string binaries;
    private readonly bool asPostgresUser;

    public static PostgresServer Instance => Shared.Value;
    public int Port { get; }
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    private PostgresServer(string folder, string binaries, bool asPostgresUser, int port)
    {
        this.folder = folder;
        this.binaries = binaries;
        this.asPostgresUser = asPostgresUser;
        Port = port;
    }

    /// <summary>Whether the postgresql package is installed (the test command installs it).</summary>
    public static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;

    private static PostgresServer Start()
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); ./test.sh installs Debian's postgresql package.");
        var asPostgresUser = Environment.UserName == "root";
        RemoveLeftovers();
        var folder = Directory.CreateTempSubdirectory("plantracker-pg-").FullName;
        if (asPostgresUser) Run("chown", ["-R", "postgres:postgres", folder], asPostgres: false);
        var data = Path.Combine(folder, "data");
        Run(Path.Combine(binaries, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asPostgresUser);

        var port = LoopbackPort.Free();
        var server = new PostgresServer(folder, binaries, asPostgresUser, port);
        Run(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500",
            "start"], asPostgresUser);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    /// <summary>
    /// Deletes the clusters of earlier test runs whose server is no longer running. A run's own cleanup at exit does
    /// not always finish (the test host can end first), and each cluster holds gigabytes: a day of runs filled the disk.
    /// A folder younger than half an hour is left alone, since another run may be starting its server in it.
    /// </summary>
    private static void RemoveLeftovers()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "plantracker-pg-*"))
        {
            if (Directory.GetLastWriteTimeUtc(folder) > DateTime.UtcNow.AddMinutes(-30) || ServerRunsIn(folder)) continue;
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Someone else's folder, or one in use: not ours to remove.
            }
        }
    }

    private static bool ServerRunsIn(string folder)
    {
        var pidFile = Path.Combine(folder, "data", "postmaster.pid");
        try
        {
            return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && Directory.Exists($"/proc/{pid}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>A new, empty database on the shared server.</summary>
    public string NewDatabase()
    {
        var name = $"plantracker_test_{Environment.ProcessId}_{Interlocked.Increment(ref databases)}";
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
        // Each test has its own database, so its own connection pool. Npgsql keeps a pool's idle connections for 300 s
        // by default: a fast run left hundreds open after their tests ended and the server refused new clients
        // ("53300: too many clients"). Idle connections are closed within seconds instead.
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Include Error Detail=true;Connection Idle Lifetime=5;Connection Pruning Interval=2";
    }

    private void Stop()
    {
        try
        {
            Run(Path.Combine(binaries, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"], asPostgresUser);
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The test process is ending; the next run removes the leftover folder (RemoveLeftovers).
        }
    }

    private static void Run(string program, string[] args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(a);
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000)) process.Kill(entireProcessTree: true);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {error.Result}{output.Result}");
    }
}
