using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Api;

public class OpenApiDocumentTests(PlanTrackerFactory host) : IClassFixture<PlanTrackerFactory>
{
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
