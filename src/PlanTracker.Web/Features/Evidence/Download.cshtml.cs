using Microsoft.AspNetCore.Authorization;

namespace PlanTracker.Web.Features.Evidence;

/// <summary>Serves an evidence file to a signed-in user who may see its task; never from wwwroot.</summary>
public class DownloadModel(PlanTrackerDbContext db, IAuthorizationService authorization, EvidenceStore store) : PageModel
{
    /// <summary>For evidence and report files: no shared proxy keeps them, and no browser after the session ends.</summary>
    public const string NoStore = "private, no-store";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var file = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == id && !a.IsRemoved)
            .Select(a => new { a.StoredName, a.FileName, a.ContentType, a.Deliverable!.TaskId })
            .FirstOrDefaultAsync();
        if (file is null) return NotFound();
        if (!await authorization.AllowsAsync(User, new TaskRef(file.TaskId), Operations.SeeEvidence)) return Forbid();
        var path = store.PathOf(file.StoredName);
        if (!System.IO.File.Exists(path)) return NotFound();
        Response.Headers.CacheControl = NoStore;
        return PhysicalFile(path, file.ContentType, file.FileName);
    }
}
