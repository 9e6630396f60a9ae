using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.History;
using PlanTracker.Core.Plans;
using PlanTracker.Core.Progress;
using PlanTracker.Core.States;
using PlanTracker.Core.Time;
using PlanTracker.Core.Units;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Web.Features.Tasks;

/// <summary>A task with its deliverables, each lead unit's progress and state, comments and the history timeline.</summary>
public class DetailsModel(PlanTrackerDbContext db, IAuthorizationService authorization, IClock clock) : PageModel
{
    public PlanTask Task { get; private set; } = null!;
    public Dictionary<int, List<Unit>> GroupMembers { get; private set; } = [];
    public ILookup<int, WorkItem> ItemsByDeliverable { get; private set; } = Array.Empty<WorkItem>().ToLookup(i => 0);
    public Dictionary<int, string> UnitNames { get; private set; } = [];
    public ILookup<(int DeliverableId, string Period, int UnitId), Attachment> Files { get; private set; } = Array.Empty<Attachment>().ToLookup(a => (0, "", 0));
    public List<TaskComment> Comments { get; private set; } = [];
    public List<ChangeRecord> Timeline { get; private set; } = [];
    /// <summary>The tasks of other plans this one carries out: programme items, or a unit plan's city task.</summary>
    public List<PlanTask> Cited { get; private set; } = [];
    public bool CanComment { get; private set; }
    public bool CanSeeEvidence { get; private set; }
    public HashSet<int> UpdatableUnits { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }
    public DateOnly AsOfDate => AsOf ?? clock.Today;

    [BindProperty, Required(ErrorMessage = "Nhập nội dung ý kiến."), StringLength(4000, ErrorMessage = "Ý kiến dài quá 4000 ký tự.")]
    public string? CommentText { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        ModelState.Clear();
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCommentAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!PlanLifecycle.IsOpen(Task.Section!.Plan!.Status)) return PlanLifecycle.Closed(HttpContext);
        if (!CanComment) return Forbid();
        if (!ModelState.IsValid) return Page();
        var comment = new TaskComment
        {
            TaskId = id, UnitId = User.UnitId(), Text = CommentText!.Trim().Normalize(), CreatedAtUtc = clock.Now.UtcDateTime,
            AuthorUserId = User.UserId(), AuthorName = User.DisplayName(),
        };
        db.Comments.Add(comment);
        db.Record(User.Actor(), comment.CreatedAtUtc, ChangeKind.CommentAdded, id,
            $"Ý kiến: {(comment.Text.Length > 120 ? comment.Text[..120] + "…" : comment.Text)}",
            after: new { comment.Text }, taskId: id, planId: Task.Section!.PlanId);
        await db.SaveChangesAsync();
        TempData["Notice"] = "Đã gửi ý kiến.";
        return Redirect($"/tasks/{id}#comments");
    }

    /// <summary>The requested date of each item's pending extension request.</summary>
    public Dictionary<(int DeliverableId, string Period, int UnitId), DateOnly> PendingExtensions { get; private set; } = [];

    private async Task<bool> LoadAsync(int id)
    {
        var task = await db.Tasks.AsNoTracking().AsSplitQuery()
            .Include(t => t.Section!).ThenInclude(s => s.Plan)
            .Include(t => t.ParentTask)
            .Include(t => t.Subtasks.Where(s => !s.IsRetired).OrderBy(s => s.SortOrder))
            .Include(t => t.Deliverables.Where(d => !d.IsRetired).OrderBy(d => d.SortOrder))
            .Include(t => t.Assignments.Where(a => !a.IsRetired).OrderBy(a => a.SortOrder)).ThenInclude(a => a.UnitGroup)
            .FirstOrDefaultAsync(t => t.Id == id && !t.IsRetired);
        if (task is null || !PlanLifecycle.Sees(User, task.Section!.Plan!.Status)) return false;
        Task = task;
        Cited = await db.Tasks.AsNoTracking().Include(c => c.Section!).ThenInclude(s => s.Plan)
            .Where(c => db.TaskCitations.Any(k => k.TaskId == id && k.CitedTaskId == c.Id)).OrderBy(c => c.Id).ToListAsync();

        var groupIds = task.Assignments.Where(a => a.UnitGroupId is not null).Select(a => a.UnitGroupId!.Value).ToList();
        GroupMembers = (await db.UnitGroupMembers.AsNoTracking()
                .Where(m => groupIds.Contains(m.UnitGroupId))
                .Select(m => new { m.UnitGroupId, m.Unit })
                .ToListAsync())
            .GroupBy(m => m.UnitGroupId)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Unit!).OrderBy(u => u.Name).ToList());

        var items = await WorkItems.LoadAsync(db, AsOfDate, taskId: id);
        ItemsByDeliverable = items.OrderBy(i => i.Due).ThenBy(i => i.UnitId).ToLookup(i => i.DeliverableId);
        PendingExtensions = await Extensions.ExtensionText.PendingByItemAsync(db, [.. task.Deliverables.Select(d => d.Id)]);
        var unitIds = items.Select(i => i.UnitId).Distinct().ToList();
        UnitNames = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);

        CanComment = await authorization.AllowsAsync(User, new TaskRef(id), Operations.Comment);
        CanSeeEvidence = await authorization.AllowsAsync(User, new TaskRef(id), Operations.SeeEvidence);
        // The items are the lead units' already: asking UpdateProgress per unit would read the assignments again.
        UpdatableUnits = PlanLifecycle.IsOpen(task.Section!.Plan!.Status) ? [.. unitIds.Where(u => User.ActsFor(u))] : [];

        if (CanSeeEvidence)
            Files = (await db.Attachments.AsNoTracking()
                    .Where(a => !a.IsRemoved && a.Deliverable!.TaskId == id).OrderBy(a => a.UploadedAtUtc).ToListAsync())
                .ToLookup(a => (a.DeliverableId, a.Period, a.UnitId));
        Comments = await db.Comments.AsNoTracking().Include(c => c.Unit)
            .Where(c => c.TaskId == id && !c.IsRemoved).OrderBy(c => c.CreatedAtUtc).ToListAsync();
        Timeline = await db.ChangeRecords.AsNoTracking()
            .Where(c => c.TaskId == id).OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id).Take(200).ToListAsync();
        return true;
    }
}
