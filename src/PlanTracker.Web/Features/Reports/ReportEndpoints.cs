using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PlanTracker.Web.Features.Reports.Export;
using PlanTracker.Web.Features.Tasks;

namespace PlanTracker.Web.Features.Reports;

/// <summary>File downloads: the periodic report (Admin, Viewer) and any filtered task list (every signed-in user).</summary>
public static class ReportEndpoints
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapReportExports(this IEndpointRouteBuilder app)
    {
        var readers = new AuthorizeAttribute { Policy = Policies.AdminOrViewer };
        app.MapGet("/reports/periodic.docx", (MonitoringReports reports, int? plan, string? period, CancellationToken ct) =>
            PeriodicAsync(reports, plan, period, Docx, ".docx", ReportDocx.WritePeriodic, ct)).RequireAuthorization(readers);
        app.MapGet("/reports/periodic.xlsx", (MonitoringReports reports, int? plan, string? period, CancellationToken ct) =>
            PeriodicAsync(reports, plan, period, Xlsx, ".xlsx", ReportXlsx.WritePeriodic, ct)).RequireAuthorization(readers);
        app.MapGet("/tasks/export.xlsx", ([AsParameters] TaskFilterQuery q, MonitoringReports reports, CancellationToken ct) =>
            ItemsAsync(reports, q.ToFilter(), Xlsx, ".xlsx", ReportXlsx.WriteItems, ct));
        app.MapGet("/tasks/export.docx", ([AsParameters] TaskFilterQuery q, MonitoringReports reports, CancellationToken ct) =>
            ItemsAsync(reports, q.ToFilter(), Docx, ".docx", ReportDocx.WriteItems, ct));
        return app;
    }

    private static async Task<IResult> PeriodicAsync(MonitoringReports reports, int? planId, string? key, string contentType, string extension,
        Action<Core.PeriodicReports.PeriodicReport, Stream> write, CancellationToken ct)
    {
        var plan = await reports.PlanAsync(planId);
        if (plan is null) return Results.NotFound();
        var report = await reports.PeriodicAsync(plan, reports.PeriodOf(plan, key), ct);
        return File(stream => write(report, stream), contentType, $"bao-cao-cchc-{report.Period.Key}{extension}");
    }

    private static async Task<IResult> ItemsAsync(MonitoringReports reports, TaskFilter filter, string contentType, string extension,
        Action<ItemList, Stream> write, CancellationToken ct)
    {
        var list = await reports.ItemListAsync(filter, ct);
        if (list is null) return Results.NotFound();
        return File(stream => write(list, stream), contentType, $"danh-sach-san-pham-{list.AsOf:yyyy-MM-dd}{extension}");
    }

    private static IResult File(Action<Stream> write, string contentType, string name)
    {
        // The Open XML packager needs a seekable stream; the file is written to memory, then sent.
        var buffer = new MemoryStream();
        write(buffer);
        buffer.Position = 0;
        return Results.File(buffer, contentType, name);
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
