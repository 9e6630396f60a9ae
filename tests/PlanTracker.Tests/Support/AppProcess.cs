using System.Diagnostics;

namespace PlanTracker.Tests.Support;

/// <summary>Runs the built app as an operator would (`dotnet PlanTracker.Web.dll VERB ...`) and captures what it says.</summary>
public static class AppProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>
    /// What every command-line test runs the app with: its database (cli.db), log and mail pickup folder in
    /// <paramref name="folder"/>; the seed folder and today's date when given, else the app's own.
    /// </summary>
    public static Dictionary<string, string> Environment(TempFolder folder, string? seed, string? today = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__PlanTracker"] = $"Data Source={folder.File("cli.db")}",
            ["Serilog__WriteTo__1__Args__path"] = folder.File("logs/cli-.log"),
            ["Mail__Mode"] = "Pickup",
            ["Mail__PickupDirectory"] = folder.File("mail"),
        };
        if (seed is not null) environment["Seed__Directory"] = seed;
        if (today is not null) environment["Clock__Today"] = today;
        return environment;
    }

    public static async Task<Result> RunAsync(IDictionary<string, string> environment, string? standardInput, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PlanTracker.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";

        using var process = Process.Start(start)!;
        if (standardInput is not null) await process.StandardInput.WriteLineAsync(standardInput);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // Start-up with migrations takes well over a minute on a loaded 2-core machine; a hung process is killed, not left behind.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet PlanTracker.Web.dll {string.Join(' ', args)} did not finish within 5 minutes.");
        }
        return new Result(process.ExitCode, await output, await error);
    }
}
