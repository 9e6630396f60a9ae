using PlanTracker.Web.Features.Reports;
using PlanTracker.Web.Features.Reports.Export;

namespace PlanTracker.Web.Features.Tasks;

/// <summary>Any filtered task list as a workbook or a Word document, for every signed-in user (the list's own query).</summary>
public static class TaskListExports
{
    public static IEndpointRouteBuilder MapTaskListExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tasks/export.xlsx", ([AsParameters] TaskFilterQuery q, MonitoringReports reports, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
            ItemsAsync(reports, q.ToFilter(), user, ReportEndpoints.Xlsx, ".xlsx", ReportXlsx.WriteItems, ct));
        app.MapGet("/tasks/export.docx", ([AsParameters] TaskFilterQuery q, MonitoringReports reports, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
            ItemsAsync(reports, q.ToFilter(), user, ReportEndpoints.Docx, ".docx", ReportDocx.WriteItems, ct));
        return app;
    }

    private static async Task<IResult> ItemsAsync(MonitoringReports reports, TaskFilter filter, System.Security.Claims.ClaimsPrincipal user, string contentType, string extension,
        Action<ItemList, Stream> write, CancellationToken ct)
    {
        var list = await reports.ItemListAsync(filter, user, ct);
        if (list is null) return Results.NotFound();
        return ReportEndpoints.File(stream => write(list, stream), contentType, $"danh-sach-san-pham-{list.AsOf:yyyy-MM-dd}{extension}");
    }

    /// <summary>The task list's query string, bound leniently: a value that does not parse is ignored, as on the page.</summary>
    public sealed class TaskFilterQuery
    {
        [FromQuery(Name = "Plan")] public string? Plan { get; set; }
        [FromQuery(Name = "Section")] public string? Section { get; set; }
        [FromQuery(Name = "Unit")] public string? Unit { get; set; }
        [FromQuery(Name = "Role")] public string? Role { get; set; }
        [FromQuery(Name = "Quarter")] public string? Quarter { get; set; }
        [FromQuery(Name = "Kind")] public string? Kind { get; set; }
        [FromQuery(Name = "Q")] public string? Q { get; set; }
        [FromQuery(Name = "State")] public string? State { get; set; }
        [FromQuery(Name = "AsOf")] public string? AsOf { get; set; }

        public TaskFilter ToFilter() => new()
        {
            Plan = int.TryParse(Plan, out var plan) ? plan : null,
            Section = int.TryParse(Section, out var section) ? section : null,
            Unit = int.TryParse(Unit, out var unit) ? unit : null,
            Role = Enum.TryParse<Core.Plans.AssignmentRole>(Role, true, out var role) && Enum.IsDefined(role) ? role : null,
            Quarter = Quarter,
            Kind = Enum.TryParse<Core.Deadlines.DeadlineKind>(Kind, true, out var kind) && Enum.IsDefined(kind) ? kind : null,
            Q = Q,
            State = State,
            AsOf = DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", out var asOf) ? asOf : null,
        };
    }
}
