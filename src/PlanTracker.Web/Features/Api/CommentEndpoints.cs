using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PlanTracker.Web.Features.Tasks;

namespace PlanTracker.Web.Features.Api;

public sealed record CommentDto(int Id, int TaskId, int? UnitId, string Text, DateTime CreatedAtUtc, string AuthorName);

public sealed record NewComment(string? Text);

public static class CommentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tasks/{id:int}/comments", ListAsync).WithName("ListComments").WithTags("Comments")
            .WithSummary("A task's comments, oldest first")
            .WithDescription("The comments on a task the caller may see, oldest first.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/tasks/{id:int}/comments", PostAsync).WithName("PostComment").WithTags("Comments")
            .WithSummary("Comment on a task (admins, and editors of the units that lead or coordinate it, while its plan is open)")
            .WithDescription("Posts a comment ({\"text\": \"...\"}) where the task page allows it; answers 201 with the comment.")
            .Accepts<NewComment>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static CommentDto Dto(Core.Progress.TaskComment c) => new(c.Id, c.TaskId, c.UnitId, c.Text, ApiTime.Utc(c.CreatedAtUtc), c.AuthorName);

    private static async Task<Results<Ok<List<CommentDto>>, ProblemHttpResult>> ListAsync(HttpContext http, PlanTrackerDbContext db, int id, CancellationToken ct)
    {
        if (!await TaskEndpoints.VisibleTasks(db, http).AnyAsync(t => t.Id == id, ct)) return ApiProblems.NotFound(http);
        var comments = await db.Comments.AsNoTracking().Where(c => c.TaskId == id && !c.IsRemoved)
            .OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id).ToListAsync(ct);
        return TypedResults.Ok(comments.Select(Dto).ToList());
    }

    /// <summary>The task page's comment form (Features/Tasks/Details: OnPostCommentAsync), in its order.</summary>
    private static async Task<Results<Created<CommentDto>, ProblemHttpResult>> PostAsync(HttpContext http, PlanTrackerDbContext db,
        IAuthorizationService authorization, Core.Time.IClock clock, IConfiguration config, IOptions<Reminders.MailSettings> mail,
        int id, NewComment comment, CancellationToken ct)
    {
        var visible = TaskEndpoints.VisibleTasks(db, http).Select(t => t.Id);
        var task = await db.Tasks.Include(t => t.Section!).ThenInclude(s => s.Plan).FirstOrDefaultAsync(t => t.Id == id && visible.Contains(t.Id), ct);
        if (task is null) return ApiProblems.NotFound(http);
        if (!PlanLifecycle.IsOpen(task.Section!.Plan!.Status))
            return ApiProblems.Forbidden(http, PlanLifecycle.ClosedMessage, "The plan is closed and takes no more changes.");
        if (!await authorization.AllowsAsync(http.User, new TaskRef(id), Operations.Comment)) return ApiProblems.Forbidden(http);
        if (string.IsNullOrWhiteSpace(comment.Text))
            return ApiProblems.Invalid(http, [("text", "Nhập nội dung ý kiến.", "Enter the comment's text.")]);
        if (comment.Text.Length > TaskComments.MaxLength)
            return ApiProblems.Invalid(http, [("text", $"Ý kiến dài quá {TaskComments.MaxLength} ký tự.", $"The comment is longer than {TaskComments.MaxLength} characters.")]);
        var added = await TaskComments.AddAsync(db, http.User, task, comment.Text, clock.Now.UtcDateTime, clock.Today, config, mail.Value.From);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{ApiSetup.Prefix}/tasks/{id}/comments", Dto(added));
    }
}
