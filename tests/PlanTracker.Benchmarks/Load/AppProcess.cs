using System.Diagnostics;
using System.Globalization;

namespace PlanTracker.Benchmarks.Load;

/// <summary>The built PlanTracker.Web.dll run as a separate process, as an operator would run it.</summary>
public static class AppProcess
{
    public static string WebDll(string configuration) =>
        Path.Combine(Repository.Root, "src", "PlanTracker.Web", "bin", configuration, "net10.0", "PlanTracker.Web.dll");

    /// <summary><paramref name="CpuMs"/>: user and system CPU as last polled, so up to one poll (20 ms) short.</summary>
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr, TimeSpan Wall, long PeakKb, long CpuMs);

    /// <summary>Runs a CLI verb to exit, polling the child's VmHWM; killed after <paramref name="timeout"/>.</summary>
    public static async Task<Outcome> RunAsync(string dll, IDictionary<string, string> env, string[] args, string? stdin, TimeSpan timeout)
    {
        using var process = Start(dll, env, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var clock = Stopwatch.StartNew();
        long peak = 0, cpu = 0;
        while (!process.HasExited && clock.Elapsed < timeout)
        {
            peak = Math.Max(peak, PeakKb(process.Id));
            cpu = Math.Max(cpu, CpuMs(process.Id));
            await Task.Delay(20);
        }
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', args)} did not finish in {timeout}");
        }
        var wall = clock.Elapsed;
        return new Outcome(process.ExitCode, await stdout, await stderr, wall, peak, cpu);
    }

    public static Process Start(string dll, IDictionary<string, string> env, string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in env) info.Environment[k] = v;
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>User and system CPU time (ms) of a live process, from /proc/PID/stat (in clock ticks of 10 ms); 0 once it is gone.</summary>
    public static long CpuMs(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // fields from the state on: utime and stime are 14 and 15
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return 0;
    }

    /// <summary>Resident memory of a live process by kind, kB (/proc/PID/status); all 0 once it is gone.</summary>
    public sealed record Resident(long Peak, long Total, long Anonymous, long Files, long Shared)
    {
        public override string ToString() =>
            $"{Total / 1024} MB resident (peak {Peak / 1024} MB): anonymous {Anonymous / 1024} MB, files {Files / 1024} MB, shared {Shared / 1024} MB";
    }

    public static Resident Memory(int pid)
    {
        var values = new Dictionary<string, long>();
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.Split(':', 2) is [var name and ("VmHWM" or "VmRSS" or "RssAnon" or "RssFile" or "RssShmem"), var value])
                    values[name] = long.Parse(value.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        long Get(string name) => values.GetValueOrDefault(name);
        return new Resident(Get("VmHWM"), Get("VmRSS"), Get("RssAnon"), Get("RssFile"), Get("RssShmem"));
    }

    /// <summary>Peak resident set size (VmHWM, kB) of a live process; 0 once it is gone.</summary>
    public static long PeakKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return 0;
    }
}
