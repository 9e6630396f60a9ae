using System.Security.Claims;
using PlanTracker.Core.History;
using PlanTracker.Core.Progress;

namespace PlanTracker.Web.Features.Tasks;

/// <summary>A comment on a task, as the task page and the API post it: the comment, its mail and its history; the caller saves.</summary>
public static class TaskComments
{
    public const int MaxLength = 4000;

    /// <param name="task">The task with its section and plan.</param>
    public static async Task<TaskComment> AddAsync(PlanTrackerDbContext db, ClaimsPrincipal user, PlanTask task, string text,
        DateTime nowUtc, DateOnly today, IConfiguration config, string from)
    {
        var comment = new TaskComment
        {
            TaskId = task.Id, UnitId = user.UnitId(), Text = text.Trim().Normalize(), CreatedAtUtc = nowUtc,
            AuthorUserId = user.UserId(), AuthorName = user.DisplayName(),
        };
        db.Comments.Add(comment);
        await CommentMail.QueueAsync(db, task, comment, user.FindFirst(ClaimTypes.Email)?.Value,
            config["App:BaseUrl"] is { Length: > 0 } url ? url : "http://localhost:5080", from, today);
        db.Record(user.Actor(), comment.CreatedAtUtc, ChangeKind.CommentAdded, task.Id,
            $"Ý kiến: {(comment.Text.Length > 120 ? comment.Text[..120] + "…" : comment.Text)}",
            after: new { comment.Text }, taskId: task.Id, planId: task.Section!.PlanId);
        return comment;
    }
}
