namespace PlanTracker.Web.Features.Admin.Plans;

public sealed class TaskInput
{
    public string? Code { get; set; }
    public string? Activity { get; set; }
    public string? Note { get; set; }
    public int? ParentTaskId { get; set; }
    /// <summary>"Nhiệm vụ do cấp trên giao": PAR criterion 1.6 counts it against its original deadline.</summary>
    public bool AssignedByHigherLevel { get; set; }
    /// <summary>The task's Version when the form was opened.</summary>
    public int Version { get; set; }

    public static TaskInput Of(PlanTask task) => new()
    {
        Code = task.Code, Activity = task.Activity, Note = task.Note, ParentTaskId = task.ParentTaskId, Version = task.Version,
        AssignedByHigherLevel = task.AssignedByHigherLevel,
    };

    /// <summary>
    /// Checks the fields, and that the code is free in the section: the database refuses a second task
    /// with the same code in a section, retired ones included, so say so before it does.
    /// </summary>
    public async Task<(string Code, string Activity, string? Note)?> CheckAsync(PlanTrackerDbContext db, int sectionId, int? taskId, Problems problems)
    {
        var code = problems.Required(Code, 32, "mã nhiệm vụ (ví dụ 2.m hoặc 2.m.1)");
        var activity = problems.Required(Activity, 4000, "nội dung hoạt động");
        var note = problems.Optional(Note, 2000, "ghi chú");
        if (code is not null)
        {
            var other = await db.Tasks.AsNoTracking()
                .FirstOrDefaultAsync(t => t.SectionId == sectionId && t.Code == code && t.Id != taskId);
            if (other is not null)
                problems.Add($"Lĩnh vực này đã có nhiệm vụ mã {code}{(other.IsRetired ? " (đã ngừng)" : "")}; mỗi mã chỉ dùng một lần trong một lĩnh vực. Hãy chọn mã khác.");
        }
        return problems.Any ? null : (code!, activity!, note);
    }
}
