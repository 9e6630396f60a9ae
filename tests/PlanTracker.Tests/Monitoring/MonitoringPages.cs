using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Monitoring;

/// <summary>Reads figures out of the monitoring pages by selector, and turns exported files into text through LibreOffice.</summary>
public static partial class MonitoringPages
{
    /// <summary>The big figure of a card on the dashboard or scorecard (data-figure="Overdue", "total", "rate").</summary>
    public static string Figure(string html, string figure) =>
        PageText.Parse(html).Find($"[data-figure=\"{figure}\"] > span.figure").TextContent.Trim();

    public static string FigureLink(string html, string figure) =>
        PageText.Parse(html).Find($"a[data-figure=\"{figure}\"]").GetAttribute("href")!;

    /// <summary>The &lt;tr&gt; with the given data attribute (data-section="1", data-unit="12").</summary>
    public static IElement Row(string html, string attribute, object value) =>
        PageText.Parse(html).Find($"tr[{attribute}=\"{value}\"]");

    /// <summary>The number in a row's cell for a state (linked or not).</summary>
    public static int StateCell(IElement row, string state) =>
        int.Parse(row.Find($"td[data-state=\"{state}\"]").TextContent.Trim(), CultureInfo.InvariantCulture);

    public static string StateCellLink(IElement row, string state) =>
        row.Find($"td[data-state=\"{state}\"] > a").GetAttribute("href")!;

    /// <summary>The texts of a row's cells, in order.</summary>
    public static List<string> Cells(IElement row) => row.QuerySelectorAll("td, th").Select(c => PageText.Text(c)).ToList();

    /// <summary>How many items the filtered task list says it lists.</summary>
    public static int ItemCount(string html) =>
        int.Parse(PageText.Parse(html).Find("#item-count").GetAttribute("data-count")!, CultureInfo.InvariantCulture);

    public static string Text(string html) => PageText.Text(html);

    public static string Text(INode node) => PageText.Text(node);

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

    /// <summary>Every word of the expected text is in the PDF, in whatever order pdftotext read the page's columns.</summary>
    public static void AssertWordsInPdf(string pdfText, string expected) =>
        Assert.All(expected.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), word => Assert.Contains(Compact(word), pdfText));

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
