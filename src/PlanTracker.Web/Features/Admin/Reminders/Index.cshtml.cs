using System.Security.Claims;
using PlanTracker.Core.Reminders;
using PlanTracker.Web.Features.Reminders;

namespace PlanTracker.Web.Features.Admin.Reminders;

/// <summary>The operator's page: today's dry run, "run now", the outbox with each message's state, and resending dead mail.</summary>
public class IndexModel(PlanTrackerDbContext db, ReminderRunner runner, OutboxDispatcher dispatcher, MailStatus mail,
    Microsoft.Extensions.Options.IOptions<MailSettings> mailSettings, MailTransportFactory transports, TimeProvider time,
    ILogger<IndexModel> log) : PageModel
{
    public MailSettings Mail => mailSettings.Value;
    public bool Pickup => Mail.Mode == MailMode.Pickup;
    /// <summary>Units whose reminder addresses are still on the seed's example domain.</summary>
    public int ExampleUnits { get; private set; }

    public ReminderPlan Preview { get; private set; } = null!;
    public ScheduleWarnings Schedule { get; private set; } = null!;
    public List<OutboxMessage> Messages { get; private set; } = [];
    public List<ReminderRun> Runs { get; private set; } = [];
    public Dictionary<OutboxState, int> Counts { get; private set; } = [];
    public Dictionary<int, string> UnitNames { get; private set; } = [];
    public OutboxCounts Outbox { get; private set; } = new(0, 0, 0, null);
    public string ClaimNote => Outbox.ClaimedUntilUtc is { } until ? $" (giữ đến {Time(until)}; quá giờ đó thư được gửi lại)" : "";

    /// <summary>What the dispatcher last learned about the mail server; null before it learned anything.</summary>
    public string? MailNote => mail.Current is { IsKnown: true } m
        ? (m.CanSend ? "Máy chủ thư nhận thư bình thường" : "Máy chủ thư đang lỗi")
            + (m.LastSuccess is { } ok ? $"; gửi được lần cuối lúc {Time(ok.UtcDateTime)}" : "")
            + (m.LastFailure is { } failed ? $"; lỗi lần cuối lúc {Time(failed.UtcDateTime)}: {m.LastError}" : "") + "."
        : null;

    [BindProperty(SupportsGet = true)]
    public OutboxState? State { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Schedule = await runner.CheckScheduleAsync(ct);
        Preview = await runner.PreviewAsync(ct);
        Counts = (await db.OutboxMessages().GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => g.Key, g => g.Count);
        Messages = await db.OutboxMessages().AsNoTracking()
            .Where(m => State == null || m.State == State)
            .OrderByDescending(m => m.Id).Take(200).ToListAsync(ct);
        Runs = await db.ReminderRuns().AsNoTracking().OrderByDescending(r => r.Id).Take(10).ToListAsync(ct);
        Outbox = await dispatcher.CountAsync(db, ct);
        UnitNames = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        ExampleUnits = await ExampleAddresses.UnitsOnExampleDomainAsync(db, ct);
    }

    /// <summary>The admin's own address unless another is typed.</summary>
    public string DefaultTestAddress => User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "";

    /// <summary>
    /// One message through the configured transport to the address typed (default: the admin's own). Never a 500: a
    /// refused address or a failing server becomes a message on the page.
    /// </summary>
    public async Task<IActionResult> OnPostTestMailAsync(string? testAddress, CancellationToken ct)
    {
        var address = string.IsNullOrWhiteSpace(testAddress) ? DefaultTestAddress : testAddress.Trim();
        if (!MimeKit.MailboxAddress.TryParse(address, out var to) || !address.Contains('@', StringComparison.Ordinal))
        {
            Notice = $"Gửi thư thử không thực hiện được: \"{address}\" không phải là địa chỉ thư điện tử.";
            return RedirectToPage();
        }
        try
        {
            await transports.SendTestAsync(to, time.GetUtcNow(), ct);
            Notice = Pickup
                ? $"Đã ghi thư thử cho {address} ra tệp trong thư mục {Mail.Target} (không gửi đi: chế độ thư là thư mục nhận)."
                : $"Đã gửi thư thử tới {address} qua máy chủ thư {Mail.Target}. Hãy kiểm tra hộp thư đến.";
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Reminders: the test mail to {Address} failed", address);
            Notice = $"Không gửi được thư thử tới {address} qua {Mail.Target}: {e.Message.TrimEnd('.')}. "
                + "Hãy kiểm tra các thiết lập Mail:Smtp (máy chủ, cổng, bảo mật, tài khoản).";
        }
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostRunAsync(CancellationToken ct) => ReportingFailureAsync("Chạy ngay", async () =>
    {
        var result = await runner.RunAsync(RunTrigger.Manual, User.DisplayName(), ct);
        return (result.Plan.AlreadyCovered
            ? $"Thư nhắc đến ngày {DigestWriter.Date(result.Plan.CoveredFrom.AddDays(-1))} đã được lập trước đó; lần chạy này không có thư mới."
            : $"Đã lập {result.Messages} thư ({result.Plan.LineCount} mục nhắc) cho ngày {DigestWriter.Date(result.Plan.Today)}.")
            + DispatchText(result.Dispatch);
    }, ct);

    public Task<IActionResult> OnPostDispatchAsync(CancellationToken ct) => ReportingFailureAsync("Gửi hộp thư đi", async () =>
        "Đã gửi hộp thư đi." + DispatchText(await dispatcher.DispatchAsync(ct)), ct);

    public Task<IActionResult> OnPostResendAsync(long? id, CancellationToken ct) => ReportingFailureAsync("Gửi lại", async () =>
    {
        var count = await dispatcher.ResendAsync(db, id, ct);
        return $"Đã đưa {count} thư lỗi trở lại hàng đợi." + DispatchText(await dispatcher.DispatchAsync(ct));
    }, ct);

    /// <summary>
    /// The buttons never answer 500: a database or mail failure becomes a message on the page. Whatever was
    /// planned stays in the outbox (the plan is one transaction) and the dispatcher gave its claims back.
    /// </summary>
    private async Task<IActionResult> ReportingFailureAsync(string action, Func<Task<string>> work, CancellationToken ct)
    {
        try
        {
            Notice = await work();
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Reminders: {Action} failed", action);
            Notice = $"{action} không thực hiện được: {e.Message.TrimEnd('.')}. Những thư đã lập vẫn nằm trong hộp thư đi và sẽ được gửi ở lần gửi sau; " +
                "nếu lỗi còn lặp lại, xin báo người quản trị hệ thống.";
        }
        return RedirectToPage();
    }

    private static string DispatchText(DispatchResult? d) => d is null ? "" :
        $" Gửi: {d.Sent} thư thành công, {d.Failed} thư lỗi{(d.Dead > 0 ? $", {d.Dead} thư đã ngừng gửi" : "")}"
        + (d.ClaimsLost > 0 ? $", {d.ClaimsLost} thư do tiến trình gửi khác đảm nhận" : "") + "."
        + (d.Outbox is { } o ? $" Hộp thư đi còn {o.Pending} thư chờ gửi, {o.Claimed} thư đang được gửi, {o.Dead} thư lỗi." : "")
        + (d.Problem is null ? "" : $" Lỗi máy chủ thư: {d.Problem}");

    /// <summary>In pickup mode a "sent" message was only written to a file; the label says so instead of "Đã gửi".</summary>
    public static string StateLabel(OutboxState state, bool pickup = false) => state switch
    {
        OutboxState.Pending => "Chờ gửi",
        OutboxState.Sending => "Đang gửi",
        OutboxState.Sent => pickup ? "Đã ghi ra tệp (không gửi đi)" : "Đã gửi",
        _ => "Lỗi, ngừng gửi",
    };

    public static string Time(DateTime? utc) => utc is { } t ? Shared.Display.Local(t, "dd/MM/yyyy HH:mm:ss") : "";
}
