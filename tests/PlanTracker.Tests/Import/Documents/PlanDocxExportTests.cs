using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Tests.Support;
using static PlanTracker.Tests.Import.Documents.PlanHtml;

namespace PlanTracker.Tests.Import.Documents;

/// <summary>Plan 163 exported as .docx and read back: the same plan, and a file LibreOffice opens.</summary>
public sealed class PlanDocxExportTests(PlanTrackerFactory host) : IClassFixture<PlanTrackerFactory>
{
    private async Task<int> Plan163Async()
    {
        await using var db = host.NewDbContext();
        return await db.Plans.Where(p => p.Number == "163/KH-UBND").Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task ExportedPlanReadsBackAsTheSeedAndOpensInLibreOffice()
    {
        var client = await host.ViewerAsync();
        var id = await Plan163Async();

        var response = await client.GetAsync($"/plans/{id}/export.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var folder = new TempFolder();
        var file = folder.File("ke-hoach-163.docx");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        var reading = Read(file);
        Assert.DoesNotContain(reading.Problems, p => p.IsError);
        var seed = Seed163();
        PlanFileDiff.AssertSame(seed, reading.Plan);
        var header = reading.Plan.Plan!;
        Assert.Equal((seed.Plan!.Number, seed.Plan.IssuedOn, seed.Plan.Title, seed.Plan.Issuer, seed.Plan.Year),
            (header.Number, header.IssuedOn, header.Title, header.Issuer, header.Year));

        // A real word processor accepts it: LibreOffice converts it to PDF with the table's words in it.
        var pdf = await LibreOffice.ConvertAsync(file, "pdf");
        var text = await LibreOffice.RunAsync("pdftotext", "-enc", "UTF-8", pdf, "-");
        Assert.Contains("163/KH-UBND", text, StringComparison.Ordinal);
        Assert.Contains("Cải cách thể chế", text.Normalize(System.Text.NormalizationForm.FormC), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePlanPageLinksTheWordExportAndAnonymousRequestsAreSentToSignIn()
    {
        var id = await Plan163Async();
        var page = await (await host.ViewerAsync()).GetStringAsync($"/plans/{id}");
        Assert.Equal($"/plans/{id}/export.docx", PageText.Parse(page).QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Tải Word").GetAttribute("href"));

        var anonymous = await host.NewClient().GetAsync($"/plans/{id}/export.docx");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.ViewerAsync()).GetAsync("/plans/999999/export.docx")).StatusCode);
    }
}
