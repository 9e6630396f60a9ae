using Microsoft.AspNetCore.Authorization;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.History;
using PlanTracker.Core.Progress;
using PlanTracker.Core.States;
using PlanTracker.Core.Time;
using PlanTracker.Web.Features.Evidence;

namespace PlanTracker.Web.Features.Progress;

/// <summary>
/// A lead unit records where it stands on a deliverable (or one quarter of a recurring one): status,
/// progress, completion date, result, evidence and files. A save made on an outdated version is refused.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
[RequestSizeLimit(64 * 1024 * 1024)]
public class EditModel(PlanTrackerDbContext db, IAuthorizationService authorization, EvidenceStore evidence, IClock clock,
    ILogger<EditModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string Period { get; set; } = "";
    [BindProperty] public ProgressInput Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public Deliverable Deliverable { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public IReadOnlyList<Periods.Period> PeriodChoices { get; private set; } = [];
    public DateOnly? Due { get; private set; }
    public DeliverableProgress? Saved { get; private set; }
    /// <summary>The date of the unit's extension request that waits for Sở Nội vụ's decision, if any.</summary>
    public DateOnly? PendingExtension { get; private set; }
    public List<Attachment> Attachments { get; private set; } = [];
    public bool IsOngoing => Deliverable.DeadlineKind == DeadlineKind.Ongoing;
    public bool VerifiesCompletions => Deliverable.Task!.Section!.Plan!.VerifiesCompletions;
    public DateOnly Today => clock.Today;
    public string MaxMegabytes => (evidence.MaxBytes / 1024.0 / 1024.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        Input = ProgressInput.From(Saved);
        return await PageAsync();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        Validate();
        var rejections = new List<string>();
        foreach (var file in Files)
            if (await evidence.RejectionAsync(file) is { } reason) rejections.Add(reason);
        if (rejections.Count == 0 && Files.Count > 0
            && await evidence.QuotaRejectionAsync(db, Unit, Files.Sum(f => f.Length), HttpContext.RequestAborted) is { } full)
            rejections.Add(full);
        rejections.ForEach(r => ModelState.AddModelError(nameof(Files), r));
        if (!ModelState.IsValid) return await PageAsync();

        if ((Saved?.Version ?? 0) != Input.Version) return await ConflictAsync();
        using var files = evidence.NewUpload();
        try
        {
            await SaveAsync(files);
            files.Keep();
        }
        catch (Exception e) when (e is DbUpdateException || StorageFaults.Describe(e) is not null)
        {
            // Leaving this block disposes the upload, which deletes every file it wrote, a partial one included.
            db.ChangeTracker.Clear();
            if (e is DbUpdateException && await SomeoneSavedFirstAsync()) return await ConflictAsync();
            logger.LogWarning(e, "Progress on deliverable {DeliverableId} for unit {UnitId} not saved; its {Files} file(s) deleted", Deliverable.Id, Unit, Files.Count);
            ModelState.AddModelError(string.Empty, StorageFaults.Describe(e) ?? StorageFaults.DatabaseRefused);
            Response.StatusCode = StorageFaults.StatusCode(e);
            return await PageAsync();
        }
        TempData["Notice"] = "Đã lưu cập nhật.";
        return Redirect($"/tasks/{Deliverable.TaskId}#deliverable-{Deliverable.Id}");
    }

    /// <summary>
    /// Whether a failed save lost a race (the stored version moved, or a first record appeared): a conflict to show
    /// side by side, not a database fault. False when the database cannot even be read.
    /// </summary>
    private async Task<bool> SomeoneSavedFirstAsync()
    {
        try
        {
            var version = await db.Progress.AsNoTracking()
                .Where(p => p.DeliverableId == Deliverable.Id && p.Period == Period && p.UnitId == Unit)
                .Select(p => (int?)p.Version).FirstOrDefaultAsync();
            return (version ?? 0) != Input.Version;
        }
        catch (Exception e) when (StorageFaults.IsDatabaseFault(e))
        {
            return false;
        }
    }

    public async Task<IActionResult> OnPostRemoveAttachmentAsync(int id, int attachmentId)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.DeliverableId == id
            && a.UnitId == Unit && a.Period == Period && !a.IsRemoved);
        if (attachment is null) return NotFound();
        var now = clock.Now.UtcDateTime;
        attachment.IsRemoved = true;
        attachment.RemovedAtUtc = now;
        db.Record(User.Actor(), now, ChangeKind.AttachmentRemoved, attachment.Id,
            $"{UnitName}: gỡ tệp \"{attachment.FileName}\" khỏi {DescribeItem()}", taskId: Deliverable.TaskId);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Đã gỡ tệp \"{attachment.FileName}\" (lịch sử vẫn ghi lại; tệp được xóa khỏi máy chủ sau {evidence.RetentionDays} ngày).";
        return Redirect($"/deliverables/{id}/progress?unit={Unit}&period={Uri.EscapeDataString(Period)}");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var deliverable = await db.Deliverables.Include(d => d.Task!).ThenInclude(t => t.Section!).ThenInclude(s => s.Plan)
            .FirstOrDefaultAsync(d => d.Id == id && !d.IsRetired && !d.Task!.IsRetired);
        if (deliverable is null) return NotFound();
        Deliverable = deliverable;
        Period ??= ""; // the binder turns an empty field into null
        if (Unit == 0 && User.UnitId() is { } own) Unit = own;

        PeriodChoices = IsOngoing
            ? Periods.Quarters.Select(q => new Periods.Period(q, null, null)).ToList()
            : Periods.Of(deliverable);
        if (string.IsNullOrEmpty(Period) && PeriodChoices.Count > 0)
            Period = IsOngoing ? $"Q{(clock.Today.Month + 2) / 3}" : PeriodChoices[0].Key;
        var period = PeriodChoices.FirstOrDefault(p => p.Key == Period);
        if (period is null) return NotFound();
        Due = period.Due;

        if (await PlanLifecycle.StatusOfTaskAsync(db, deliverable.TaskId) is not { } status || !PlanLifecycle.Sees(User, status)) return NotFound();
        if (!PlanLifecycle.IsOpen(status)) return PlanLifecycle.Closed(HttpContext);
        if (!await authorization.AllowsAsync(User, new UnitOnTask(deliverable.TaskId, Unit), Operations.UpdateProgress)) return Forbid();
        UnitName = await db.Units.Where(u => u.Id == Unit).Select(u => u.Name).SingleAsync();
        Saved = await db.Progress.FirstOrDefaultAsync(p => p.DeliverableId == id && p.Period == Period && p.UnitId == Unit);
        PendingExtension = await db.DeadlineExtensions.Where(e => e.DeliverableId == id && e.Period == Period && e.UnitId == Unit && e.Status == ExtensionStatus.Pending)
            .Select(e => (DateOnly?)e.RequestedDue).FirstOrDefaultAsync();
        return null;
    }

    /// <summary>The form with the files already attached; a save that succeeds redirects without reading them.</summary>
    private async Task<IActionResult> PageAsync()
    {
        Attachments = await db.Attachments.AsNoTracking()
            .Where(a => a.DeliverableId == Deliverable.Id && a.Period == Period && a.UnitId == Unit && !a.IsRemoved)
            .OrderBy(a => a.UploadedAtUtc).ToListAsync();
        return Page();
    }

    private void Validate()
    {
        foreach (var problem in Input.Check(IsOngoing, clock.Today)) ModelState.AddModelError(problem.Field, problem.Vietnamese);
    }

    /// <summary>Saves the record, its files and its history in one unit of work; throws when the disk or the database refuses.</summary>
    private async Task SaveAsync(UploadedFiles stored)
    {
        var now = clock.Now.UtcDateTime;
        foreach (var file in Files)
        {
            var (storedName, contentType) = await evidence.SaveAsync(stored, file, now);
            db.Attachments.Add(new Attachment
            {
                DeliverableId = Deliverable.Id, Period = Period, UnitId = Unit, FileName = UploadNames.Clean(file.FileName),
                ContentType = contentType, SizeBytes = file.Length, StoredName = storedName, UploadedAtUtc = now,
                UploadedByUserId = User.UserId(), UploadedByName = User.DisplayName(),
            });
        }

        var files = Files.Count == 0 ? "" : $"; đính kèm {string.Join(", ", Files.Select(f => UploadNames.Clean(f.FileName)))}";
        ProgressRecords.Apply(db, User, now, Deliverable, Unit, UnitName, Period, Saved, Input, files);
        await db.SaveChangesAsync();
    }

    private async Task<IActionResult> ConflictAsync()
    {
        db.ChangeTracker.Clear();
        Saved = await db.Progress.AsNoTracking().FirstOrDefaultAsync(p => p.DeliverableId == Deliverable.Id && p.Period == Period && p.UnitId == Unit);
        IsConflict = true;
        ModelState.Remove("Input.Version");
        Input.Version = Saved?.Version ?? 0;
        return await PageAsync();
    }

    public bool IsConflict { get; private set; }

    public string DescribeItem() => ProgressRecords.Describe(Deliverable, Period);
}
