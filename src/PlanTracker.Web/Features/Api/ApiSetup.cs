using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace PlanTracker.Web.Features.Api;

/// <summary>
/// The REST API under /api/v1, its OpenAPI document at /openapi/v1.json and its reference page at /scalar/v1, all for
/// signed-in callers (any authentication scheme: plain RequireAuthorization, the same policies and handlers as the pages).
/// </summary>
public static class ApiSetup
{
    public const string Prefix = "/api/v1";
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static IServiceCollection AddPlanTrackerApi(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiProblems.Complete);
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith(Prefix[1..], StringComparison.OrdinalIgnoreCase) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "PlanTracker API";
                document.Info.Description = "Plans, tasks, deliverables and their states, progress, comments and report submissions. " +
                    "Errors are RFC 9457 problem details, in Vietnamese or (Accept-Language: en) English.";
                // Each installation has its own address: the server is the one the document was read from (with any path base).
                document.Servers = [new OpenApiServer { Url = ServerPath(document.Servers) }];
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, _, _) =>
            {
                // The web JSON defaults also read numbers written as strings, which the schemas say as "integer or string"
                // with a pattern: generated clients then type every id as a union. The API writes numbers; so does the document.
                if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0)
                {
                    schema.Type = type & ~JsonSchemaType.String;
                    schema.Pattern = null;
                }
                // An enum used once as nullable gets null among its values everywhere; a nullable use says so itself (oneOf null).
                if (schema.Enum is { Count: > 0 } values)
                    foreach (var none in values.Where(v => v is null).ToList()) values.Remove(none);
                return Task.CompletedTask;
            });
        });
        return services;
    }

    private static string ServerPath(IList<OpenApiServer>? servers) =>
        servers?.FirstOrDefault()?.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.TrimEnd('/') is { Length: > 0 } path
            ? path : "/";

    public static WebApplication MapPlanTrackerApi(this WebApplication app)
    {
        var api = app.MapGroup(Prefix).RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        PlanEndpoints.Map(api);
        SectionEndpoints.Map(api);
        TaskEndpoints.Map(api);
        DeliverableEndpoints.Map(api);
        UnitEndpoints.Map(api);
        ProgressEndpoints.Map(api);
        CommentEndpoints.Map(api);
        ReportSubmissionEndpoints.Map(api);

        app.MapOpenApi().RequireAuthorization();
        // Scalar's default fonts come from fonts.scalar.com: the page uses the browser's own, nothing loads from elsewhere.
        app.MapScalarApiReference(o => o.DisableDefaultFonts()).RequireAuthorization();
        return app;
    }
}

/// <summary>One page of a list: its items in a stable order, and how many there are in all.</summary>
public sealed record ItemPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>The <c>page</c> (from 1) and <c>pageSize</c> (1 to <see cref="ApiSetup.MaxPageSize"/>, 50 by default) of a list.</summary>
public readonly record struct Paging(int Page, int Size)
{
    public int Skip => (Page - 1) * Size;

    public static bool TryRead(HttpContext http, int? page, int? pageSize, out Paging paging, out Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? problem)
    {
        var errors = new List<(string, string, string)>();
        if (page is < 1) errors.Add(("page", "Trang phải từ 1 trở lên.", "page must be 1 or more."));
        if (pageSize is < 1 or > ApiSetup.MaxPageSize)
            errors.Add(("pageSize", $"Số dòng mỗi trang phải từ 1 đến {ApiSetup.MaxPageSize}.", $"pageSize must be from 1 to {ApiSetup.MaxPageSize}."));
        paging = new(page ?? 1, pageSize ?? ApiSetup.DefaultPageSize);
        problem = errors.Count == 0 ? null : ApiProblems.Invalid(http, errors);
        return problem is null;
    }

    public ItemPage<T> Of<T>(IReadOnlyList<T> items, int total) => new(items, Page, Size, total);
}

/// <summary>UTC instants from the database go out marked as UTC ("...Z"): SQLite gives them back unmarked.</summary>
public static class ApiTime
{
    public static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
    public static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}
