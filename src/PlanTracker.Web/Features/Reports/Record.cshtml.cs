using Microsoft.AspNetCore.Authorization;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Time;

namespace PlanTracker.Web.Features.Reports;

/// <summary>
/// A unit records that it sent a periodic report (number, date, file); that stops its reminders. A unit
/// editor records for its own unit only, admins for any unit. Removal keeps the row, marked removed.
/// </summary>
[Authorize(Policy = Policies.AdminOrUnitEditor)]
[RequestFormLimits(MultipartBodyLengthLimit = 64L * 1024 * 1024)]
[RequestSizeLimit(64L * 1024 * 1024)]
public class RecordModel(PlanTrackerDbContext db, ReportSubmissions submissions, ReportSchedule schedule, IClock clock,
    IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "plan")] public int? PlanId { get; set; }
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodKey { get; set; }
    [BindProperty(SupportsGet = true, Name = "unit")] public int? UnitId { get; set; }
    [BindProperty] public string? DocumentNumber { get; set; }
    [BindProperty] public DateOnly? DocumentDate { get; set; }
    [BindProperty] public DateOnly? SubmittedOn { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public Plan? Plan { get; private set; }
    public IReadOnlyList<ReportingPeriod> Reports { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public List<ReportSubmission> Recorded { get; private set; } = [];
    public List<string> Errors { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        UnitId ??= User.UnitId();
        SubmittedOn ??= clock.Today;
        if (UnitId is { } unit && !await authorization.AllowsAsync(User, new UnitRef(unit), Operations.RecordReport)) return Forbid();
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Checked before anything else: an editor of another unit gets 403 and nothing is written.
        if (UnitId is not { } unit || !await authorization.AllowsAsync(User, new UnitRef(unit), Operations.RecordReport)) return Forbid();
        if (PlanId is { } asked && !await authorization.AllowsAsync(User, new PlanRef(asked), Operations.SeePlan)) return NotFound();
        if (PlanId is { } planId && !await authorization.AllowsAsync(User, new PlanRef(planId), Operations.ChangePlan)) return PlanLifecycle.Closed(HttpContext);
        Errors = await submissions.RecordAsync(User.Actor(),
            new ReportSubmissions.Input(PlanId ?? 0, PeriodKey ?? "", unit, DocumentNumber, DocumentDate, SubmittedOn, Upload), ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(ct) ? Page() : NotFound();
        }
        Notice = "Đã ghi nhận báo cáo. Thư nhắc cho kỳ này sẽ dừng.";
        return Redirect($"/reports?plan={PlanId}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var submission = await db.ReportSubmissions().FirstOrDefaultAsync(s => s.Id == id && !s.IsRemoved, ct);
        if (submission is null) return NotFound();
        if (!await authorization.AllowsAsync(User, new PlanRef(submission.PlanId), Operations.ChangePlan)) return PlanLifecycle.Closed(HttpContext);
        if (!await authorization.AllowsAsync(User, submission, Operations.RemoveReport)) return Forbid();
        await submissions.RemoveAsync(User.Actor(), submission, ct);
        Notice = "Đã gỡ ghi nhận báo cáo.";
        return Redirect($"/reports/record?plan={submission.PlanId}&unit={submission.UnitId}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Plan = await db.Plans.AsNoTracking().VisibleTo(User).AskedOrCurrentAsync(PlanId, clock.Today, ct);
        if (Plan is null) return false;
        PlanId = Plan.Id;
        Reports = schedule.Of(Plan.Year);
        var owedBy = await ReportObligations.OwedByAsync(db, Plan.Id, schedule.Options, ct);
        var owing = Reports.SelectMany(owedBy).Distinct().ToList();
        var mine = owing.Where(u => User.ActsFor(u)).ToList();
        Units = (await db.Units.AsNoTracking().Where(u => mine.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
        if (UnitId is { } unit)
            Recorded = await db.ReportSubmissions().AsNoTracking()
                .Where(s => s.PlanId == Plan.Id && s.UnitId == unit && !s.IsRemoved).OrderBy(s => s.PeriodKey).ToListAsync(ct);
        return true;
    }

    public string ReportLabel(string key) => Reports.FirstOrDefault(r => r.Key == key)?.Name ?? key;
}
