using Microsoft.AspNetCore.Authorization;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.History;
using PlanTracker.Core.Progress;
using PlanTracker.Core.States;
using PlanTracker.Core.Time;

namespace PlanTracker.Web.Features.Extensions;

/// <summary>
/// A lead unit asks Sở Nội vụ for a new deadline on one of its items (a deliverable, or one period of a recurring one),
/// with a reason. One request waits at a time per item.
/// </summary>
public class RequestModel(PlanTrackerDbContext db, IAuthorizationService authorization, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string Period { get; set; } = "";
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? RequestedDue { get; set; }

    public Deliverable Deliverable { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public DateOnly? OriginalDue { get; private set; }
    public DateOnly? CurrentDue { get; private set; }
    public DeadlineExtension? Pending { get; private set; }
    public List<DeadlineExtension> Earlier { get; private set; } = [];
    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } denied) return denied;
        if (Pending is not null)
            ModelState.AddModelError(string.Empty, $"Đã có đề nghị gia hạn đến {Display.Date(Pending.RequestedDue)} đang chờ Sở Nội vụ quyết định.");
        if (CurrentDue is null)
            ModelState.AddModelError(string.Empty, "Sản phẩm này chưa có hạn nên không cần xin gia hạn.");
        if (string.IsNullOrWhiteSpace(Reason))
            ModelState.AddModelError(nameof(Reason), "Nhập lý do xin gia hạn.");
        else if (Reason.Length > 2000)
            ModelState.AddModelError(nameof(Reason), "Lý do dài quá 2000 ký tự.");
        var requested = ExtensionText.ParseDate(RequestedDue);
        if (string.IsNullOrWhiteSpace(RequestedDue))
            ModelState.AddModelError(nameof(RequestedDue), "Nhập ngày xin gia hạn đến (dd/MM/yyyy).");
        else if (requested is null)
            ModelState.AddModelError(nameof(RequestedDue), $"Ngày xin gia hạn \"{RequestedDue}\" không đúng dạng ngày/tháng/năm (dd/MM/yyyy).");
        else if (requested <= Today)
            ModelState.AddModelError(nameof(RequestedDue), $"Ngày xin gia hạn phải sau hôm nay ({Display.Date(Today)}).");
        else if (requested <= CurrentDue)
            ModelState.AddModelError(nameof(RequestedDue), $"Ngày xin gia hạn phải sau hạn hiện tại ({Display.Date(CurrentDue)}).");
        if (!ModelState.IsValid) return Page();

        var now = clock.Now.UtcDateTime;
        var extension = db.DeadlineExtensions.Add(new DeadlineExtension
        {
            DeliverableId = Deliverable.Id, UnitId = Unit, Period = Period, CurrentDue = CurrentDue, RequestedDue = requested!.Value,
            Reason = Reason!.Trim(), RequestedAtUtc = now, RequestedByUserId = User.UserId(), RequestedByName = User.DisplayName(),
            Status = ExtensionStatus.Pending, Version = 1,
        }).Entity;
        db.Record(User.Actor(), now, ChangeKind.ExtensionRequested, Deliverable.Id,
            $"{UnitName}: xin gia hạn {DescribeItem()} từ {Display.Date(CurrentDue)} đến {Display.Date(extension.RequestedDue)}",
            after: new { extension.RequestedDue, extension.Reason }, taskId: Deliverable.TaskId, planId: Deliverable.Task!.Section!.PlanId);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Đã gửi đề nghị gia hạn đến {Display.Date(extension.RequestedDue)}; Sở Nội vụ sẽ xem xét.";
        return Redirect($"/tasks/{Deliverable.TaskId}#deliverable-{Deliverable.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var deliverable = await db.Deliverables.Include(d => d.Task!).ThenInclude(t => t.Section!)
            .FirstOrDefaultAsync(d => d.Id == id && !d.IsRetired && !d.Task!.IsRetired);
        if (deliverable is null || deliverable.DeadlineKind == DeadlineKind.Ongoing) return NotFound();
        Deliverable = deliverable;
        Period ??= ""; // the binder turns an empty field into null
        if (Unit == 0 && User.UnitId() is { } own) Unit = own;
        var periods = Periods.Of(deliverable);
        if (string.IsNullOrEmpty(Period) && periods.Count > 0) Period = periods[0].Key;
        var period = periods.FirstOrDefault(p => p.Key == Period);
        if (period is null) return NotFound();

        if (await PlanLifecycle.StatusOfTaskAsync(db, deliverable.TaskId) is not { } status || !PlanLifecycle.Sees(User, status)) return NotFound();
        if (!PlanLifecycle.IsOpen(status)) return PlanLifecycle.Closed(HttpContext);
        if (!await authorization.AllowsAsync(User, new UnitOnTask(deliverable.TaskId, Unit), Operations.RequestExtension)) return Forbid();
        UnitName = await db.Units.Where(u => u.Id == Unit).Select(u => u.Name).SingleAsync();
        OriginalDue = period.Due;
        CurrentDue = await db.Progress.Where(p => p.DeliverableId == id && p.Period == Period && p.UnitId == Unit)
            .Select(p => p.AdjustedDue).FirstOrDefaultAsync() ?? period.Due;
        var requests = await db.DeadlineExtensions.AsNoTracking()
            .Where(e => e.DeliverableId == id && e.Period == Period && e.UnitId == Unit)
            .OrderByDescending(e => e.RequestedAtUtc).ToListAsync();
        Pending = requests.FirstOrDefault(e => e.Status == ExtensionStatus.Pending);
        Earlier = requests.Where(e => e.Status != ExtensionStatus.Pending).ToList();
        return null;
    }

    public string DescribeItem() =>
        $"{Deliverable.Task!.Code} \"{Deliverable.Product ?? "sản phẩm"}\"{(Period == "" ? "" : " " + Periods.Label(Period))}";
}
