using System.Diagnostics;

namespace PlanTracker.Tests.Support;

/// <summary>
/// A real word processor for the documents users bring: LibreOffice headless converts a file the test writes
/// (HTML, flat ODT) into .docx / .xlsx / .pdf. Each call has its own profile, so parallel runs do not clash.
/// </summary>
public static class LibreOffice
{
    /// <param name="target">LibreOffice's convert-to argument: "docx", "xlsx", "pdf", or with a filter ("docx:MS Word 2007 XML").</param>
    /// <param name="inputFilter">An import filter when the extension does not tell it (e.g. "HTML (StarWriter)" to read HTML as a Writer document).</param>
    /// <returns>The path of the converted file, beside the input.</returns>
    public static async Task<string> ConvertAsync(string file, string target, string? inputFilter = null)
    {
        var folder = Path.GetDirectoryName(file)!;
        var profile = Path.Combine(Path.GetTempPath(), "plantracker-lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            List<string> args = [$"-env:UserInstallation=file://{profile}", "--headless"];
            if (inputFilter is not null) args.Add($"--infilter={inputFilter}");
            args.AddRange(["--convert-to", target, "--outdir", folder, file]);
            var output = await RunAsync("libreoffice", [.. args]);
            var converted = Path.ChangeExtension(file, "." + target.Split(':')[0]);
            Assert.True(File.Exists(converted), $"LibreOffice wrote no {converted}: {output}");
            return converted;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    public static async Task<string> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is not installed; test.sh installs libreoffice-writer, libreoffice-calc and poppler-utils.", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            // A cold LibreOffice start takes a minute on a loaded 2-core machine; one that hangs is killed, not left behind.
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} did not finish within 5 minutes.");
            }
            Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {await error}");
            return await output;
        }
    }
}
