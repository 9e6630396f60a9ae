using Microsoft.AspNetCore.Authorization;
using PlanTracker.Core.History;
using PlanTracker.Core.Progress;
using PlanTracker.Core.Reminders;
using PlanTracker.Core.States;
using PlanTracker.Core.Time;

namespace PlanTracker.Web.Features.Extensions;

/// <summary>
/// Sở Nội vụ's queue of deadline extension requests: approve (the unit's item takes the new deadline, the plan's stays
/// on record) or refuse with a note. The unit is told by e-mail through the outbox, queued in the decision's save.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public class IndexModel(PlanTrackerDbContext db, IClock clock, IConfiguration config) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Plan { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    /// <summary>"Pending" (the default), "Approved", "Refused" or "All".</summary>
    [BindProperty(SupportsGet = true)] public string Status { get; set; } = nameof(ExtensionStatus.Pending);

    public sealed record Row(DeadlineExtension Request, int TaskId, string TaskCode, string? Product, string UnitName, string PlanNumber);

    public string? Notice => TempData["Notice"] as string;
    public string? Error => TempData["Error"] as string;
    public List<Row> Rows { get; private set; } = [];
    public List<PlanChoice> Plans { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plans = await PlanPicker.ChoicesAsync(db, User, ct: ct);
        Units = (await db.DeadlineExtensions.AsNoTracking().Select(e => new { e.UnitId, e.Unit!.Name }).Distinct().ToListAsync(ct))
            .OrderBy(u => u.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
            .Select(u => (u.UnitId, u.Name)).ToList();
        var query = db.DeadlineExtensions.AsNoTracking().AsQueryable();
        if (Plan is { } plan) query = query.Where(e => e.Deliverable!.Task!.Section!.PlanId == plan);
        if (Unit is { } unit) query = query.Where(e => e.UnitId == unit);
        if (Enum.TryParse<ExtensionStatus>(Status, out var status)) query = query.Where(e => e.Status == status);
        Rows = (await query
                .OrderBy(e => e.Status).ThenBy(e => e.RequestedAtUtc)
                .Select(e => new { Request = e, e.Deliverable!.TaskId, e.Deliverable.Task!.Code, e.Deliverable.Product, UnitName = e.Unit!.Name,
                    e.Deliverable.Task.Section!.Plan!.Number })
                .Take(500).ToListAsync(ct))
            .Select(r => new Row(r.Request, r.TaskId, r.Code, r.Product, r.UnitName, r.Number)).ToList();
    }

    public Task<IActionResult> OnPostApproveAsync(int id, int version, string? note) => DecideAsync(id, version, note, ExtensionStatus.Approved);

    public Task<IActionResult> OnPostRefuseAsync(int id, int version, string? note) => DecideAsync(id, version, note, ExtensionStatus.Refused);

    private async Task<IActionResult> DecideAsync(int id, int version, string? note, ExtensionStatus decision)
    {
        var extension = await db.DeadlineExtensions.Include(e => e.Deliverable!).ThenInclude(d => d.Task!).ThenInclude(t => t.Section!)
            .Include(e => e.Unit).FirstOrDefaultAsync(e => e.Id == id);
        if (extension is null) return NotFound();
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (extension.Version != version || extension.Status != ExtensionStatus.Pending)
            return Back("Đề nghị này vừa được quyết định hoặc thay đổi; xem lại danh sách.", error: true);
        if (decision == ExtensionStatus.Refused && note is null)
            return Back("Nhập ý kiến (lý do) khi không chấp thuận gia hạn.", error: true);
        if (note?.Length > 2000) return Back("Ý kiến dài quá 2000 ký tự.", error: true);
        if (await PlanLifecycle.StatusOfTaskAsync(db, extension.Deliverable!.TaskId) is not { } planStatus || !PlanLifecycle.IsOpen(planStatus))
            return PlanLifecycle.Closed(HttpContext);

        var now = clock.Now.UtcDateTime;
        extension.Status = decision;
        extension.DecidedAtUtc = now;
        extension.DecidedByUserId = User.UserId();
        extension.DecidedByName = User.DisplayName();
        extension.DecisionNote = note;
        var d = extension.Deliverable;
        var item = $"{d.Task!.Code} \"{d.Product ?? "sản phẩm"}\"{(extension.Period == "" ? "" : " " + Periods.Label(extension.Period))}";
        if (decision == ExtensionStatus.Approved)
        {
            var progress = await db.Progress.FirstOrDefaultAsync(p => p.DeliverableId == d.Id && p.Period == extension.Period && p.UnitId == extension.UnitId)
                ?? db.Progress.Add(new DeliverableProgress
                {
                    DeliverableId = d.Id, Period = extension.Period, UnitId = extension.UnitId, Version = 1,
                    UpdatedAtUtc = now, UpdatedByUserId = User.UserId(), UpdatedByName = User.DisplayName(),
                }).Entity;
            progress.AdjustedDue = extension.RequestedDue;
        }
        db.Record(User.Actor(), now, decision == ExtensionStatus.Approved ? ChangeKind.ExtensionApproved : ChangeKind.ExtensionRefused, d.Id,
            decision == ExtensionStatus.Approved
                ? $"{extension.Unit!.Name}: chấp thuận gia hạn {item} đến {Display.Date(extension.RequestedDue)} (hạn gốc {Display.Date(extension.CurrentDue)})"
                : $"{extension.Unit!.Name}: không chấp thuận gia hạn {item} đến {Display.Date(extension.RequestedDue)}{(note is null ? "" : ": " + note)}",
            before: new { Due = extension.CurrentDue }, after: new { Decision = decision, extension.RequestedDue, Note = note },
            taskId: d.TaskId, planId: d.Task.Section!.PlanId);
        var baseUrl = config["App:BaseUrl"] is { Length: > 0 } url ? url.TrimEnd('/') : "http://localhost:5080";
        if (ExtensionText.DecisionMail(extension, extension.Unit.Emails, item, $"{baseUrl}/tasks/{d.TaskId}", now, clock.Today) is { } mail)
            db.Set<OutboxMessage>().Add(mail);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Back("Đề nghị này hoặc tiến độ của sản phẩm vừa được người khác thay đổi; xem lại rồi quyết định lại.", error: true);
        }
        return Back(decision == ExtensionStatus.Approved
            ? $"Đã chấp thuận gia hạn {item} ({extension.Unit.Name}) đến {Display.Date(extension.RequestedDue)}."
            : $"Đã không chấp thuận gia hạn {item} ({extension.Unit.Name}).");
    }

    private RedirectResult Back(string message, bool error = false)
    {
        TempData[error ? "Error" : "Notice"] = message;
        var filters = new Dictionary<string, string?>
        {
            ["Status"] = Status,
            ["Plan"] = Plan?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Unit"] = Unit?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Redirect("/extensions" + QueryString.Create(filters.Where(f => f.Value is not null)).ToUriComponent());
    }
}
