using System.Diagnostics;

namespace PlanTracker.Tests.Support;

/// <summary>
/// A small tmpfs mounted on a folder, to fill the disk for real; unmounted at dispose. Mounting needs root
/// (the test command runs as root in CI); tests that need it are marked <see cref="TmpfsFactAttribute"/>.
/// </summary>
public sealed class Tmpfs : IDisposable
{
    /// <summary>Why a tmpfs cannot be mounted here, or null when it can (tried once per test run).</summary>
    public static string? Unavailable { get; } = Probe();

    public string Path { get; }

    public Tmpfs(string path, string size)
    {
        Path = path;
        Directory.CreateDirectory(path);
        var (exit, error) = Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path);
        if (exit != 0) throw new InvalidOperationException($"mount -t tmpfs on {path} failed: {error}");
    }

    /// <summary>Every file under the mount, in any subfolder.</summary>
    public List<string> Files() => Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).ToList();

    public void Dispose() => Run("umount", "-l", Path);

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux()) return "a tmpfs needs Linux";
        var probe = Directory.CreateTempSubdirectory("plantracker-tmpfs-probe-").FullName;
        try
        {
            var (exit, error) = Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe);
            if (exit != 0) return $"mounting a tmpfs is not permitted here (run the tests as root to fill a disk for real): {error.Trim()}";
            Run("umount", probe);
            return null;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"mount cannot be run here: {e.Message}";
        }
        finally
        {
            try { Directory.Delete(probe); } catch (IOException) { }
        }
    }

    private static (int Exit, string Error) Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000)) { process.Kill(); return (-1, $"{command} did not finish in 60 s"); }
        return (process.ExitCode, error);
    }
}

/// <summary>A test that mounts a tmpfs: skipped, with the reason, where mounting is not permitted.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (Tmpfs.Unavailable is { } why) Skip = why;
    }
}
