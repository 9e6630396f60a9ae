using Microsoft.AspNetCore.Authorization;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.History;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Time;

namespace PlanTracker.Web.Features.UnitPlans;

/// <summary>
/// A unit's own plan: its number and title, the city tasks filled in, the unit's own tasks, products and deadlines,
/// and "Gửi kế hoạch", which makes it active and records the unit's "kế hoạch CCHC năm" report. The unit's editors
/// and admins edit it while it is a draft; Sở Nội vụ and the leadership read it; other units get 403.
/// </summary>
[Authorize] // any signed-in account; the unit-plan handler decides who sees and who edits
public class EditModel(PlanTrackerDbContext db, IAuthorizationService authorization, ReportSchedule schedule, IClock clock, TimeProvider time)
    : ItemEditorPageModel(time)
{
    public const string HeaderForm = "Header";
    public const string TasksForm = "Tasks";
    public const string AddTaskForm = "AddTask";
    public const string SubmitForm = "Submit";

    /// <summary>A task of the unit plan with the city task it carries out (null for the unit's own).</summary>
    public sealed record TaskRow(PlanTask Task, int SectionNumber, PlanTask? Cited, bool Leads);

    public Plan Plan { get; private set; } = null!;
    public Plan City { get; private set; } = null!;
    public List<Section> Sections { get; private set; } = [];
    public List<TaskRow> Tasks { get; private set; } = [];
    public ReportingPeriod Report { get; private set; } = null!;
    public ReportSubmission? Submission { get; private set; }
    public bool CanEdit { get; private set; }

    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public int? SectionId { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Activity { get; set; }
    [BindProperty] public string? Product { get; set; }
    [BindProperty] public string? DeadlineText { get; set; }
    [BindProperty] public string? DocumentDate { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.Kind == PlanKind.UnitAnnual);
        if (plan is null) return NotFound();
        if (!await authorization.AllowsAsync(User, plan, Operations.SeeUnitPlan)) return Forbid();
        return await PageAsync(id);
    }

    public async Task<IActionResult> OnPostHeaderAsync(int id)
    {
        if (await EditableAsync(id) is not { } plan) return await RefusedAsync(id);
        var problems = new Problems();
        var number = problems.Required(Number, 64, "số kế hoạch (ví dụ 12/KH-STP)");
        var title = problems.Required(Title, 500, "tên kế hoạch");
        if (number is not null && number != plan.Number
            && await db.Plans.AnyAsync(p => p.Number == number && p.Year == plan.Year && p.Id != plan.Id))
            problems.Add(NumberTaken(number, plan.Year));
        if (problems.Any) return await RefuseAsync(id, HeaderForm, problems, keepInput: true);
        if (plan.Version != Version) return await ConflictAsync<Plan>(id, HeaderForm, "Số và tên kế hoạch");

        var changes = new FieldChanges()
            .Add(nameof(Plan.Number), "số", plan.Number, number!)
            .Add(nameof(Plan.Title), "tên", plan.Title, title!);
        if (!changes.Any) return Done("Không có gì thay đổi.", null, new { id });
        (plan.Number, plan.Title) = (number!, title!);
        db.Expect(plan, Version);
        db.Record(User.Actor(), NowUtc, plan, Change.Updated, $"Sửa kế hoạch của đơn vị {plan.Number}: {changes.Labels}", changes.Before, changes.After);
        try
        {
            if (!await TrySaveAsync()) return await ConflictAsync<Plan>(id, HeaderForm, "Số và tên kế hoạch");
        }
        catch (DbUpdateException e)
        {
            if (!await Admin.Plans.PlanNumbers.TakenMeanwhileAsync(db, e, number!, plan.Year, exceptPlanId: id)) throw;
            var taken = new Problems();
            taken.Add(NumberTaken(number!, plan.Year));
            return await RefuseAsync(id, HeaderForm, taken, keepInput: true);
        }
        return Done("Đã lưu số và tên kế hoạch.", null, new { id });
    }

    public async Task<IActionResult> OnPostAddTaskAsync(int id)
    {
        if (await EditableAsync(id) is not { } plan) return await RefusedAsync(id);
        var problems = new Problems();
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == SectionId && s.PlanId == id && !s.IsRetired);
        if (section is null) problems.Add("Chọn lĩnh vực của nhiệm vụ.");
        var code = problems.Required(Code, 32, "mã nhiệm vụ (ví dụ 1.đv1)");
        var activity = problems.Required(Activity, 4000, "nội dung nhiệm vụ");
        var (product, deadline) = CheckDeliverable(problems, plan.Year);
        if (section is not null && code is not null && await db.Tasks.AnyAsync(t => t.SectionId == section.Id && t.Code == code))
            problems.Add($"Lĩnh vực {section.Number} đã có nhiệm vụ mã {code}; hãy chọn mã khác.");
        if (problems.Any) return await RefuseAsync(id, AddTaskForm, problems, keepInput: true);

        var unit = await db.Units.FirstAsync(u => u.Id == plan.UnitId);
        var order = await db.Tasks.Where(t => t.Section!.PlanId == id).Select(t => (int?)t.SortOrder).MaxAsync() ?? -1;
        var task = new PlanTask { SectionId = section!.Id, Code = code!, Activity = activity!, SortOrder = order + 1, Assignments = [UnitPlanStarter.LeadOf(unit)] };
        var deliverable = NewDeliverable(product!, deadline!, 0);
        task.Deliverables.Add(deliverable);
        db.Tasks.Add(task);
        db.Record(User.Actor(), NowUtc, task, Change.Created, $"Thêm nhiệm vụ {code} vào kế hoạch {plan.Number}",
            after: new { task.Code, task.Activity, Section = section.Number }, planId: id);
        db.Record(User.Actor(), NowUtc, deliverable, Change.Created, $"Thêm sản phẩm “{product}” cho nhiệm vụ {code}, thời hạn {deliverable.DeadlineText}",
            after: Snapshot(deliverable), planId: id);
        await db.SaveChangesAsync();
        return Done($"Đã thêm nhiệm vụ {code}.", null, new { id });
    }

    public async Task<IActionResult> OnPostEditTaskAsync(int id, int taskId)
    {
        if (await EditableAsync(id) is not { } plan) return await RefusedAsync(id);
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId && t.Section!.PlanId == id && !t.IsRetired);
        if (task is null) return NotFound();
        var problems = new Problems();
        var activity = problems.Required(Activity, 4000, "nội dung nhiệm vụ");
        if (problems.Any) return await RefuseAsync(id, TasksForm, problems);
        if (task.Version != Version) return await ConflictAsync<PlanTask>(taskId, TasksForm, $"Nhiệm vụ {task.Code}", id);
        if (task.Activity == activity) return Done("Không có gì thay đổi.", null, new { id });

        var before = task.Activity;
        task.Activity = activity!;
        db.Expect(task, Version);
        db.Record(User.Actor(), NowUtc, task, Change.Updated, $"Sửa nội dung nhiệm vụ {task.Code} của kế hoạch {plan.Number}",
            new { Activity = before }, new { task.Activity }, id);
        if (!await TrySaveAsync()) return await ConflictAsync<PlanTask>(taskId, TasksForm, $"Nhiệm vụ {task.Code}", id);
        return Done($"Đã lưu nhiệm vụ {task.Code}.", null, new { id });
    }

    /// <summary>Takes a task out of the plan; a filled-in city task taken out is one the plan leaves out.</summary>
    public Task<IActionResult> OnPostRemoveTaskAsync(int id, int taskId) => SetTaskRetiredAsync(id, taskId, true);

    public Task<IActionResult> OnPostRestoreTaskAsync(int id, int taskId) => SetTaskRetiredAsync(id, taskId, false);

    private async Task<IActionResult> SetTaskRetiredAsync(int id, int taskId, bool retire)
    {
        if (await EditableAsync(id) is not { } plan) return await RefusedAsync(id);
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId && t.Section!.PlanId == id);
        if (task is null) return NotFound();
        if (task.IsRetired == retire) return await FailAsync(id, TasksForm, $"Nhiệm vụ {task.Code} {(retire ? "đã bỏ" : "đang có trong kế hoạch")} rồi.");
        task.IsRetired = retire;
        db.Record(User.Actor(), NowUtc, task, retire ? Change.Retired : Change.Restored,
            $"{(retire ? "Bỏ" : "Đưa lại")} nhiệm vụ {task.Code} {(retire ? "khỏi" : "vào")} kế hoạch {plan.Number}",
            new { IsRetired = !retire }, new { IsRetired = retire }, id);
        await db.SaveChangesAsync();
        return Done($"Đã {(retire ? "bỏ" : "đưa lại")} nhiệm vụ {task.Code}.", null, new { id });
    }

    public async Task<IActionResult> OnPostAddDeliverableAsync(int id, int taskId)
    {
        if (await EditableAsync(id) is not { } plan) return await RefusedAsync(id);
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId && t.Section!.PlanId == id && !t.IsRetired);
        if (task is null) return NotFound();
        var problems = new Problems();
        var (product, deadline) = CheckDeliverable(problems, plan.Year);
        if (problems.Any) return await RefuseAsync(id, TasksForm, problems);

        var order = await db.Deliverables.Where(d => d.TaskId == taskId).Select(d => (int?)d.SortOrder).MaxAsync() ?? -1;
        var deliverable = NewDeliverable(product!, deadline!, order + 1);
        deliverable.TaskId = taskId;
        db.Deliverables.Add(deliverable);
        db.Record(User.Actor(), NowUtc, deliverable, Change.Created, $"Thêm sản phẩm “{product}” cho nhiệm vụ {task.Code}, thời hạn {deliverable.DeadlineText}",
            after: Snapshot(deliverable), planId: id);
        await db.SaveChangesAsync();
        return Done($"Đã thêm sản phẩm cho nhiệm vụ {task.Code}.", null, new { id });
    }

    public async Task<IActionResult> OnPostEditDeliverableAsync(int id, int deliverableId)
    {
        if (await EditableAsync(id) is not { } plan) return await RefusedAsync(id);
        var deliverable = await db.Deliverables.Include(d => d.Task)
            .FirstOrDefaultAsync(d => d.Id == deliverableId && d.Task!.Section!.PlanId == id && !d.IsRetired);
        if (deliverable is null) return NotFound();
        var problems = new Problems();
        var (product, deadline) = CheckDeliverable(problems, plan.Year);
        if (problems.Any) return await RefuseAsync(id, TasksForm, problems);
        var what = $"Sản phẩm “{deliverable.Product}” của nhiệm vụ {deliverable.Task!.Code}";
        if (deliverable.Version != Version) return await ConflictAsync<Deliverable>(deliverableId, TasksForm, what, id);

        var changes = new FieldChanges().Add(nameof(Deliverable.Product), "sản phẩm", deliverable.Product, product);
        if (deliverable.DeadlineText != deadline!.Text)
            changes.Add(nameof(Deliverable.DeadlineText), "thời hạn", deliverable.DeadlineText, deadline.Text)
                .Add(nameof(Deliverable.DeadlineDue), "hạn", deliverable.DeadlineDue, deadline.Due);
        if (!changes.Any) return Done("Không có gì thay đổi.", null, new { id });
        deliverable.Product = product;
        if (deliverable.DeadlineText != deadline.Text) deliverable.ApplyDeadline(deadline);
        db.Expect(deliverable, Version);
        db.Record(User.Actor(), NowUtc, deliverable, Change.Updated, $"Sửa sản phẩm của nhiệm vụ {deliverable.Task.Code}: {changes.Labels}",
            changes.Before, changes.After, id);
        if (!await TrySaveAsync()) return await ConflictAsync<Deliverable>(deliverableId, TasksForm, what, id);
        return Done($"Đã lưu sản phẩm của nhiệm vụ {deliverable.Task.Code}.", null, new { id });
    }

    public async Task<IActionResult> OnPostRemoveDeliverableAsync(int id, int deliverableId)
    {
        if (await EditableAsync(id) is null) return await RefusedAsync(id);
        var deliverable = await db.Deliverables.Include(d => d.Task)
            .FirstOrDefaultAsync(d => d.Id == deliverableId && d.Task!.Section!.PlanId == id && !d.IsRetired);
        if (deliverable is null) return NotFound();
        deliverable.IsRetired = true;
        db.Record(User.Actor(), NowUtc, deliverable, Change.Retired, $"Bỏ sản phẩm “{deliverable.Product}” của nhiệm vụ {deliverable.Task!.Code}",
            new { IsRetired = false }, new { IsRetired = true }, id);
        await db.SaveChangesAsync();
        return Done($"Đã bỏ sản phẩm “{deliverable.Product}”.", null, new { id });
    }

    /// <summary>
    /// "Gửi kế hoạch": the plan becomes active (its items are tracked like any other) and the unit's "kế hoạch CCHC
    /// năm" report is recorded against the city plan, numbered and dated, sent today; on time until its due date.
    /// </summary>
    public async Task<IActionResult> OnPostSubmitAsync(int id)
    {
        if (await EditableAsync(id) is not { } plan) return await RefusedAsync(id);
        var problems = new Problems();
        if (UnitPlanStarter.IsPlaceholder(plan.Number))
            problems.Add($"Ghi số kế hoạch của đơn vị (thay cho “{plan.Number}”) trước khi gửi.");
        var documentDate = problems.Date(DocumentDate, "ngày ban hành kế hoạch");
        if (documentDate is null && !problems.Any) problems.Add("Nhập ngày ban hành kế hoạch.");
        var today = clock.Today;
        if (documentDate > today) problems.Add("Ngày ban hành không được sau hôm nay.");
        if (!await db.Tasks.AnyAsync(t => t.Section!.PlanId == id && !t.IsRetired))
            problems.Add("Kế hoạch chưa có nhiệm vụ nào.");
        if (problems.Any) return await RefuseAsync(id, SubmitForm, problems, keepInput: true);
        if (plan.Version != Version) return await ConflictAsync<Plan>(id, SubmitForm, "Kế hoạch");

        var city = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == plan.ParentPlanId);
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == plan.UnitId);
        var report = schedule.Of(city.Year).First(r => r.Kind == ReportKind.AnnualPlan);
        plan.Status = PlanStatus.Active;
        plan.IssuedOn = documentDate;
        db.Expect(plan, Version);
        db.Record(User.Actor(), NowUtc, ChangeKind.UnitPlanSubmitted, plan.Id,
            $"{unit.Name} gửi kế hoạch CCHC năm {city.Year} (số {plan.Number}, ngày {Display.Date(documentDate)}) cho Sở Nội vụ",
            new { Status = PlanStatus.Draft }, new { plan.Status, plan.Number, plan.IssuedOn }, planId: plan.Id);

        // A plan already recorded on /reports (a paper copy sent earlier) stays the one that counts.
        var recorded = await db.ReportSubmissions()
            .FirstOrDefaultAsync(s => s.PlanId == city.Id && s.PeriodKey == report.Key && s.UnitId == unit.Id && !s.IsRemoved);
        if (recorded is null)
        {
            if (!await TrySaveAsync()) return await ConflictAsync<Plan>(id, SubmitForm, "Kế hoạch");
            var submission = new ReportSubmission
            {
                PlanId = city.Id, UnitId = unit.Id, PeriodKey = report.Key, DocumentNumber = plan.Number,
                DocumentDate = documentDate!.Value, SubmittedOn = today,
                RecordedAtUtc = NowUtc, RecordedByUserId = User.Actor().UserId, RecordedByName = User.Actor().Name,
            };
            db.Add(submission);
            await db.SaveChangesAsync();
            db.Record(User.Actor(), NowUtc, ChangeKind.ReportRecorded, submission.Id,
                $"Ghi nhận {report.Label} của {unit.Name}: kế hoạch số {plan.Number}, gửi ngày {Display.Date(today)}",
                after: new { submission.PeriodKey, submission.UnitId, submission.DocumentNumber, submission.DocumentDate, submission.SubmittedOn },
                planId: city.Id);
        }
        if (!await TrySaveAsync()) return await ConflictAsync<Plan>(id, SubmitForm, "Kế hoạch");
        var state = ReportStatus.Classify(report.Due, recorded?.SubmittedOn ?? today, today);
        return Done(recorded is null
            ? $"Đã gửi kế hoạch số {plan.Number}: {state.Label().ToLowerInvariant()} (hạn {Display.Date(report.Due)}). Các nhiệm vụ của kế hoạch được theo dõi từ hôm nay."
            : $"Đã gửi kế hoạch số {plan.Number}. Sở Nội vụ đã ghi nhận kế hoạch năm của đơn vị trước đó (văn bản số {recorded.DocumentNumber}); bản ghi đó được giữ.",
            null, new { id });
    }

    /// <summary>The plan, tracked, when the user may edit it; null when it may not (or does not exist).</summary>
    private async Task<Plan?> EditableAsync(int id)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == id && p.Kind == PlanKind.UnitAnnual);
        return plan is not null && await authorization.AllowsAsync(User, plan, Operations.EditUnitPlan) ? plan : null;
    }

    /// <summary>404 for no such plan, 403 for one the user may not edit (another unit's, or one already submitted).</summary>
    private async Task<IActionResult> RefusedAsync(int id) =>
        await db.Plans.AnyAsync(p => p.Id == id && p.Kind == PlanKind.UnitAnnual) ? Forbid() : NotFound();

    private (string? Product, ParsedDeadline? Deadline) CheckDeliverable(Problems problems, int year)
    {
        var product = problems.Required(Product, 2000, "sản phẩm");
        var text = problems.Required(DeadlineText, 300, "thời hạn (ví dụ Quý II năm " + year + ", Hàng quý, Thường xuyên)");
        if (text is null) return (product, null);
        var deadline = DeadlineParser.Parse(text, year);
        if (deadline.Kind == DeadlineKind.Unparsed)
        {
            problems.Add($"Không hiểu thời hạn “{text}”. Hãy ghi theo dạng như Quý II năm {year}, Tháng 6/{year}, trước ngày 15/12/{year}, Trong năm {year}, Hàng quý hoặc Thường xuyên.");
            return (product, null);
        }
        return (product, deadline);
    }

    private static Deliverable NewDeliverable(string product, ParsedDeadline deadline, int order)
    {
        var deliverable = new Deliverable { Product = product, SortOrder = order };
        deliverable.ApplyDeadline(deadline);
        return deliverable;
    }

    private static string NumberTaken(string number, int year) => $"Số {number} đã được một kế hoạch năm {year} khác dùng.";

    private static object Snapshot(Deliverable d) => new { d.Product, d.DeadlineText, d.DeadlineKind, d.DeadlineStart, d.DeadlineDue, d.DeadlineNote };

    private async Task<IActionResult> RefuseAsync(int id, string form, Problems problems, bool keepInput = false)
    {
        problems.CopyTo(ModelState, form);
        var input = (Number, Title, SectionId, Code, Activity, Product, DeadlineText, DocumentDate);
        var page = await PageAsync(id);
        if (keepInput) (Number, Title, SectionId, Code, Activity, Product, DeadlineText, DocumentDate) = input;
        return page;
    }

    private async Task<IActionResult> ConflictAsync<T>(int itemId, string form, string what, int? planId = null)
    {
        var last = await LastChange.OfAsync<T>(db, itemId);
        Fail(form, $"{what} vừa được {last?.UserName ?? "người khác"} sửa{(last is null ? "" : " lúc " + EditorText.Time(last.AtUtc))}. "
            + "Trang đã hiện bản đã lưu; hãy xem lại rồi sửa tiếp.");
        return await PageAsync(planId ?? itemId);
    }

    protected override async Task<bool> LoadAsync(int id)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.Kind == PlanKind.UnitAnnual);
        if (plan is null) return false;
        Plan = plan;
        City = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == plan.ParentPlanId);
        CanEdit = await authorization.AllowsAsync(User, plan, Operations.EditUnitPlan);
        Sections = await db.Sections.AsNoTracking().Where(s => s.PlanId == id && !s.IsRetired).OrderBy(s => s.SortOrder).ToListAsync();
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.Section!.PlanId == id)
            .Include(t => t.Section)
            .Include(t => t.Deliverables.Where(d => !d.IsRetired).OrderBy(d => d.SortOrder).ThenBy(d => d.Id))
            .Include(t => t.Citations).ThenInclude(c => c.CitedTask)
            .OrderBy(t => t.Section!.SortOrder).ThenBy(t => t.SortOrder).ThenBy(t => t.Id)
            .ToListAsync();
        var led = (await UnitPlanStarter.CityTasksOfAsync(db, City.Id, plan.UnitId!.Value, AssignmentRole.Lead)).Select(t => t.Id).ToHashSet();
        Tasks = tasks.Select(t =>
        {
            var cited = t.Citations.Select(c => c.CitedTask).FirstOrDefault();
            return new TaskRow(t, t.Section!.Number, cited, cited is not null && led.Contains(cited.Id));
        }).ToList();
        Report = schedule.Of(City.Year).First(r => r.Kind == ReportKind.AnnualPlan);
        Submission = await db.ReportSubmissions().AsNoTracking()
            .FirstOrDefaultAsync(s => s.PlanId == City.Id && s.PeriodKey == Report.Key && s.UnitId == plan.UnitId && !s.IsRemoved);
        (Number, Title, Version) = (plan.Number, plan.Title, plan.Version);
        DocumentDate ??= (plan.IssuedOn ?? clock.Today).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }
}
