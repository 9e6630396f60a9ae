using Microsoft.AspNetCore.Authorization;
using PlanTracker.Web.Features.Reports.Export;

namespace PlanTracker.Web.Features.Reports;

/// <summary>The periodic report as a Word document or a workbook, for Sở Nội vụ and the leadership.</summary>
public static class ReportEndpoints
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapReportExports(this IEndpointRouteBuilder app)
    {
        var readers = new AuthorizeAttribute { Policy = Policies.AdminOrViewer };
        app.MapGet("/reports/periodic.docx", (MonitoringReports reports, System.Security.Claims.ClaimsPrincipal user, int? plan, string? period, CancellationToken ct) =>
            PeriodicAsync(reports, user, plan, period, Docx, ".docx", ReportDocx.WritePeriodic, ct)).RequireAuthorization(readers);
        app.MapGet("/reports/periodic.xlsx", (MonitoringReports reports, System.Security.Claims.ClaimsPrincipal user, int? plan, string? period, CancellationToken ct) =>
            PeriodicAsync(reports, user, plan, period, Xlsx, ".xlsx", ReportXlsx.WritePeriodic, ct)).RequireAuthorization(readers);
        return app;
    }

    private static async Task<IResult> PeriodicAsync(MonitoringReports reports, System.Security.Claims.ClaimsPrincipal user, int? planId, string? key, string contentType, string extension,
        Action<Core.PeriodicReports.PeriodicReport, Stream> write, CancellationToken ct)
    {
        var plan = await reports.PlanAsync(planId, user);
        if (plan is null) return Results.NotFound();
        var report = await reports.PeriodicAsync(plan, reports.PeriodOf(plan, key), ct);
        return File(stream => write(report, stream), contentType, $"bao-cao-cchc-{report.Period.Key}{extension}");
    }

    /// <summary>A document written to memory (the Open XML packager needs a seekable stream), then sent.</summary>
    public static IResult File(Action<Stream> write, string contentType, string name)
    {
        var buffer = new MemoryStream();
        write(buffer);
        buffer.Position = 0;
        return Results.File(buffer, contentType, name);
    }
}
