using PlanTracker.Core.Deadlines;
using PlanTracker.Core.History;
using PlanTracker.Core.Units;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>A task's code, activity and note; its deliverables; its lead and coordinating units.</summary>
public class EditTaskModel(PlanTrackerDbContext db, TimeProvider time) : ItemEditorPageModel(time)
{
    public const string HeaderForm = "Header";
    public const string DeliverablesForm = "Deliverables";
    public const string AddDeliverableForm = "AddDeliverable";
    public const string AssignmentsForm = "Assignments";
    public const string AddAssignmentForm = "AddAssignment";
    public const string CitationsForm = "Citations";

    public PlanTask Task { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public List<Deliverable> Deliverables { get; private set; } = [];
    public List<TaskAssignment> Assignments { get; private set; } = [];
    public List<PlanTask> Subtasks { get; private set; } = [];
    public List<Unit> Units { get; private set; } = [];
    public List<UnitGroup> Groups { get; private set; } = [];
    public TaskInput Header { get; private set; } = new();
    public DeliverableInput NewDeliverable { get; private set; } = new();
    public AssignmentRole NewRole { get; private set; } = AssignmentRole.Lead;
    public string? NewTarget { get; private set; }
    public Conflict? HeaderConflict { get; private set; }
    /// <summary>The programme items this task may cite, and those it cites.</summary>
    public List<ProgrammeItems.Item> CitableItems { get; private set; } = [];
    public HashSet<int> CitedIds { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(int id) => PageAsync(id);

    public async Task<IActionResult> OnPostHeaderAsync(int id, [FromForm(Name = "Header")] TaskInput header)
    {
        var task = await db.Tasks.Include(t => t.Section).FirstOrDefaultAsync(t => t.Id == id);
        if (task is null) return NotFound();
        var problems = new Problems();
        var input = await header.CheckAsync(db, task.SectionId, id, problems);
        if (input is not { } valid || task.Version != header.Version)
            return await RefuseHeaderAsync(id, header, problems, task);

        var changes = new FieldChanges()
            .Add(nameof(PlanTask.Code), "mã", task.Code, valid.Code)
            .Add(nameof(PlanTask.Activity), "nội dung hoạt động", task.Activity, valid.Activity)
            .Add(nameof(PlanTask.Note), "ghi chú", task.Note, valid.Note)
            .Add(nameof(PlanTask.AssignedByHigherLevel), "do cấp trên giao", task.AssignedByHigherLevel, header.AssignedByHigherLevel);
        if (!changes.Any) return Done("Không có gì thay đổi.", null, new { id });

        var oldCode = task.Code;
        (task.Code, task.Activity, task.Note) = valid;
        task.AssignedByHigherLevel = header.AssignedByHigherLevel;
        db.Expect(task, header.Version);
        db.Record(User.Actor(), NowUtc, task, Change.Updated, $"Sửa nhiệm vụ {oldCode}: {changes.Labels}",
            changes.Before, changes.After, task.Section!.PlanId);
        if (!await TrySaveAsync())
            return await RefuseHeaderAsync(id, header, new Problems(), await db.Tasks.AsNoTracking().FirstAsync(t => t.Id == id));
        return Done($"Đã lưu nhiệm vụ {task.Code}.", null, new { id });
    }

    /// <summary>Shows the form again with its messages, or with both versions side by side when the task changed meanwhile.</summary>
    private async Task<IActionResult> RefuseHeaderAsync(int id, TaskInput header, Problems problems, PlanTask saved)
    {
        if (!problems.Any && saved.Version != header.Version)
        {
            HeaderConflict = Conflict.From(await LastChange.OfAsync<PlanTask>(db, id),
                new("Mã", saved.Code, header.Code), new("Nội dung hoạt động", saved.Activity, header.Activity),
                new("Ghi chú", saved.Note, header.Note), new("Đang dùng", EditorText.YesNo(!saved.IsRetired), EditorText.YesNo(!saved.IsRetired)));
            header.Version = saved.Version;
        }
        problems.CopyTo(ModelState, HeaderForm);
        var page = await PageAsync(id);
        Header = header;
        return page;
    }

    public async Task<IActionResult> OnPostAddDeliverableAsync(int id, [FromForm(Name = "NewDeliverable")] DeliverableInput newDeliverable)
    {
        var task = await db.Tasks.Include(t => t.Section!).ThenInclude(s => s.Plan).FirstOrDefaultAsync(t => t.Id == id);
        if (task is null) return NotFound();
        var problems = new Problems();
        if (newDeliverable.Check(problems) is not { } valid)
        {
            problems.CopyTo(ModelState, AddDeliverableForm);
            NewDeliverable = newDeliverable;
            return await PageAsync(id);
        }

        var order = await db.Deliverables.Where(d => d.TaskId == id).Select(d => (int?)d.SortOrder).MaxAsync() ?? -1;
        var deliverable = new Deliverable { TaskId = id, Product = valid.Product, Note = valid.Note, SortOrder = order + 1 };
        deliverable.ApplyDeadline(DeadlineParser.Parse(valid.DeadlineText, task.Section!.Plan!.Year, task.Section.Plan.EndYear));
        db.Deliverables.Add(deliverable);
        db.Record(User.Actor(), NowUtc, deliverable, Change.Created,
            $"Thêm sản phẩm “{deliverable.Product ?? deliverable.Note}” cho nhiệm vụ {task.Code}, thời hạn {deliverable.DeadlineText}",
            after: Snapshot(deliverable), planId: task.Section.PlanId);
        await db.SaveChangesAsync();
        return Done($"Đã thêm sản phẩm cho nhiệm vụ {task.Code}: {Display.KindLabel(deliverable.DeadlineKind)}, {Display.Meaning(deliverable)}.", null, new { id });
    }

    public async Task<IActionResult> OnPostMoveDeliverableAsync(int id, int deliverableId, bool up)
    {
        var task = await db.Tasks.Include(t => t.Section).Include(t => t.Deliverables).FirstOrDefaultAsync(t => t.Id == id);
        var deliverable = task?.Deliverables.FirstOrDefault(d => d.Id == deliverableId);
        if (task is null || deliverable is null) return NotFound();
        var before = deliverable.SortOrder;
        if (!Ordering.Move(task.Deliverables, deliverable, up, d => d.SortOrder, d => d.Id, d => !d.IsRetired, (d, i) => d.SortOrder = i))
            return await FailAsync(id, DeliverablesForm, $"Sản phẩm này đã ở {(up ? "đầu" : "cuối")} danh sách.");
        db.Record(User.Actor(), NowUtc, deliverable, Change.Moved,
            $"Chuyển sản phẩm “{deliverable.Product ?? deliverable.Note}” của nhiệm vụ {task.Code} {(up ? "lên" : "xuống")}",
            new { SortOrder = before }, new { deliverable.SortOrder }, task.Section!.PlanId);
        await db.SaveChangesAsync();
        return Done("Đã chuyển sản phẩm.", null, new { id });
    }

    public Task<IActionResult> OnPostRetireDeliverableAsync(int id, int deliverableId) => SetDeliverableRetiredAsync(id, deliverableId, true);

    public Task<IActionResult> OnPostRestoreDeliverableAsync(int id, int deliverableId) => SetDeliverableRetiredAsync(id, deliverableId, false);

    private async Task<IActionResult> SetDeliverableRetiredAsync(int id, int deliverableId, bool retire)
    {
        var task = await db.Tasks.Include(t => t.Section).FirstOrDefaultAsync(t => t.Id == id);
        var deliverable = await db.Deliverables.FirstOrDefaultAsync(d => d.Id == deliverableId && d.TaskId == id);
        if (task is null || deliverable is null) return NotFound();
        var name = deliverable.Product ?? deliverable.Note;
        if (deliverable.IsRetired == retire)
            return await FailAsync(id, DeliverablesForm, $"Sản phẩm “{name}” {(retire ? "đã ngừng" : "đang dùng")} rồi.");
        deliverable.IsRetired = retire;
        db.Record(User.Actor(), NowUtc, deliverable, retire ? Change.Retired : Change.Restored,
            $"{(retire ? "Ngừng" : "Khôi phục")} sản phẩm “{name}” của nhiệm vụ {task.Code}",
            new { IsRetired = !retire }, new { IsRetired = retire }, task.Section!.PlanId);
        await db.SaveChangesAsync();
        return Done($"Đã {(retire ? "ngừng" : "khôi phục")} sản phẩm “{name}”.", null, new { id });
    }

    public async Task<IActionResult> OnPostAddAssignmentAsync(int id, AssignmentRole role, string? target)
    {
        var task = await db.Tasks.Include(t => t.Section).Include(t => t.Assignments).FirstOrDefaultAsync(t => t.Id == id);
        if (task is null) return NotFound();
        var (unit, group) = await FindTargetAsync(target);
        string? refusal = null;
        if (unit is null && group is null)
            refusal = "Chọn một đơn vị hoặc nhóm đơn vị trong danh bạ.";
        else if (task.Assignments.Any(a => !a.IsRetired && a.Role == role
                     && (unit is not null ? a.UnitId == unit.Id : a.UnitGroupId == group!.Id)))
            refusal = $"{unit?.Name ?? group!.Name} đã là đơn vị {Display.RoleLabel(role).ToLowerInvariant()} của nhiệm vụ {task.Code}.";
        if (refusal is not null)
        {
            (NewRole, NewTarget) = (role, target);
            return await FailAsync(id, AddAssignmentForm, refusal);
        }

        var assignment = new TaskAssignment
        {
            Role = role, PrintedName = unit?.Name ?? group!.Name, UnitId = unit?.Id, UnitGroupId = group?.Id,
            SortOrder = task.Assignments.Select(a => a.SortOrder).DefaultIfEmpty(-1).Max() + 1,
        };
        task.Assignments.Add(assignment);
        db.Record(User.Actor(), NowUtc, assignment, Change.Created,
            $"Giao {assignment.PrintedName} làm đơn vị {Display.RoleLabel(role).ToLowerInvariant()} nhiệm vụ {task.Code}",
            after: new { assignment.Role, assignment.PrintedName, assignment.UnitId, assignment.UnitGroupId }, planId: task.Section!.PlanId);
        await db.SaveChangesAsync();
        return Done($"Đã thêm {assignment.PrintedName} ({Display.RoleLabel(role).ToLowerInvariant()}).", null, new { id });
    }

    public Task<IActionResult> OnPostRetireAssignmentAsync(int id, int assignmentId) => SetAssignmentRetiredAsync(id, assignmentId, true);

    public Task<IActionResult> OnPostRestoreAssignmentAsync(int id, int assignmentId) => SetAssignmentRetiredAsync(id, assignmentId, false);

    private async Task<IActionResult> SetAssignmentRetiredAsync(int id, int assignmentId, bool retire)
    {
        var task = await db.Tasks.Include(t => t.Section).Include(t => t.Assignments).FirstOrDefaultAsync(t => t.Id == id);
        var assignment = task?.Assignments.FirstOrDefault(a => a.Id == assignmentId);
        if (task is null || assignment is null) return NotFound();
        var role = Display.RoleLabel(assignment.Role).ToLowerInvariant();
        string? refusal = null;
        if (assignment.IsRetired == retire)
            refusal = $"{assignment.PrintedName} ({role}) {(retire ? "đã ngừng" : "đang được giao")} rồi.";
        else if (!retire && task.Assignments.Any(a => a.Id != assignmentId && !a.IsRetired && a.Role == assignment.Role
                     && a.PrintedName == assignment.PrintedName && a.UnitId == assignment.UnitId && a.UnitGroupId == assignment.UnitGroupId))
            refusal = $"{assignment.PrintedName} đã là đơn vị {role} của nhiệm vụ {task.Code}.";
        if (refusal is not null) return await FailAsync(id, AssignmentsForm, refusal);

        assignment.IsRetired = retire;
        db.Record(User.Actor(), NowUtc, assignment, retire ? Change.Retired : Change.Restored,
            $"{(retire ? "Thôi giao" : "Giao lại")} {assignment.PrintedName} làm đơn vị {role} nhiệm vụ {task.Code}",
            new { IsRetired = !retire }, new { IsRetired = retire }, task.Section!.PlanId);
        await db.SaveChangesAsync();
        return Done($"Đã {(retire ? "thôi giao" : "giao lại")} {assignment.PrintedName} ({role}).", null, new { id });
    }

    /// <summary>
    /// Replaces the programme items the task cites (citations of other plans' tasks, e.g. a unit plan's city task,
    /// are kept). The form carries the task's version; the save raises it, so a stale form is refused.
    /// </summary>
    public async Task<IActionResult> OnPostCitationsAsync(int id, int version, int[] cited)
    {
        var task = await db.Tasks.Include(t => t.Section!).ThenInclude(s => s.Plan)
            .Include(t => t.Citations).ThenInclude(c => c.CitedTask!).ThenInclude(c => c.Section!).ThenInclude(s => s.Plan)
            .FirstOrDefaultAsync(t => t.Id == id);
        if (task is null) return NotFound();
        if (task.Version != version)
            return await FailAsync(id, CitationsForm, "Nhiệm vụ này vừa được người khác sửa; danh sách dưới đây là bản đã lưu. Hãy chọn lại rồi lưu.");
        var citable = (await ProgrammeItems.OfPeriodAsync(db, task.Section!.Plan!)).ToDictionary(i => i.Id);
        if (cited.Any(c => !citable.ContainsKey(c)))
            return await FailAsync(id, CitationsForm, "Chỉ chọn được nhiệm vụ của chương trình có giai đoạn gồm năm của kế hoạch này.");

        var current = task.Citations.Where(c => c.CitedTask!.Section!.Plan!.Kind == PlanKind.Programme).ToList();
        var wanted = cited.ToHashSet();
        var removed = current.Where(c => !wanted.Contains(c.CitedTaskId)).ToList();
        var added = wanted.Where(c => current.All(k => k.CitedTaskId != c)).ToList();
        if (removed.Count == 0 && added.Count == 0) return Done("Không có gì thay đổi.", null, new { id });

        string Names(IEnumerable<int> ids) => string.Join(", ", ids.Select(i => citable.TryGetValue(i, out var item)
            ? $"{item.Code} ({item.PlanNumber})" : current.First(c => c.CitedTaskId == i).CitedTask!.Code));
        var before = current.Select(c => c.CitedTaskId).ToList();
        db.TaskCitations.RemoveRange(removed);
        task.Citations.AddRange(added.Select(c => new TaskCitation { CitedTaskId = c }));
        db.Expect(task, version);
        db.Entry(task).Property(t => t.Version).CurrentValue = version + 1;
        var summary = $"Nhiệm vụ {task.Code} thực hiện nhiệm vụ chương trình: "
            + string.Join("; ", new[] { added.Count > 0 ? $"thêm {Names(added)}" : null, removed.Count > 0 ? $"bỏ {Names(removed.Select(r => r.CitedTaskId))}" : null }.OfType<string>());
        db.Record(User.Actor(), NowUtc, task, Change.Updated, summary,
            new { Cites = Names(before) }, new { Cites = Names(wanted) }, task.Section.PlanId);
        if (!await TrySaveAsync())
            return await FailAsync(id, CitationsForm, "Nhiệm vụ này vừa được người khác sửa; danh sách dưới đây là bản đã lưu. Hãy chọn lại rồi lưu.");
        return Done($"Đã lưu các nhiệm vụ chương trình mà nhiệm vụ {task.Code} thực hiện.", null, new { id });
    }

    /// <summary>"u:12" is unit 12 and "g:3" group 3 of the directory.</summary>
    private async Task<(Unit?, UnitGroup?)> FindTargetAsync(string? target)
    {
        if (target is not { Length: > 2 } || !int.TryParse(target[2..], out var targetId)) return (null, null);
        return target[..2] switch
        {
            "u:" => (await db.Units.FirstOrDefaultAsync(u => u.Id == targetId), null),
            "g:" => (null, await db.UnitGroups.FirstOrDefaultAsync(g => g.Id == targetId)),
            _ => (null, null),
        };
    }

    public static object Snapshot(Deliverable d) => new
    {
        d.Product, d.Note, d.DeadlineText, d.DeadlineKind, d.DeadlineStart, d.DeadlineDue, d.DeadlineNote, d.SortOrder,
    };

    protected override async Task<bool> LoadAsync(int id)
    {
        var task = await db.Tasks.AsNoTracking()
            .Include(t => t.Section!).ThenInclude(s => s.Plan)
            .Include(t => t.ParentTask)
            .FirstOrDefaultAsync(t => t.Id == id);
        if (task is null) return false;
        (Task, Plan) = (task, task.Section!.Plan!);
        Deliverables = await db.Deliverables.AsNoTracking().Where(d => d.TaskId == id).OrderBy(d => d.SortOrder).ThenBy(d => d.Id).ToListAsync();
        Assignments = await db.TaskAssignments.AsNoTracking().Where(a => a.TaskId == id)
            .OrderBy(a => a.Role).ThenBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync();
        Subtasks = await db.Tasks.AsNoTracking().Where(t => t.ParentTaskId == id).OrderBy(t => t.SortOrder).ToListAsync();
        Units = await db.Units.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync();
        Groups = await db.UnitGroups.AsNoTracking().OrderBy(g => g.Name).ToListAsync();
        Header = TaskInput.Of(Task);
        CitableItems = await ProgrammeItems.OfPeriodAsync(db, Plan);
        CitedIds = [.. await db.TaskCitations.Where(c => c.TaskId == id).Select(c => c.CitedTaskId).ToListAsync()];
        return true;
    }

    protected override Task<int?> PlanOfItemAsync(int id) =>
        db.Tasks.Where(t => t.Id == id).Select(t => (int?)t.Section!.PlanId).FirstOrDefaultAsync();
}
