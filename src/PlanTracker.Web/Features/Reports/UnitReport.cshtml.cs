using Microsoft.AspNetCore.Authorization;
using PlanTracker.Core.History;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Time;

namespace PlanTracker.Web.Features.Reports;

/// <summary>
/// A unit's periodic report written in the app: its figures and items as of the cut-off are filled in, the unit writes
/// the five parts only it knows, saves them as a draft, downloads the .docx and submits it (number and date), which
/// records the submission. A submitted report is locked; "Sửa và gửi lại" replaces the submission.
/// Editors for their own unit, admins for any unit; Sở Nội vụ and the leadership read.
/// </summary>
[AutoValidateAntiforgeryToken]
public class UnitReportModel(PlanTrackerDbContext db, MonitoringReports reports, ReportSubmissions submissions, IClock clock,
    TimeProvider time, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "plan")] public int? PlanId { get; set; }
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodKey { get; set; }
    [BindProperty(SupportsGet = true, Name = "unit")] public int? UnitId { get; set; }
    [BindProperty] public TextInput Input { get; set; } = new();
    [BindProperty] public string? DocumentNumber { get; set; }
    [BindProperty] public DateOnly? DocumentDate { get; set; }

    public sealed class TextInput
    {
        public string? Highlights { get; set; }
        public string? Shortcomings { get; set; }
        public string? Difficulties { get; set; }
        public string? NextSteps { get; set; }
        public string? Proposals { get; set; }
        public int Version { get; set; }
    }

    /// <summary>What the form holds of one part (<see cref="UnitReportParts.All"/>).</summary>
    public string? InputPart(string field) => field switch
    {
        nameof(TextInput.Highlights) => Input.Highlights,
        nameof(TextInput.Shortcomings) => Input.Shortcomings,
        nameof(TextInput.Difficulties) => Input.Difficulties,
        nameof(TextInput.NextSteps) => Input.NextSteps,
        _ => Input.Proposals,
    };

    public const int MaxText = 8000;

    public UnitPeriodicReport? Report { get; private set; }
    public Plan? Plan { get; private set; }
    public List<Shared.PlanChoice> Plans { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public List<string> Errors { get; private set; } = [];

    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        UnitId ??= User.UnitId();
        if (UnitId is { } unit && !await authorization.AllowsAsync(User, new UnitRef(unit), Operations.ReadUnitReport)) return Forbid();
        if (!await LoadAsync(ct)) return NotFound();
        if (Report?.Text is { } t)
            Input = new TextInput { Highlights = t.Highlights, Shortcomings = t.Shortcomings, Difficulties = t.Difficulties, NextSteps = t.NextSteps, Proposals = t.Proposals, Version = t.Version };
        DocumentDate ??= clock.Today;
        return Page();
    }

    /// <summary>Saves the text as a draft; a submitted report is changed only through <see cref="OnPostSubmitAsync"/>.</summary>
    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => WriteAsync(submit: false, ct);

    /// <summary>Saves the text and records the submission with the number and date given, in one transaction.</summary>
    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => WriteAsync(submit: true, ct);

    private async Task<IActionResult> WriteAsync(bool submit, CancellationToken ct)
    {
        // Checked before anything else: an editor of another unit gets 403 and nothing is written.
        if (UnitId is not { } unitId || !await authorization.AllowsAsync(User, new UnitRef(unitId), Operations.WriteUnitReport)) return Forbid();
        if (PlanId is not { } planId || !await authorization.AllowsAsync(User, new PlanRef(planId), Operations.SeePlan)) return NotFound();
        if (!await authorization.AllowsAsync(User, new PlanRef(planId), Operations.ChangePlan)) return PlanLifecycle.Closed(HttpContext);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return NotFound();
        var period = reports.PeriodOf(plan, PeriodKey);
        PeriodKey = period.Key;

        var report = await db.UnitReports.FirstOrDefaultAsync(r => r.PlanId == planId && r.UnitId == unitId && r.PeriodKey == period.Key, ct);
        var submitted = report?.SubmissionId is { } sid ? await db.ReportSubmissions().FirstOrDefaultAsync(s => s.Id == sid && !s.IsRemoved, ct) : null;
        if ((report?.Version ?? 0) != Input.Version)
            return await RefuseAsync("Báo cáo vừa được người khác sửa. Trang đã tải lại bản mới nhất; nhập lại phần thay đổi của bạn.", ct);
        if (!submit && submitted is not null)
            return await RefuseAsync("Báo cáo đã gửi Sở Nội vụ. Dùng \"Sửa và gửi lại\" để sửa.", ct);
        var clean = new[] { Input.Highlights, Input.Shortcomings, Input.Difficulties, Input.NextSteps, Input.Proposals }
            .Select(t => CleanText(t) is { Length: > 0 } c ? c : null).ToArray();
        if (clean.Any(t => t?.Length > MaxText)) return await RefuseAsync($"Mỗi phần dài tối đa {MaxText} ký tự.", ct);

        var now = time.GetUtcNow().UtcDateTime;
        var actor = User.Actor();
        var isNew = report is null;
        var before = report is null ? null : Snapshot(report);
        report ??= db.UnitReports.Add(new UnitReport { PlanId = planId, UnitId = unitId, PeriodKey = period.Key }).Entity;
        (report.Highlights, report.Shortcomings, report.Difficulties, report.NextSteps, report.Proposals) = (clean[0], clean[1], clean[2], clean[3], clean[4]);
        report.UpdatedAtUtc = now;
        report.UpdatedByUserId = actor.UserId;
        report.UpdatedByName = actor.Name;
        var unitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstAsync(ct);
        db.Record(actor, now, report, isNew ? Change.Created : Change.Updated,
            (submitted is not null ? "Sửa và gửi lại " : submit ? "Gửi " : "Lưu bản nháp ") + $"{period.Name} của {unitName}",
            before: before, after: Snapshot(report), planId: planId);

        try
        {
            if (!submit)
            {
                await db.SaveChangesAsync(ct);
                Notice = "Đã lưu bản nháp.";
            }
            else
            {
                Errors = await submissions.RecordAsync(actor,
                    new ReportSubmissions.Input(planId, period.Key, unitId, DocumentNumber, DocumentDate, clock.Today, null), report, submitted, ct);
                if (Errors.Count > 0)
                {
                    db.ChangeTracker.Clear();
                    Response.StatusCode = StatusCodes.Status400BadRequest;
                    return await ShowAsync(ct);
                }
                Notice = submitted is null
                    ? "Đã gửi báo cáo và ghi nhận văn bản; thư nhắc cho kỳ này dừng."
                    : "Đã sửa và gửi lại báo cáo; lần gửi trước được ghi lại trong lịch sử.";
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await RefuseAsync("Báo cáo vừa được người khác sửa. Trang đã tải lại bản mới nhất; nhập lại phần thay đổi của bạn.", ct);
        }
        return Redirect(Link(planId, period.Key, unitId));
    }

    /// <summary>Each line cleaned as stored strings are; the unit's paragraphs stay paragraphs.</summary>
    private static string CleanText(string? text) =>
        string.Join("\n", (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(Core.Text.VietnameseText.Clean)).Trim();

    private static object Snapshot(UnitReport r) => new { r.Highlights, r.Shortcomings, r.Difficulties, r.NextSteps, r.Proposals, r.SubmissionId };

    private async Task<IActionResult> RefuseAsync(string message, CancellationToken ct)
    {
        Errors = [message];
        Response.StatusCode = StatusCodes.Status409Conflict;
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        if (Report?.Text is { } t) Input.Version = t.Version;
        return Page();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Report?.Text is { } t) Input.Version = t.Version;
        return Page();
    }

    public static string Link(int planId, string periodKey, int unitId, string extension = "") =>
        $"/reports/unit{extension}?plan={planId}&period={periodKey}&unit={unitId}";

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Plan = await reports.PlanAsync(PlanId, User);
        if (Plan is null) return PlanId is null;
        PlanId = Plan.Id;
        Plans = await Shared.PlanPicker.ChoicesAsync(db, User, ct: ct);
        var period = reports.PeriodOf(Plan, PeriodKey);
        PeriodKey = period.Key;
        var owing = (await ReportObligations.OwedByAsync(db, Plan.Id, reports.Schedule.Options, ct))(period);
        var names = await db.Units.AsNoTracking().Where(u => owing.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var readable = new List<(int, string)>();
        foreach (var u in names)
            if (await authorization.AllowsAsync(User, new UnitRef(u.Id), Operations.ReadUnitReport)) readable.Add((u.Id, u.Name));
        Units = [.. readable.OrderBy(u => u.Item2, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))];
        if (UnitId is not { } unitId || await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct) is not { } unit) return true;
        Report = await UnitPeriodicReport.BuildAsync(db, Plan, period, unit, ct);
        CanWrite = await authorization.AllowsAsync(User, new UnitRef(unitId), Operations.WriteUnitReport)
            && await authorization.AllowsAsync(User, new PlanRef(Plan.Id), Operations.ChangePlan);
        return true;
    }
}
