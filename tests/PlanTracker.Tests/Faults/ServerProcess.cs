using System.Diagnostics;
using System.Text;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Faults;

/// <summary>
/// The built app run as a web server in its own process, as an operator runs it, on its own database and port,
/// so that a test can kill it (SIGKILL) or stop it (SIGTERM) at a chosen moment and start it again.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    /// <summary>Generous: the test machine has 2 cores and runs other builds (load average 20 and more).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Port { get; } = LoopbackPort.Free();
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public ServerProcess(IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PlanTracker.Web.dll"));
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["Urls"] = BaseAddress.ToString();
        start.Environment["Hangfire__ServerEnabled"] = "false";
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Exited += (_, _) => exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    /// <summary>Everything the process wrote to standard output and error so far.</summary>
    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    /// <summary>Polls /health/ready until it answers 200; fails with the output when the process exits or the time is up.</summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(TimeSpan? within = null)
    {
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        while (clock.Elapsed < (within ?? Patience))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The app exited ({process.ExitCode}) before it was ready:\n{Output}");
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode) return clock.Elapsed;
            }
            catch (HttpRequestException) { } // not listening yet
            catch (TaskCanceledException) { } // listening, still busy
            await Task.WhenAny(exited.Task, Task.Delay(100));
        }
        throw new TimeoutException($"The app was not ready after {clock.Elapsed}:\n{Output}");
    }

    /// <summary>Waits for a file the app writes (the fault hook's marker); fails when the process exits first.</summary>
    public async Task WaitForFileAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited ({process.ExitCode}) before writing {path}:\n{Output}");
            if (clock.Elapsed > Patience) throw new TimeoutException($"The app did not write {path} in {Patience}:\n{Output}");
            await Task.WhenAny(exited.Task, Task.Delay(50));
        }
    }

    /// <summary>Waits until the process has written <paramref name="text"/>; fails when it exits first.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited ({process.ExitCode}) before saying \"{text}\":\n{Output}");
            if (clock.Elapsed > Patience) throw new TimeoutException($"The app did not say \"{text}\" in {Patience}:\n{Output}");
            await Task.WhenAny(exited.Task, Task.Delay(50));
        }
    }

    public void Kill() => process.Kill();

    /// <summary>What a service manager sends to stop the app (systemctl stop, docker stop).</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -TERM {process.Id} failed ({kill.ExitCode})");
    }

    public async Task<int> WaitForExitAsync()
    {
        await exited.Task.WaitAsync(Patience);
        await process.WaitForExitAsync(); // the rest of the output
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill();
        process.Dispose();
    }
}
