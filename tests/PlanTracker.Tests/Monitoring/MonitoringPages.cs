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
        var pdf = await LibreOffice.ConvertAsync(file, "pdf");
        return Compact(await LibreOffice.RunAsync("pdftotext", "-enc", "UTF-8", pdf, "-"));
    }

    private static string Compact(string text) => Regex.Replace(text.Normalize(NormalizationForm.FormC), @"\s+", "");

    public static void AssertInPdf(string pdfText, string expected) => Assert.Contains(Compact(expected), pdfText);

    /// <summary>Every word of the expected text is in the PDF, in whatever order pdftotext read the page's columns.</summary>
    public static void AssertWordsInPdf(string pdfText, string expected) =>
        Assert.All(expected.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), word => Assert.Contains(Compact(word), pdfText));
}
