using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PlanTracker.Tests.Monitoring;

/// <summary>Reads figures out of the monitoring pages, and turns exported files into text through LibreOffice.</summary>
public static partial class MonitoringPages
{
    /// <summary>The big figure of a card on the dashboard or scorecard (data-figure="Overdue", "total", "rate").</summary>
    public static string Figure(string html, string figure)
    {
        var match = Regex.Match(html, $"""data-figure="{figure}"[^>]*>\s*<span class="figure">([^<]+)</span>""");
        Assert.True(match.Success, $"No figure {figure} on the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value.Trim());
    }

    public static string FigureLink(string html, string figure)
    {
        var match = Regex.Match(html, $"""href="([^"]+)" data-figure="{figure}" """.TrimEnd());
        Assert.True(match.Success, $"No link for figure {figure}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The &lt;tr&gt; with the given data attribute (data-section="1", data-unit="12").</summary>
    public static string Row(string html, string attribute, object value)
    {
        var match = Regex.Match(html, $"""<tr {attribute}="{value}"[^>]*>(.*?)</tr>""", RegexOptions.Singleline);
        Assert.True(match.Success, $"No row {attribute}={value}.");
        return match.Groups[1].Value;
    }

    /// <summary>The number in a row's cell for a state (linked or not).</summary>
    public static int StateCell(string row, string state)
    {
        var match = Regex.Match(row, $"""data-state="{state}">(?:<a href="[^"]*">)?(\d+)""");
        Assert.True(match.Success, $"No {state} cell in the row.");
        return int.Parse(match.Groups[1].Value);
    }

    public static string StateCellLink(string row, string state) =>
        WebUtility.HtmlDecode(Regex.Match(row, $"""data-state="{state}"><a href="([^"]+)">""").Groups[1].Value);

    /// <summary>How many items the filtered task list says it lists.</summary>
    public static int ItemCount(string html)
    {
        var match = Regex.Match(html, """id="item-count" data-count="(\d+)" """.TrimEnd());
        Assert.True(match.Success, "The task list shows no item count.");
        return int.Parse(match.Groups[1].Value);
    }

    public static string Text(string html) =>
        WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), @"\s+", " "));

    /// <summary>
    /// Converts a .docx or .xlsx to PDF with LibreOffice (its own profile per call, so parallel runs do not clash)
    /// and returns the PDF's text, NFC-normalised and without whitespace: pdftotext splits justified words and
    /// wraps table cells, so checks compare letters, digits and punctuation only (see <see cref="AssertInPdf"/>).
    /// </summary>
    public static async Task<string> PdfTextAsync(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        var profile = Path.Combine(Path.GetTempPath(), "plantracker-lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var convert = await RunAsync("libreoffice", $"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", folder, file);
            var pdf = Path.ChangeExtension(file, ".pdf");
            Assert.True(File.Exists(pdf), $"LibreOffice made no PDF: {convert}");
            var text = await RunAsync("pdftotext", "-enc", "UTF-8", pdf, "-");
            return Compact(text);
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string Compact(string text) => Regex.Replace(text.Normalize(NormalizationForm.FormC), @"\s+", "");

    public static void AssertInPdf(string pdfText, string expected) => Assert.Contains(Compact(expected), pdfText);

    private static async Task<string> RunAsync(string program, params string[] args)
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
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {await error}");
            return await output;
        }
    }
}
