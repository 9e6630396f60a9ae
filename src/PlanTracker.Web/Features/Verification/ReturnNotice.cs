using System.Net;
using MimeKit;
using PlanTracker.Core.Progress;
using PlanTracker.Core.Reminders;

namespace PlanTracker.Web.Features.Verification;

/// <summary>
/// The e-mail that tells a unit its completion was returned: to the unit's addresses and its users who take the
/// reminders, as the digests go. Queued in the outbox with the return itself; the dispatcher sends it.
/// </summary>
public static class ReturnNotice
{
    /// <summary>The message, or null when the unit has no address to write to.</summary>
    public static async Task<OutboxMessage?> MessageAsync(PlanTrackerDbContext db, DeliverableProgress claim, string reason, string item,
        DateTime nowUtc, DateOnly today, string from)
    {
        var unit = claim.Unit!;
        var users = await db.Users.AsNoTracking()
            .Where(u => u.UnitId == unit.Id && u.ReceivesReminders && !u.IsDisabled && u.Email != null)
            .Select(u => u.Email!).ToListAsync();
        var recipients = ReminderPlanner.Addresses(unit.Emails).Concat(users)
            .Select(a => a.Trim()).Where(a => a.Contains('@')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (recipients.Count == 0) return null;

        var link = $"/deliverables/{claim.DeliverableId}/progress?unit={claim.UnitId}&period={Uri.EscapeDataString(claim.Period)}";
        var text = $"""
            Kính gửi {unit.Name},

            Sở Nội vụ trả lại báo cáo hoàn thành {item} ngày {Display.Date(today)}.
            Lý do: {reason}

            Đề nghị đơn vị sửa theo ý kiến trên rồi báo hoàn thành lại trên PlanTracker (trang Nhiệm vụ của tôi, hoặc {link}).
            """;
        var html = $"""
            <p>Kính gửi {WebUtility.HtmlEncode(unit.Name)},</p>
            <p>Sở Nội vụ <strong>trả lại</strong> báo cáo hoàn thành {WebUtility.HtmlEncode(item)} ngày {Display.Date(today)}.</p>
            <p><strong>Lý do:</strong> {WebUtility.HtmlEncode(reason)}</p>
            <p>Đề nghị đơn vị sửa theo ý kiến trên rồi báo hoàn thành lại trên PlanTracker (trang <em>Nhiệm vụ của tôi</em>, hoặc {WebUtility.HtmlEncode(link)}).</p>
            """;
        var domain = MailboxAddress.TryParse(from, out var sender) && sender.Domain is { Length: > 0 } d ? d : "plantracker.invalid";
        return new OutboxMessage
        {
            MessageId = $"returned.{today:yyyyMMdd}.u{unit.Id}.{Guid.NewGuid():N}@{domain}",
            UnitId = unit.Id,
            Recipients = string.Join("; ", recipients),
            Subject = $"[PlanTracker] Sở Nội vụ trả lại: {item}",
            HtmlBody = html,
            TextBody = text,
            State = OutboxState.Pending,
            NextAttemptAtUtc = nowUtc,
            CreatedAtUtc = nowUtc,
            PlannedFor = today,
        };
    }
}
