using System.Globalization;
using System.Net;
using PlanTracker.Core.Progress;
using PlanTracker.Core.Reminders;
using PlanTracker.Core.States;

namespace PlanTracker.Web.Features.Extensions;

/// <summary>How a deadline extension reads on pages, and the e-mail that tells a unit Sở Nội vụ's decision.</summary>
public static class ExtensionText
{
    /// <summary>The requested date as typed: dd/MM/yyyy (d/M/yyyy too); null when it is not a date.</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : null;

    /// <summary>"Hạn gốc 30/06/2019 · Gia hạn đến 31/08/2019", or the one date when there was no extension.</summary>
    public static string Deadlines(DateOnly? original, DateOnly? due) =>
        original == due ? Display.Date(due) : $"Hạn gốc {Display.Date(original)} · Gia hạn đến {Display.Date(due)}";

    public static string Deadlines(WorkItem item) => Deadlines(item.OriginalDue, item.Due);

    public static string Pending(DateOnly requested) => $"Đang xin gia hạn đến {Display.Date(requested)}";

    public static string StatusLabel(ExtensionStatus status) => status switch
    {
        ExtensionStatus.Pending => "Chờ quyết định",
        ExtensionStatus.Approved => "Đã chấp thuận",
        _ => "Không chấp thuận",
    };

    /// <summary>The pending requests by (deliverable, period, unit), for the pages that list items.</summary>
    public static async Task<Dictionary<(int DeliverableId, string Period, int UnitId), DateOnly>> PendingByItemAsync(
        PlanTrackerDbContext db, IReadOnlyCollection<int> deliverableIds, CancellationToken ct = default)
    {
        var ids = deliverableIds.Distinct().ToArray();
        return (await db.DeadlineExtensions.AsNoTracking()
                .Where(e => e.Status == ExtensionStatus.Pending && EF.Parameter(ids).Contains(e.DeliverableId))
                .Select(e => new { e.DeliverableId, e.Period, e.UnitId, e.RequestedDue }).ToListAsync(ct))
            .ToDictionary(e => (e.DeliverableId, e.Period, e.UnitId), e => e.RequestedDue);
    }

    /// <summary>
    /// The decision mail to the unit's addresses, queued in the outbox with the decision's save (the dispatcher sends it);
    /// null when the unit has no address.
    /// </summary>
    public static OutboxMessage? DecisionMail(DeadlineExtension extension, string unitEmails, string item, string link, DateTime nowUtc, DateOnly today)
    {
        var recipients = unitEmails.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (recipients.Length == 0) return null;
        var approved = extension.Status == ExtensionStatus.Approved;
        var subject = approved
            ? $"Sở Nội vụ chấp thuận gia hạn {item} đến {Display.Date(extension.RequestedDue)}"
            : $"Sở Nội vụ không chấp thuận gia hạn {item}";
        var lines = new List<string>
        {
            approved
                ? $"Sở Nội vụ chấp thuận đề nghị gia hạn {item}: hạn mới {Display.Date(extension.RequestedDue)} (hạn trước đó {Display.Date(extension.CurrentDue)})."
                : $"Sở Nội vụ không chấp thuận đề nghị gia hạn {item} đến {Display.Date(extension.RequestedDue)}; hạn vẫn là {Display.Date(extension.CurrentDue)}.",
        };
        if (!string.IsNullOrWhiteSpace(extension.DecisionNote)) lines.Add($"Ý kiến của Sở Nội vụ: {extension.DecisionNote}");
        lines.Add($"Xem nhiệm vụ: {link}");
        return new OutboxMessage
        {
            MessageId = $"extension.{extension.Id}.{Guid.NewGuid():N}@plantracker.invalid",
            UnitId = extension.UnitId,
            Recipients = string.Join("; ", recipients),
            Subject = subject,
            TextBody = string.Join("\n\n", lines),
            HtmlBody = string.Concat(lines.Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>")),
            State = OutboxState.Pending,
            NextAttemptAtUtc = nowUtc,
            CreatedAtUtc = nowUtc,
            PlannedFor = today,
        };
    }
}
