using System.Text.Encodings.Web;
using System.Text.Unicode;
using MimeKit;
using PlanTracker.Core.Progress;
using PlanTracker.Core.Reminders;
using PlanTracker.Core.States;

namespace PlanTracker.Web.Features.Tasks;

/// <summary>
/// Tells the task's lead units, and the officers and watchers of its deliverables, of a new comment: one message
/// queued in the outbox with the comment (the dispatcher sends it on its next round; nothing is sent inline). The
/// author is left out, and so is the author's own unit's address: the unit wrote it.
/// </summary>
public static class CommentMail
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static async Task QueueAsync(PlanTrackerDbContext db, PlanTask task, TaskComment comment, string? authorEmail,
        string baseUrl, string from, DateOnly today)
    {
        var leads = (await WorkItems.LeadUnitsByTaskAsync(db, [task.Id])).GetValueOrDefault(task.Id, []);
        leads.Remove(comment.UnitId ?? 0);
        var leadIds = leads.ToArray();
        var unitAddresses = (await db.Units.AsNoTracking().Where(u => EF.Parameter(leadIds).Contains(u.Id)).Select(u => u.Emails).ToListAsync())
            .SelectMany(ReminderPlanner.Addresses);
        var followers = await db.ItemFollowers.AsNoTracking()
            .Where(f => f.Deliverable!.TaskId == task.Id && !f.User!.IsDisabled && f.User.Email != null && f.UserId != comment.AuthorUserId)
            .Select(f => f.User!.Email!).ToListAsync();
        var to = unitAddresses.Concat(followers).Where(a => a.Contains('@'))
            .Where(a => !string.Equals(a, authorEmail, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (to.Count == 0) return;

        var link = $"{baseUrl.TrimEnd('/')}/tasks/{task.Id}#comments";
        var plan = task.Section!.Plan!;
        var subject = $"Ý kiến mới về nhiệm vụ {task.Code} – Kế hoạch {plan.Number}";
        var unitName = comment.UnitId is { } authorUnit ? await db.Units.Where(u => u.Id == authorUnit).Select(u => u.Name).FirstOrDefaultAsync() : null;
        var author = unitName is not null ? $"{comment.AuthorName} ({unitName})" : comment.AuthorName;
        var when = DigestWriter.Date(today);
        var domain = MailboxAddress.TryParse(from, out var sender) && sender.Domain is { Length: > 0 } d ? d : "plantracker.invalid";
        db.OutboxMessages().Add(new OutboxMessage
        {
            MessageId = $"comment.t{task.Id}.{Guid.NewGuid():N}@{domain}",
            Recipients = string.Join("; ", to),
            Subject = subject,
            HtmlBody = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + E(subject) + "</title></head>"
                + "<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1d2733\">"
                + $"<p>Ngày {when}, {E(author)} gửi ý kiến về nhiệm vụ <strong>{E(task.Code)}</strong> ({E(Shorten(task.Activity))}):</p>"
                + $"<blockquote style=\"white-space:pre-wrap\">{E(comment.Text)}</blockquote>"
                + $"<p><a href=\"{E(link)}\">Xem nhiệm vụ và trả lời</a></p>"
                + "<p style=\"color:#5b6776;font-size:12px\">Thư này do PlanTracker gửi tự động tới đơn vị chủ trì, người phụ trách và người theo dõi nhiệm vụ. Vui lòng không trả lời thư này.</p></body></html>",
            TextBody = $"Ngày {when}, {author} gửi ý kiến về nhiệm vụ {task.Code} ({Shorten(task.Activity)}):\r\n\r\n{comment.Text}\r\n\r\n"
                + $"Xem nhiệm vụ và trả lời: {link}\r\n\r\n--\r\nThư này do PlanTracker gửi tự động tới đơn vị chủ trì, người phụ trách và người theo dõi nhiệm vụ. "
                + "Vui lòng không trả lời thư này.\r\n",
            State = OutboxState.Pending, NextAttemptAtUtc = comment.CreatedAtUtc, CreatedAtUtc = comment.CreatedAtUtc, PlannedFor = today,
        });
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..199].TrimEnd() + "…";

    private static string E(string text) => Html.Encode(text);
}
