using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using PlanTracker.Web.Features.Reports;

namespace PlanTracker.Web.Features.Plans.Export;

/// <summary>
/// A plan downloaded as the documents it is issued as (.docx) or as the app's template (.xlsx), for anyone who may
/// see it; both read back to the same plan. The empty template is for admins.
/// </summary>
public static partial class PlanExportEndpoints
{
    public static IEndpointRouteBuilder MapPlanExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/plans/{id:int}/export.docx", (int id, PlanTrackerDbContext db, IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
            ExportAsync(id, db, authorization, user, PlanDocxExport.Write, ReportEndpoints.Docx, "docx", ct)).RequireAuthorization();
        app.MapGet("/plans/{id:int}/export.xlsx", (int id, PlanTrackerDbContext db, IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
            ExportAsync(id, db, authorization, user, PlanXlsxExport.Write, ReportEndpoints.Xlsx, "xlsx", ct)).RequireAuthorization();
        app.MapGet("/admin/plans/template.xlsx", () => ReportEndpoints.File(PlanXlsxExport.WriteTemplate, ReportEndpoints.Xlsx, "mau-ke-hoach.xlsx"))
            .RequireAuthorization(new AuthorizeAttribute { Policy = Policies.Admin });
        return app;
    }

    /// <summary>A plan the user may not see answers 404, as its page does.</summary>
    private static async Task<IResult> ExportAsync(int id, PlanTrackerDbContext db, IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user,
        Action<Plan, Stream> write, string contentType, string extension, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(user, new PlanRef(id), Operations.SeePlan)) return Results.NotFound();
        var plan = await LoadAsync(db, id, ct);
        if (plan is null) return Results.NotFound();
        return ReportEndpoints.File(stream => write(plan, stream), contentType, $"ke-hoach-{FileName(plan.Number)}.{extension}");
    }

    /// <summary>The plan's live sections, tasks, deliverables and printed unit assignments, in order.</summary>
    private static Task<Plan?> LoadAsync(PlanTrackerDbContext db, int id, CancellationToken ct) =>
        db.Plans.AsNoTracking().Live().AsSplitQuery()
            .Include(p => p.Sections.Where(s => !s.IsRetired).OrderBy(s => s.SortOrder))
                .ThenInclude(s => s.Tasks.Where(t => !t.IsRetired).OrderBy(t => t.SortOrder))
                .ThenInclude(t => t.Deliverables.Where(d => !d.IsRetired).OrderBy(d => d.SortOrder))
            .Include(p => p.Sections.Where(s => !s.IsRetired).OrderBy(s => s.SortOrder))
                .ThenInclude(s => s.Tasks.Where(t => !t.IsRetired).OrderBy(t => t.SortOrder))
                .ThenInclude(t => t.Assignments.Where(a => !a.IsRetired && !a.IsInferred).OrderBy(a => a.SortOrder))
            .FirstOrDefaultAsync(p => p.Id == id, ct);

    private static string FileName(string number) => Unsafe().Replace(Core.Text.VietnameseText.SearchKey(number), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Unsafe();
}
