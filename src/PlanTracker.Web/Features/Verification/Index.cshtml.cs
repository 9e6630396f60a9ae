using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PlanTracker.Core.History;
using PlanTracker.Core.Progress;
using PlanTracker.Core.States;
using PlanTracker.Core.Time;
using PlanTracker.Web.Features.Progress;
using PlanTracker.Web.Features.Reminders;

namespace PlanTracker.Web.Features.Verification;

/// <summary>
/// "Chờ xác nhận": the completions units reported on plans that verify them, for Sở Nội vụ to accept (done as of the
/// unit's date) or return with a reason (in progress again; the unit is told by e-mail and on "Nhiệm vụ của tôi").
/// Every decision carries the version the page showed: a claim changed since is reported, never decided blind.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public class IndexModel(PlanTrackerDbContext db, IClock clock, IOptions<MailSettings> mail, ILogger<IndexModel> logger) : PageModel
{
    public const int MaxRows = 500;
    public const int MaxReasonLength = 1000;

    [BindProperty(SupportsGet = true)] public int? Plan { get; set; }
    [BindProperty(SupportsGet = true)] public int? Section { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    /// <summary>Claims saved on or after this day.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? Since { get; set; }

    public sealed record Row(int Id, int Version, int DeliverableId, int TaskId, string TaskCode, string Activity, string? Product, string Period,
        int UnitId, string UnitName, string PlanNumber, int SectionNumber, DateOnly? CompletedOn, string? ResultText, string? EvidenceNumber,
        DateOnly? EvidenceDate, DateTime ClaimedAtUtc, string ClaimedBy, List<(int Id, string FileName)> Files);

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public List<(int Id, string Name)> Plans { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public string? Notice => TempData["Notice"] as string;
    public string? Problem => TempData["Problem"] as string;

    /// <summary>How many claims wait, for the menu.</summary>
    /// <summary>The menu's count; none when the database cannot answer, so that the error page of an outage still renders.</summary>
    public static async Task<int?> WaitingAsync(PlanTrackerDbContext db)
    {
        try { return await db.Progress.CountAsync(p => p.Status == ProgressStatus.AwaitingVerification); }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException) { return null; }
    }

    public async Task OnGetAsync()
    {
        var awaiting = db.Progress.AsNoTracking().Where(p => p.Status == ProgressStatus.AwaitingVerification);
        if (Plan is { } plan) awaiting = awaiting.Where(p => p.Deliverable!.Task!.Section!.PlanId == plan);
        if (Section is { } section) awaiting = awaiting.Where(p => p.Deliverable!.Task!.Section!.Number == section);
        if (Unit is { } unit) awaiting = awaiting.Where(p => p.UnitId == unit);
        if (Since is { } since)
        {
            var from = since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7); // the day starts at 00:00 in Việt Nam (UTC+7)
            awaiting = awaiting.Where(p => p.UpdatedAtUtc >= from);
        }
        Total = await awaiting.CountAsync();
        var rows = await awaiting.OrderBy(p => p.UpdatedAtUtc).ThenBy(p => p.Id).Take(MaxRows)
            .Select(p => new
            {
                p.Id, p.Version, p.DeliverableId, p.Deliverable!.TaskId, p.Deliverable.Task!.Code, p.Deliverable.Task.Activity, p.Deliverable.Product, p.Period,
                p.UnitId, UnitName = p.Unit!.Name, PlanNumber = p.Deliverable.Task.Section!.Plan!.Number, SectionNumber = p.Deliverable.Task.Section.Number,
                p.CompletedOn, p.ResultText, p.EvidenceNumber, p.EvidenceDate, p.UpdatedAtUtc, p.UpdatedByName,
            }).ToListAsync();
        var deliverableIds = rows.Select(r => r.DeliverableId).Distinct().ToArray();
        var files = (await db.Attachments.AsNoTracking()
                .Where(a => !a.IsRemoved && EF.Parameter(deliverableIds).Contains(a.DeliverableId))
                .Select(a => new { a.Id, a.DeliverableId, a.UnitId, a.Period, a.FileName }).ToListAsync())
            .ToLookup(a => (a.DeliverableId, a.UnitId, a.Period), a => (a.Id, a.FileName));
        Rows = [.. rows.Select(r => new Row(r.Id, r.Version, r.DeliverableId, r.TaskId, r.Code, r.Activity, r.Product, r.Period, r.UnitId, r.UnitName,
            r.PlanNumber, r.SectionNumber, r.CompletedOn, r.ResultText, r.EvidenceNumber, r.EvidenceDate, r.UpdatedAtUtc, r.UpdatedByName,
            [.. files[(r.DeliverableId, r.UnitId, r.Period)]]))];
        Plans = [.. (await db.Plans.AsNoTracking().Live().Where(p => p.VerifiesCompletions || p.Sections.Any(s => s.Tasks.Any(t => t.Deliverables.Any(d => db.Progress.Any(
                pr => pr.DeliverableId == d.Id && pr.Status == ProgressStatus.AwaitingVerification)))))
            .OrderByDescending(p => p.Year).ThenBy(p => p.Number).Select(p => new { p.Id, p.Number, p.Year }).ToListAsync())
            .Select(p => (p.Id, $"{p.Number} ({p.Year})"))];
        Units = [.. (await db.Units.AsNoTracking().Where(u => db.Progress.Any(p => p.UnitId == u.Id && p.Status == ProgressStatus.AwaitingVerification))
            .Select(u => new { u.Id, u.Name }).ToListAsync())
            .OrderBy(u => u.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).Select(u => (u.Id, u.Name))];
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, int version)
    {
        var claims = await ClaimsAsync([id]);
        if (Stale(claims, id, version) is { } stale) return Back(problem: $"Không xác nhận được: {stale}");
        Accept(claims[id]);
        if (!await TrySaveAsync()) return Back(problem: "Không xác nhận được: mục này vừa được người khác thay đổi. Xem lại rồi làm lại.");
        return Back($"Đã xác nhận hoàn thành: {Describe(claims[id])}.");
    }

    public async Task<IActionResult> OnPostReturnAsync(int id, int version, string? reason)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim().Normalize();
        if (reason is null) return Back(problem: "Trả lại phải ghi lý do để đơn vị biết cần sửa gì.");
        if (reason.Length > MaxReasonLength) return Back(problem: $"Lý do trả lại dài quá {MaxReasonLength} ký tự.");
        var claims = await ClaimsAsync([id]);
        if (Stale(claims, id, version) is { } stale) return Back(problem: $"Không trả lại được: {stale}");
        var claim = claims[id];
        var now = clock.Now.UtcDateTime;
        var before = ProgressInput.VerificationSnapshot(claim);
        claim.Status = ProgressStatus.InProgress;
        claim.CompletedOn = null; // the date belongs to the claim; the unit gives it again when it reports done again
        (claim.ReturnReason, claim.ReturnedAtUtc, claim.VerifiedAtUtc, claim.VerifiedByName) = (reason, now, null, null);
        Touch(claim, now);
        db.Record(User.Actor(), now, ChangeKind.CompletionReturned, claim.DeliverableId, $"Sở Nội vụ trả lại {Describe(claim)}: {reason}",
            before, ProgressInput.VerificationSnapshot(claim), claim.Deliverable!.TaskId, claim.Deliverable.Task!.Section!.PlanId);

        await using var transaction = await db.Database.BeginTransactionAsync();
        if (!await TrySaveAsync()) return Back(problem: "Không trả lại được: mục này vừa được người khác thay đổi. Xem lại rồi làm lại.");
        var notice = await ReturnNotice.MessageAsync(db, claim, reason, Describe(claim), now, clock.Today, mail.Value.From);
        if (notice is null) logger.LogWarning("Completion returned to unit {UnitId}, which has no e-mail address", claim.UnitId);
        else await OutboxWriter.InsertMessagesAsync(db, [notice], HttpContext.RequestAborted);
        await transaction.CommitAsync();
        return Back($"Đã trả lại {Describe(claim)}" + (notice is null ? "; đơn vị chưa có địa chỉ e-mail nên chỉ thấy trên trang Nhiệm vụ của tôi." : "; đã gửi thư báo cho đơn vị."));
    }

    /// <summary>"Xác nhận các mục đã chọn": all in one save; claims changed since the page showed them are listed and left alone.</summary>
    public async Task<IActionResult> OnPostBulkAsync(List<string> items)
    {
        var chosen = items.Select(Parse).OfType<(int Id, int Version)>().DistinctBy(i => i.Id).ToList();
        if (chosen.Count == 0) return Back(problem: "Chưa chọn mục nào để xác nhận.");
        var claims = await ClaimsAsync([.. chosen.Select(c => c.Id)]);
        var stale = chosen.Where(c => Stale(claims, c.Id, c.Version) is not null).ToList();
        var fresh = chosen.Except(stale).Select(c => claims[c.Id]).ToList();
        fresh.ForEach(Accept);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var staleText = stale.Count == 0 ? "" : $" {stale.Count} mục vừa thay đổi nên chưa xác nhận: "
            + string.Join("; ", stale.Select(s => claims.TryGetValue(s.Id, out var c) ? Describe(c) : $"mục #{s.Id}")) + ".";
        if (fresh.Count == 0) return Back(problem: "Không xác nhận mục nào." + staleText);
        if (!await TrySaveAsync())
            return Back(problem: "Không xác nhận mục nào: trong lúc lưu có mục vừa được người khác thay đổi. Xem lại rồi làm lại.");
        await transaction.CommitAsync();
        return stale.Count == 0 ? Back($"Đã xác nhận hoàn thành {fresh.Count} mục.") : Back($"Đã xác nhận hoàn thành {fresh.Count} mục.", staleText.Trim());
    }

    private static (int, int)? Parse(string item) =>
        item.Split(':') is [var id, var version] && int.TryParse(id, out var i) && int.TryParse(version, out var v) ? (i, v) : null;

    private Task<Dictionary<int, DeliverableProgress>> ClaimsAsync(int[] ids) =>
        db.Progress.Include(p => p.Unit).Include(p => p.Deliverable!).ThenInclude(d => d.Task!).ThenInclude(t => t.Section)
            .Where(p => EF.Parameter(ids).Contains(p.Id)).ToDictionaryAsync(p => p.Id);

    /// <summary>Why the claim cannot be decided as shown, or null when it can.</summary>
    private static string? Stale(Dictionary<int, DeliverableProgress> claims, int id, int version) =>
        !claims.TryGetValue(id, out var claim) ? "không còn mục này."
        : claim.Status != ProgressStatus.AwaitingVerification ? $"{Describe(claim)} không còn chờ xác nhận (hiện là {Display.StatusLabel(claim.Status)})."
        : claim.Version != version ? $"{Describe(claim)} vừa được đơn vị cập nhật lại; xem lại rồi quyết định."
        : null;

    private void Accept(DeliverableProgress claim)
    {
        var now = clock.Now.UtcDateTime;
        var before = ProgressInput.VerificationSnapshot(claim);
        // Done as of the unit's own date: the day the work was finished, not the day Sở Nội vụ read it.
        claim.Status = ProgressStatus.Done;
        (claim.VerifiedAtUtc, claim.VerifiedByName) = (now, User.DisplayName());
        Touch(claim, now);
        db.Record(User.Actor(), now, ChangeKind.CompletionAccepted, claim.DeliverableId,
            $"Sở Nội vụ xác nhận {Describe(claim)} hoàn thành ngày {Display.Date(claim.CompletedOn)}",
            before, ProgressInput.VerificationSnapshot(claim), claim.Deliverable!.TaskId, claim.Deliverable.Task!.Section!.PlanId);
    }

    /// <summary>The save checks the version each claim was read with (its concurrency token); the last editor is Sở Nội vụ.</summary>
    private void Touch(DeliverableProgress claim, DateTime now)
    {
        claim.UpdatedAtUtc = now;
        claim.UpdatedByUserId = User.UserId();
        claim.UpdatedByName = User.DisplayName();
    }

    private async Task<bool> TrySaveAsync()
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static string Describe(DeliverableProgress p) =>
        $"{p.Deliverable!.Task!.Code} \"{p.Deliverable.Product ?? "sản phẩm"}\"{(p.Period == "" ? "" : " " + Periods.Label(p.Period))} của {p.Unit!.Name}";

    private RedirectResult Back(string? notice = null, string? problem = null)
    {
        if (notice is not null) TempData["Notice"] = notice;
        if (problem is not null) TempData["Problem"] = problem;
        return Redirect("/verification" + Query);
    }

    /// <summary>The filters as a query string, so that a decision comes back to the same list.</summary>
    public string Query => Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
    {
        [nameof(Plan)] = Plan?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [nameof(Section)] = Section?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [nameof(Unit)] = Unit?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [nameof(Since)] = Since?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToString();
}
