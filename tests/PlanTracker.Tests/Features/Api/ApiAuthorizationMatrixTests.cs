using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;
using static System.Net.HttpStatusCode;

namespace PlanTracker.Tests.Features.Api;

/// <summary>
/// Each role against each /api/v1 endpoint, on plan 163 and task 1.a (led by Sở Tư pháp; Ninh Kiều coordinates it through
/// "UBND quận, huyện"; Cục Thuế is not on it). Reads are open to every signed-in account; writes follow the pages' handlers.
/// A second test fails when an endpoint of the app is missing from the table.
/// </summary>
public class ApiAuthorizationMatrixTests(ApiAuthorizationMatrixTests.Host host) : IClassFixture<ApiAuthorizationMatrixTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    public enum Who { Anonymous, Admin, Viewer, LeadEditor, CoordinatingEditor, OtherUnitEditor }

    private static readonly HttpStatusCode[] Read = [Unauthorized, OK, OK, OK, OK, OK];

    /// <summary>
    /// Endpoint (method and route pattern, as the app maps it) → the answer for Anonymous, Admin, Viewer, LeadEditor,
    /// CoordinatingEditor, OtherUnitEditor. Add a row for every new endpoint.
    /// </summary>
    public static readonly Dictionary<string, HttpStatusCode[]> Matrix = new()
    {
        ["GET /api/v1/plans"] = Read,
        ["GET /api/v1/plans/{id:int}"] = Read,
        ["GET /api/v1/plans/{planId:int}/sections"] = Read,
        ["GET /api/v1/tasks"] = Read,
        ["GET /api/v1/tasks/{id:int}"] = Read,
        ["GET /api/v1/deliverables"] = Read,
        ["GET /api/v1/deliverables/{id:int}"] = Read,
        ["GET /api/v1/units"] = Read,
        ["GET /api/v1/deliverables/{id:int}/progress"] = Read,
        ["PUT /api/v1/deliverables/{id:int}/progress/{unitId:int}"] = [Unauthorized, OK, Forbidden, OK, Forbidden, Forbidden],
        ["GET /api/v1/tasks/{id:int}/comments"] = Read,
        ["POST /api/v1/tasks/{id:int}/comments"] = [Unauthorized, Created, Forbidden, Created, Created, Forbidden],
        ["GET /api/v1/report-submissions"] = Read,
        ["GET /api/v1/me"] = Read,
    };

    public static TheoryData<string, Who> Cases()
    {
        var data = new TheoryData<string, Who>();
        foreach (var endpoint in Matrix.Keys)
            foreach (var who in Enum.GetValues<Who>())
                data.Add(endpoint, who);
        return data;
    }

    private async Task<HttpClient> ClientAsync(Who who) => who switch
    {
        Who.Anonymous => host.NewClient(),
        Who.Admin => await host.AdminAsync(),
        Who.Viewer => await host.ViewerAsync(),
        Who.LeadEditor => await host.SignedInClientAsync(Roles.UnitEditor, "STP"),
        Who.CoordinatingEditor => await host.SignedInClientAsync(Roles.UnitEditor, "UBND_NINHKIEU"),
        _ => await host.SignedInClientAsync(Roles.UnitEditor, "CUCTHUE"),
    };

    private async Task<HttpResponseMessage> RequestAsync(HttpClient client, string endpoint)
    {
        var (taskId, deliverableId) = await host.DeliverableAsync("1.a", 0);
        var stp = await host.UnitIdAsync("STP");
        int planId, version;
        await using (var db = host.NewDbContext())
        {
            planId = await db.Plans.Where(p => p.Number == "163/KH-UBND").Select(p => p.Id).SingleAsync();
            version = await db.Progress.Where(p => p.DeliverableId == deliverableId && p.UnitId == stp && p.Period == "").Select(p => p.Version).FirstOrDefaultAsync();
        }
        var path = endpoint[(endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..]
            .Replace("{planId:int}", $"{planId}", StringComparison.Ordinal)
            .Replace("{unitId:int}", $"{stp}", StringComparison.Ordinal)
            .Replace("/plans/{id:int}", $"/plans/{planId}", StringComparison.Ordinal)
            .Replace("/tasks/{id:int}", $"/tasks/{taskId}", StringComparison.Ordinal)
            .Replace("/deliverables/{id:int}", $"/deliverables/{deliverableId}", StringComparison.Ordinal);
        if (path is "/api/v1/tasks" or "/api/v1/deliverables" or "/api/v1/report-submissions") path += $"?plan={planId}";
        return endpoint.Split(' ')[0] switch
        {
            "GET" => await client.GetAsync(path),
            "PUT" => await client.PutAsJsonAsync(path, new { status = "InProgress", progressPercent = 10 + version, version }),
            "POST" => await client.PostAsJsonAsync(path, new { text = "Ý kiến từ bảng phân quyền" }),
            var method => throw new InvalidOperationException($"No request for {method} in the matrix"),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_the_answer_the_matrix_gives(string endpoint, Who who)
    {
        var response = await RequestAsync(await ClientAsync(who), endpoint);

        Assert.Equal(Matrix[endpoint][(int)who], response.StatusCode);
        if ((int)response.StatusCode >= 400)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Every_endpoint_under_api_v1_has_a_row_in_the_matrix()
    {
        host.StartServer();
        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();

        Assert.NotEmpty(mapped);
        Assert.Empty(mapped.Except(Matrix.Keys));
        Assert.Empty(Matrix.Keys.Except(mapped));
    }
}
