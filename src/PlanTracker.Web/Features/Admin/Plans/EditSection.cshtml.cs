using PlanTracker.Core.History;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>A section's number and title, and its tasks and sub-items: add, move, retire and restore.</summary>
public class EditSectionModel(PlanTrackerDbContext db, TimeProvider time) : ItemEditorPageModel(time)
{
    public const string HeaderForm = "Header";
    public const string TasksForm = "Tasks";
    public const string AddTaskForm = "AddTask";

    public Section Section { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public List<PlanTask> Tasks { get; private set; } = [];
    public SectionInput Header { get; private set; } = new();
    public TaskInput NewTask { get; private set; } = new();
    public Conflict? HeaderConflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? parent)
    {
        if (!await LoadAsync(id)) return NotFound();
        NewTask = new TaskInput { ParentTaskId = Tasks.Any(t => t.Id == parent && t.ParentTaskId is null) ? parent : null };
        NewTask.Code = SuggestedCode(NewTask.ParentTaskId);
        return Page();
    }

    public async Task<IActionResult> OnPostHeaderAsync(int id, [FromForm(Name = "Header")] SectionInput header)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id);
        if (section is null) return NotFound();
        var problems = new Problems();
        var input = await header.CheckAsync(db, section.PlanId, id, problems);
        if (!problems.Any && section.Version != header.Version)
        {
            HeaderConflict = Conflict.From(await LastChange.OfAsync<Section>(db, id),
                new("Số thứ tự", section.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), header.Number),
                new("Tên lĩnh vực", section.Title, header.Title));
            header.Version = section.Version;
        }
        if (input is not { } valid || HeaderConflict is not null)
            return await ShowAgainAsync(id, HeaderForm, problems, () => Header = header);

        var changes = new FieldChanges()
            .Add(nameof(Section.Number), "số thứ tự", section.Number, valid.Number)
            .Add(nameof(Section.Title), "tên", section.Title, valid.Title);
        if (!changes.Any) return Done("Không có gì thay đổi.", null, new { id });
        (section.Number, section.Title) = valid;
        db.Expect(section, header.Version);
        db.Record(User.Actor(), NowUtc, section, Change.Updated, $"Sửa lĩnh vực {section.Number}: {changes.Labels}", changes.Before, changes.After);
        if (!await TrySaveAsync()) return await OnPostHeaderAsync(id, header);
        return Done($"Đã lưu lĩnh vực {section.Number}. {section.Title}.", null, new { id });
    }

    public async Task<IActionResult> OnPostAddTaskAsync(int id, [FromForm(Name = "NewTask")] TaskInput newTask)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id);
        if (section is null) return NotFound();
        var tasks = await db.Tasks.Where(t => t.SectionId == id).ToListAsync();
        var problems = new Problems();
        var parent = newTask.ParentTaskId is { } parentId ? tasks.FirstOrDefault(t => t.Id == parentId) : null;
        if (newTask.ParentTaskId is not null && (parent is null || parent.ParentTaskId is not null || parent.IsRetired))
            problems.Add("Nhiệm vụ cha phải là một nhiệm vụ chính đang dùng của lĩnh vực này.");
        var input = await newTask.CheckAsync(db, id, null, problems);
        if (input is not { } valid || problems.Any)
            return await ShowAgainAsync(id, AddTaskForm, problems, () => NewTask = newTask);

        var task = new PlanTask { SectionId = id, ParentTaskId = parent?.Id, Code = valid.Code, Activity = valid.Activity, Note = valid.Note, SortOrder = int.MaxValue };
        tasks.Add(task);
        TaskOrder.Renumber(tasks); // a sub-item goes after its parent's last sub-item
        db.Tasks.Add(task);
        db.Record(User.Actor(), NowUtc, task, Change.Created,
            $"Thêm {(parent is null ? "nhiệm vụ" : $"nội dung con của {parent.Code}:")} {task.Code}",
            after: new { task.Code, task.Activity, task.Note, ParentCode = parent?.Code }, planId: section.PlanId);
        await db.SaveChangesAsync();
        return Done($"Đã thêm nhiệm vụ {task.Code}.", null, new { id });
    }

    public async Task<IActionResult> OnPostMoveTaskAsync(int id, int taskId, bool up)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id);
        var tasks = await db.Tasks.Where(t => t.SectionId == id).ToListAsync();
        var task = tasks.FirstOrDefault(t => t.Id == taskId);
        if (section is null || task is null) return NotFound();
        var before = task.SortOrder;
        if (!TaskOrder.Move(tasks, task, up))
            return await FailAsync(id, TasksForm, $"Nhiệm vụ {task.Code} đã ở {(up ? "đầu" : "cuối")} {(task.ParentTaskId is null ? "lĩnh vực" : "nhóm nội dung con")}.");
        db.Record(User.Actor(), NowUtc, task, Change.Moved,
            $"Chuyển nhiệm vụ {task.Code} {(up ? "lên" : "xuống")}", new { SortOrder = before }, new { task.SortOrder }, section.PlanId);
        await db.SaveChangesAsync();
        return Done($"Đã chuyển nhiệm vụ {task.Code} {(up ? "lên" : "xuống")}.", null, new { id });
    }

    public Task<IActionResult> OnPostRetireTaskAsync(int id, int taskId) => SetRetiredAsync(id, taskId, true);

    public Task<IActionResult> OnPostRestoreTaskAsync(int id, int taskId) => SetRetiredAsync(id, taskId, false);

    private async Task<IActionResult> SetRetiredAsync(int id, int taskId, bool retire)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId && t.SectionId == id);
        if (task is null) return NotFound();
        if (await TaskEdits.SetRetiredAsync(db, User.Actor(), NowUtc, task, retire) is { } refusal)
            return await FailAsync(id, TasksForm, refusal);
        await db.SaveChangesAsync();
        return Done($"Đã {(retire ? "ngừng" : "khôi phục")} nhiệm vụ {task.Code}.", null, new { id });
    }

    /// <summary>The next free code: "2.m.3" under 2.m, or the section number and a letter for a new task.</summary>
    public string SuggestedCode(int? parentId)
    {
        var codes = Tasks.Select(t => t.Code).ToHashSet();
        if (Tasks.FirstOrDefault(t => t.Id == parentId) is { } parent)
            return Enumerable.Range(1, 99).Select(n => $"{parent.Code}.{n}").First(c => !codes.Contains(c));
        return VietnameseLetters.Select(l => $"{Section.Number}.{l}").FirstOrDefault(c => !codes.Contains(c)) ?? $"{Section.Number}.";
    }

    /// <summary>Sub-item letters of Vietnamese plans: no f, j, w, z; đ after d.</summary>
    private static readonly string[] VietnameseLetters = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"];

    protected override async Task<bool> LoadAsync(int id)
    {
        var section = await db.Sections.AsNoTracking().Include(s => s.Plan).FirstOrDefaultAsync(s => s.Id == id);
        if (section is null) return false;
        (Section, Plan) = (section, section.Plan!);
        var tasks = await db.Tasks.AsNoTracking().AsSplitQuery().Where(t => t.SectionId == id)
            .Include(t => t.Deliverables.Where(d => !d.IsRetired))
            .Include(t => t.Assignments.Where(a => !a.IsRetired && a.Role == AssignmentRole.Lead))
            .ToListAsync();
        Tasks = TaskOrder.Flatten(tasks);
        Header = SectionInput.Of(Section);
        return true;
    }

    protected override Task<int?> PlanOfItemAsync(int id) =>
        db.Sections.Where(s => s.Id == id).Select(s => (int?)s.PlanId).FirstOrDefaultAsync();
}
