using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.History;
using PlanTracker.Core.Progress;
using PlanTracker.Core.States;
using PlanTracker.Core.Time;
using PlanTracker.Core.Units;

namespace PlanTracker.Web.Features.Tasks;

/// <summary>A task with its deliverables, each lead unit's progress and state, comments and the history timeline.</summary>
public class DetailsModel(PlanTrackerDbContext db, IAuthorizationService authorization, IClock clock, IConfiguration config,
    Microsoft.Extensions.Options.IOptions<Reminders.MailSettings> mail) : PageModel
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
    /// <summary>Officers and watchers of each deliverable, per lead unit.</summary>
    public ILookup<(int DeliverableId, int UnitId), ItemFollower> Followers { get; private set; } = Array.Empty<ItemFollower>().ToLookup(f => (0, 0));
    /// <summary>The active users of each unit the user may give items to (its officers to choose from).</summary>
    public Dictionary<int, List<(string Id, string Name)>> UnitUsers { get; private set; } = [];

    /// <summary>Whether the user may watch the unit's share: anyone of that unit, and admins; not on a closed plan.</summary>
    public bool CanWatch(int unitId) => PlanLifecycle.IsOpen(Task.Section!.Plan!.Status)
        && (User.IsInRole(Core.Accounts.Roles.Admin) || User.UnitId() == unitId);
    public bool Watches(int deliverableId, int unitId) =>
        Followers[(deliverableId, unitId)].Any(f => f.Role == FollowerRole.Watcher && f.UserId == User.UserId());

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
        await TaskComments.AddAsync(db, User, Task, CommentText!, clock.Now.UtcDateTime, clock.Today, config, mail.Value.From);
        await db.SaveChangesAsync();
        TempData["Notice"] = "Đã gửi ý kiến.";
        return Redirect($"/tasks/{id}#comments");
    }

    /// <summary>The requested date of each item's pending extension request.</summary>
    public Dictionary<(int DeliverableId, string Period, int UnitId), DateOnly> PendingExtensions { get; private set; } = [];

    /// <summary>Gives the unit's share of a deliverable to one of the unit's officers, or takes it back (no officer chosen).</summary>
    public async Task<IActionResult> OnPostOfficerAsync(int id, int deliverableId, int unitId, string? officerId)
    {
        if (!await db.Deliverables.AnyAsync(d => d.Id == deliverableId && d.TaskId == id && !d.IsRetired)) return NotFound();
        if (!await authorization.AllowsAsync(User, new UnitOnTask(id, unitId), Operations.AssignOfficer)) return Forbid();
        var officer = officerId is { Length: > 0 }
            ? await db.Users.Where(u => u.Id == officerId && u.UnitId == unitId && !u.IsDisabled).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync()
            : null;
        if (officerId is { Length: > 0 } && officer is null) return BadRequest();
        var current = await db.ItemFollowers.Include(f => f.User)
            .FirstOrDefaultAsync(f => f.DeliverableId == deliverableId && f.UnitId == unitId && f.Role == FollowerRole.Officer);
        if (current?.UserId == officer?.Id) return Redirect($"/tasks/{id}#deliverable-{deliverableId}");
        var now = clock.Now.UtcDateTime;
        var unitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync();
        if (current is not null) db.ItemFollowers.Remove(current);
        if (officer is not null)
            db.ItemFollowers.Add(new ItemFollower { DeliverableId = deliverableId, UnitId = unitId, UserId = officer.Id, Role = FollowerRole.Officer, AddedAtUtc = now });
        var planId = await db.Tasks.Where(t => t.Id == id).Select(t => t.Section!.PlanId).SingleAsync();
        db.Record(User.Actor(), now, ChangeKind.OfficerAssigned, deliverableId,
            officer is null ? $"Bỏ người phụ trách ({unitName})" : $"Giao người phụ trách ({unitName}): {officer.DisplayName}",
            before: new { Officer = current?.User?.DisplayName }, after: new { Officer = officer?.DisplayName }, taskId: id, planId: planId);
        await db.SaveChangesAsync();
        TempData["Notice"] = officer is null ? "Đã bỏ người phụ trách." : $"Đã giao cho {officer.DisplayName}.";
        return Redirect($"/tasks/{id}#deliverable-{deliverableId}");
    }

    /// <summary>Starts or stops watching the unit's share of a deliverable (comments on the task are mailed to watchers).</summary>
    public async Task<IActionResult> OnPostWatchAsync(int id, int deliverableId, int unitId, bool watch)
    {
        if (!await db.Deliverables.AnyAsync(d => d.Id == deliverableId && d.TaskId == id && !d.IsRetired)) return NotFound();
        if (!await authorization.AllowsAsync(User, new UnitOnTask(id, unitId), Operations.Watch)) return Forbid();
        var userId = User.UserId()!;
        var mine = await db.ItemFollowers.Where(f => f.DeliverableId == deliverableId && f.UnitId == unitId && f.UserId == userId && f.Role == FollowerRole.Watcher)
            .ToListAsync();
        if (watch && mine.Count == 0)
            db.ItemFollowers.Add(new ItemFollower { DeliverableId = deliverableId, UnitId = unitId, UserId = userId, Role = FollowerRole.Watcher, AddedAtUtc = clock.Now.UtcDateTime });
        if (!watch) db.ItemFollowers.RemoveRange(mine);
        await db.SaveChangesAsync();
        TempData["Notice"] = watch ? "Đã theo dõi: ý kiến về nhiệm vụ sẽ được gửi thư cho bạn." : "Đã bỏ theo dõi.";
        return Redirect($"/tasks/{id}#deliverable-{deliverableId}");
    }

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
        Followers = (await db.ItemFollowers.AsNoTracking().Include(f => f.User)
                .Where(f => f.Deliverable!.TaskId == id).OrderBy(f => f.AddedAtUtc).ToListAsync())
            .ToLookup(f => (f.DeliverableId, f.UnitId));
        var assignable = UpdatableUnits.ToArray();
        UnitUsers = (await db.Users.AsNoTracking().Where(u => u.UnitId != null && EF.Parameter(assignable).Contains(u.UnitId.Value) && !u.IsDisabled)
                .OrderBy(u => u.DisplayName).Select(u => new { UnitId = u.UnitId!.Value, u.Id, u.DisplayName }).ToListAsync())
            .GroupBy(u => u.UnitId).ToDictionary(g => g.Key, g => g.Select(u => (u.Id, u.DisplayName)).ToList());
        Comments = await db.Comments.AsNoTracking().Include(c => c.Unit)
            .Where(c => c.TaskId == id && !c.IsRemoved).OrderBy(c => c.CreatedAtUtc).ToListAsync();
        Timeline = await db.ChangeRecords.AsNoTracking()
            .Where(c => c.TaskId == id).OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id).Take(200).ToListAsync();
        return true;
    }
}
