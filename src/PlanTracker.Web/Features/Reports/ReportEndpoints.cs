using Microsoft.AspNetCore.Authorization;
using PlanTracker.Web.Features.Reports.Export;

namespace PlanTracker.Web.Features.Reports;

/// <summary>The periodic report as a Word document or a workbook, for Sở Nội vụ and the leadership; a unit's own report as a Word document.</summary>
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
        app.MapGet("/reports/unit.docx", UnitDocxAsync);
        return app;
    }

    /// <summary>A unit's own report under its letterhead: for those who may read that unit's report (403 for other units' editors).</summary>
    private static async Task<IResult> UnitDocxAsync(MonitoringReports reports, Core.Data.PlanTrackerDbContext db, IAuthorizationService authorization,
        Core.Time.IClock clock, System.Security.Claims.ClaimsPrincipal user, int? plan, string? period, int? unit, CancellationToken ct)
    {
        var unitId = unit ?? user.UnitId();
        if (unitId is not { } id) return Results.NotFound();
        if (!await authorization.AllowsAsync(user, new UnitRef(id), Operations.ReadUnitReport)) return Results.Forbid();
        var found = await reports.PlanAsync(plan, user);
        var owner = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (found is null || owner is null) return Results.NotFound();
        var report = await Core.PeriodicReports.UnitPeriodicReport.BuildAsync(db, found, reports.PeriodOf(found, period), owner, ct);
        return File(stream => ReportDocx.WriteUnit(report, clock.Today, stream), Docx,
            $"bao-cao-cchc-{report.Period.Key}-{owner.Code.ToLowerInvariant()}.docx");
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
