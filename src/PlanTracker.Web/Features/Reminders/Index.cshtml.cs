using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Core.Reminders;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Web.Features.Reminders;

/// <summary>The operator's page: today's dry run, "run now", the outbox with each message's state, and resending dead mail.</summary>
[Authorize(Policy = Policies.Admin)]
public class IndexModel(PlanTrackerDbContext db, ReminderRunner runner, OutboxDispatcher dispatcher) : PageModel
{
    public ReminderPlan Preview { get; private set; } = null!;
    public List<OutboxMessage> Messages { get; private set; } = [];
    public List<ReminderRun> Runs { get; private set; } = [];
    public Dictionary<OutboxState, int> Counts { get; private set; } = [];
    public Dictionary<int, string> UnitNames { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public OutboxState? State { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Preview = await runner.PreviewAsync(ct);
        Counts = (await db.OutboxMessages().GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => g.Key, g => g.Count);
        Messages = await db.OutboxMessages().AsNoTracking()
            .Where(m => State == null || m.State == State)
            .OrderByDescending(m => m.Id).Take(200).ToListAsync(ct);
        Runs = await db.ReminderRuns().AsNoTracking().OrderByDescending(r => r.Id).Take(10).ToListAsync(ct);
        UnitNames = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        var result = await runner.RunAsync(RunTrigger.Manual, User.DisplayName(), ct);
        Notice = result.Plan.AlreadyCovered
            ? $"Thư nhắc đến ngày {DigestWriter.Date(result.Plan.CoveredFrom.AddDays(-1))} đã được lập trước đó; lần chạy này không có thư mới."
            : $"Đã lập {result.Messages} thư ({result.Plan.LineCount} mục nhắc) cho ngày {DigestWriter.Date(result.Plan.Today)}.";
        Notice += DispatchText(result.Dispatch);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDispatchAsync(CancellationToken ct)
    {
        Notice = "Đã gửi hộp thư đi." + DispatchText(await dispatcher.DispatchAsync(ct));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResendAsync(long? id, CancellationToken ct)
    {
        var count = await dispatcher.ResendAsync(db, id, ct);
        Notice = $"Đã đưa {count} thư lỗi trở lại hàng đợi." + DispatchText(await dispatcher.DispatchAsync(ct));
        return RedirectToPage();
    }

    private static string DispatchText(DispatchResult? d) => d is null ? "" :
        $" Gửi: {d.Sent} thư thành công, {d.Failed} thư lỗi{(d.Dead > 0 ? $", {d.Dead} thư đã ngừng gửi" : "")}."
        + (d.Problem is null ? "" : $" Lỗi máy chủ thư: {d.Problem}");

    public static string StateLabel(OutboxState state) => state switch
    {
        OutboxState.Pending => "Chờ gửi",
        OutboxState.Sending => "Đang gửi",
        OutboxState.Sent => "Đã gửi",
        _ => "Lỗi, ngừng gửi",
    };

    public static string Time(DateTime? utc) => utc is { } t
        ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc), Core.Time.VietnamClock.Zone).ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
        : "";
}
