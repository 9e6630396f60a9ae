using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Api;

public class OpenApiDocumentTests(PlanTrackerFactory host) : IClassFixture<PlanTrackerFactory>
{
    /// <summary>The document as committed: the Kiota client in Generated/ is made from it (deploy/openapi.sh).</summary>
    public static string CommittedDocument => Path.Combine(RepoPaths.Root, "docs", "openapi", "v1.json");

    public static string LintFolder => Path.Combine(RepoPaths.Root, "tests", "openapi-lint");

    private async Task<string> ServedDocumentAsync()
    {
        var response = await (await host.ViewerAsync()).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    /// <summary>
    /// With PLANTRACKER_WRITE_OPENAPI=1 (deploy/openapi.sh sets it) the served document is written over the committed
    /// one instead of compared.
    /// </summary>
    [Fact]
    public async Task The_served_document_is_the_committed_one()
    {
        var served = await ServedDocumentAsync();

        if (Environment.GetEnvironmentVariable("PLANTRACKER_WRITE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CommittedDocument)!);
            await File.WriteAllTextAsync(CommittedDocument, served);
        }
        var committed = File.Exists(CommittedDocument) ? (await File.ReadAllTextAsync(CommittedDocument)).ReplaceLineEndings("\n") : "(missing)";
        Assert.True(committed == served,
            "docs/openapi/v1.json differs from the document the app serves. Run `deploy/openapi.sh` from the repository's root: " +
            "it writes the served document there and generates the test project's client from it again; commit both.");
    }

    /// <summary>Spectral (npm @stoplight/spectral-cli, tests/openapi-lint) with its OpenAPI rules: no error, no warning.</summary>
    [Fact]
    public async Task The_served_document_passes_the_openapi_linter()
    {
        var spectral = Path.Combine(LintFolder, "node_modules", "@stoplight", "spectral-cli", "dist", "index.js");
        Assert.True(File.Exists(spectral), $"The linter is missing: run `npm ci --prefix tests/openapi-lint` (test.sh does) in {RepoPaths.Root}.");
        var document = host.Folder.Write("openapi-v1.json", await ServedDocumentAsync());

        var (exitCode, output) = await RunAsync("node", spectral, "lint", document, "--ruleset", Path.Combine(LintFolder, ".spectral.yaml"),
            "--fail-severity", "warn", "--format", "text");

        Assert.True(exitCode == 0, $"The linter found problems in the served document (exit code {exitCode}):\n{output}");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Node.js is missing (`node` is not on the PATH): test.sh installs Debian's nodejs and npm.", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            // A hung linter is killed, not left behind; a normal run takes seconds.
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} did not finish within 5 minutes.");
            }
            return (process.ExitCode, await output + await error);
        }
    }

    [Fact]
    public async Task The_document_lists_every_api_operation_with_an_operation_id_and_a_typed_answer()
    {
        var client = await host.ViewerAsync();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Method: op.Name.ToUpperInvariant(), Operation: op.Value)))
            .ToList();
        Assert.All(operations, o => Assert.StartsWith("/api/v1/", o.Path, StringComparison.Ordinal));
        Assert.All(operations, o => Assert.False(string.IsNullOrEmpty(o.Operation.GetProperty("operationId").GetString()), $"{o.Method} {o.Path}"));
        Assert.All(operations, o => Assert.True(o.Operation.GetProperty("responses").EnumerateObject()
            .Any(r => r.Name.StartsWith('2') && r.Value.TryGetProperty("content", out _)), $"{o.Method} {o.Path} has no typed success"));
        var named = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.OrdinalIgnoreCase) == true)
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? $"(unnamed {e.RoutePattern.RawText})")
            .Order().ToList();
        Assert.Equal(named, operations.Select(o => o.Operation.GetProperty("operationId").GetString()!).Order().ToList());
        Assert.True(document.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty("ProgressUpdate", out _));
    }

    [Fact]
    public async Task Anonymous_visitors_get_neither_the_document_nor_the_reference_page()
    {
        var anonymous = host.NewClient();

        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/scalar/v1")).StatusCode);
    }

    [Fact]
    public async Task The_reference_page_opens_for_a_signed_in_user()
    {
        var client = await host.ViewerAsync();

        var response = await client.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
