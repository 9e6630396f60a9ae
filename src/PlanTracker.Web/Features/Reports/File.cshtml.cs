using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.StaticFiles;
using PlanTracker.Core.PeriodicReports;

namespace PlanTracker.Web.Features.Reports;

/// <summary>A report's file, for Sở Nội vụ, the leadership and the unit itself; always as a download.</summary>
public class FileModel(PlanTrackerDbContext db, ReportSubmissions submissions, IAuthorizationService authorization) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var s = await db.ReportSubmissions().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s?.StoredName is null) return NotFound();
        if (!await authorization.AllowsAsync(User, s, Operations.DownloadReportFile)) return Forbid();
        var path = Path.GetFullPath(Path.Combine(submissions.AttachmentsFolder, s.StoredName));
        if (!path.StartsWith(submissions.AttachmentsFolder, StringComparison.Ordinal) || !System.IO.File.Exists(path)) return NotFound();
        var type = new FileExtensionContentTypeProvider().TryGetContentType(path, out var t) ? t : "application/octet-stream";
        Response.Headers.CacheControl = Evidence.DownloadModel.NoStore;
        return PhysicalFile(path, type, s.FileName ?? Path.GetFileName(path));
    }
}
