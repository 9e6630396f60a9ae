using PlanTracker.Core.Deadlines;
using PlanTracker.Core.History;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>A plan's header and its sections: add, move, retire and restore.</summary>
public class EditPlanModel(PlanTrackerDbContext db, TimeProvider time, Microsoft.Extensions.Caching.Memory.IMemoryCache cache) : ItemEditorPageModel(time)
{
    public const string HeaderForm = "Header";
    public const string SectionsForm = "Sections";
    public const string AddSectionForm = "AddSection";
    public const string StatusForm = "Status";

    public record SectionRow(Section Section, int Tasks);

    public Plan Plan { get; private set; } = null!;
    public List<SectionRow> Sections { get; private set; } = [];
    public PlanHeaderInput Header { get; private set; } = new();
    public SectionInput NewSection { get; private set; } = new();
    public Conflict? HeaderConflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        NewSection = new SectionInput { Number = (Sections.Select(s => s.Section.Number).DefaultIfEmpty(0).Max() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Page();
    }

    public async Task<IActionResult> OnPostHeaderAsync(int id, [FromForm(Name = "Header")] PlanHeaderInput header)
    {
        var plan = await db.Plans.Live().FirstOrDefaultAsync(p => p.Id == id);
        if (plan is null) return NotFound();

        var problems = new Problems();
        var input = header.Check(problems);
        if (input is not null && await PlanNumbers.TakenAsync(db, input.Number, input.Year, exceptPlanId: id))
            problems.Add(PlanNumbers.Taken(input.Number, input.Year));
        if (input is not null && (input.Kind == PlanKind.Programme) != (plan.Kind == PlanKind.Programme))
            problems.Add(plan.Kind == PlanKind.Programme
                ? "Chương trình ghi giai đoạn nhiều năm, ví dụ 2021-2025."
                : "Kế hoạch năm chỉ có một năm; giai đoạn nhiều năm là của chương trình.");
        if (!problems.Any && plan.Version != header.Version)
        {
            HeaderConflict = Conflict.From(await LastChange.OfAsync<Plan>(db, id),
                new("Số", plan.Number, header.Number), new("Tên", plan.Title, header.Title),
                new("Năm", PlanHeaderInput.Of(plan).Year, header.Year),
                new("Ngày ban hành", Display.Date(plan.IssuedOn), header.IssuedOn),
                new("Cơ quan ban hành", plan.Issuer, header.Issuer), new("Người ký", plan.SignedBy, header.SignedBy),
                new("Chức vụ người ký", plan.SignerTitle, header.SignerTitle),
                new("Sở Nội vụ xác nhận hoàn thành", YesNo(plan.VerifiesCompletions), YesNo(header.VerifiesCompletions ?? plan.VerifiesCompletions)),
                new("Công khai tiến độ", YesNo(plan.PublicProgress), YesNo(header.PublicProgress ?? plan.PublicProgress)));
            header.Version = plan.Version; // a second press, after reading both versions, is a deliberate choice
        }
        if (problems.Any || HeaderConflict is not null || input is null)
        {
            problems.CopyTo(ModelState, HeaderForm);
            await LoadAsync(id);
            Header = header;
            return Page();
        }

        var changes = new FieldChanges()
            .Add(nameof(Plan.Number), "số", plan.Number, input.Number)
            .Add(nameof(Plan.Title), "tên", plan.Title, input.Title)
            .Add(nameof(Plan.Year), "năm", plan.Year, input.Year)
            .Add(nameof(Plan.EndYear), "năm cuối", plan.EndYear, input.EndYear)
            .Add(nameof(Plan.IssuedOn), "ngày ban hành", plan.IssuedOn, input.IssuedOn)
            .Add(nameof(Plan.Issuer), "cơ quan ban hành", plan.Issuer, input.Issuer)
            .Add(nameof(Plan.SignedBy), "người ký", plan.SignedBy, input.SignedBy)
            .Add(nameof(Plan.SignerTitle), "chức vụ người ký", plan.SignerTitle, input.SignerTitle)
            .Add(nameof(Plan.VerifiesCompletions), "Sở Nội vụ xác nhận hoàn thành", plan.VerifiesCompletions, header.VerifiesCompletions ?? plan.VerifiesCompletions)
            .Add(nameof(Plan.PublicProgress), "công khai tiến độ", plan.PublicProgress, header.PublicProgress ?? plan.PublicProgress);
        if (!changes.Any) return Done("Không có gì thay đổi.", null, new { id });

        var yearChanged = plan.Year != input.Year || plan.EndYear != input.EndYear;
        (plan.Number, plan.Title, plan.Year, plan.EndYear, plan.IssuedOn, plan.Issuer, plan.SignedBy, plan.SignerTitle) =
            (input.Number, input.Title, input.Year, input.EndYear, input.IssuedOn, input.Issuer, input.SignedBy, input.SignerTitle);
        plan.VerifiesCompletions = header.VerifiesCompletions ?? plan.VerifiesCompletions;
        var publicChanged = plan.PublicProgress != (header.PublicProgress ?? plan.PublicProgress);
        plan.PublicProgress = header.PublicProgress ?? plan.PublicProgress;
        db.Expect(plan, header.Version);
        db.Record(User.Actor(), NowUtc, plan, Change.Updated, $"Sửa kế hoạch {plan.Number}: {changes.Labels}", changes.Before, changes.After);
        var reread = yearChanged ? await RereadDeadlinesAsync(plan) : 0;
        try
        {
            if (!await TrySaveAsync()) return await OnPostHeaderAsync(id, header);
        }
        catch (DbUpdateException e)
        {
            if (!await PlanNumbers.TakenMeanwhileAsync(db, e, input.Number, input.Year, exceptPlanId: id)) throw;
            ModelState.AddModelError(HeaderForm, PlanNumbers.Taken(input.Number, input.Year));
            await LoadAsync(id);
            Header = header;
            return Page();
        }
        if (publicChanged) Features.Public.PublicProgressCounts.Evict(cache, plan.Id);
        return Done($"Đã lưu kế hoạch {plan.Number}." + (reread > 0 ? $" Đã đọc lại {reread} thời hạn theo năm {plan.Year}." : ""),
            null, new { id });
    }

    /// <summary>"Kích hoạt": the draft becomes the plan units work on and are reminded of.</summary>
    public Task<IActionResult> OnPostActivateAsync(int id, int version) => StepAsync(id, version, PlanStatus.Active);

    /// <summary>"Kết thúc": the plan becomes read-only and its reminders stop.</summary>
    public Task<IActionResult> OnPostCloseAsync(int id, int version) => StepAsync(id, version, PlanStatus.Closed);

    private static string YesNo(bool on) => on ? "Có" : "Không";

    private async Task<IActionResult> StepAsync(int id, int version, PlanStatus to)
    {
        var plan = await db.Plans.Live().FirstOrDefaultAsync(p => p.Id == id);
        if (plan is null) return NotFound();
        if (PlanStatusSteps.Refusal(plan, to) is { } refusal) return await FailAsync(id, StatusForm, refusal);
        if (plan.Version != version)
            return await FailAsync(id, StatusForm, $"Kế hoạch {plan.Number} vừa được sửa (trạng thái hiện nay: {plan.Status.Label()}). Xem lại rồi bấm lại nếu vẫn muốn.");
        PlanStatusSteps.Take(db, User.Actor(), NowUtc, plan, to);
        db.Expect(plan, version);
        if (!await TrySaveAsync()) return await FailAsync(id, StatusForm, $"Kế hoạch {plan.Number} vừa được người khác sửa. Xem lại rồi bấm lại nếu vẫn muốn.");
        return Done(to == PlanStatus.Active ? $"Đã kích hoạt kế hoạch {plan.Number}." : $"Đã kết thúc kế hoạch {plan.Number}; kế hoạch chỉ còn để xem.",
            null, new { id });
    }

    public async Task<IActionResult> OnPostAddSectionAsync(int id, [FromForm(Name = "NewSection")] SectionInput newSection)
    {
        var plan = await db.Plans.Live().Include(p => p.Sections).FirstOrDefaultAsync(p => p.Id == id);
        if (plan is null) return NotFound();
        var problems = new Problems();
        var input = await newSection.CheckAsync(db, id, null, problems);
        if (input is not { } valid)
        {
            problems.CopyTo(ModelState, AddSectionForm);
            NewSection = newSection;
            return await PageAsync(id);
        }

        var section = new Section
        {
            PlanId = id, Number = valid.Number, Title = valid.Title,
            SortOrder = plan.Sections.Select(s => s.SortOrder).DefaultIfEmpty(-1).Max() + 1,
        };
        db.Sections.Add(section);
        db.Record(User.Actor(), NowUtc, section, Change.Created,
            $"Thêm lĩnh vực {section.Number}. {section.Title}", after: new { section.Number, section.Title, section.SortOrder });
        await db.SaveChangesAsync();
        return Done($"Đã thêm lĩnh vực {section.Number}. {section.Title}.", null, new { id });
    }

    public async Task<IActionResult> OnPostMoveSectionAsync(int id, int sectionId, bool up)
    {
        var sections = await db.Sections.Where(s => s.PlanId == id).ToListAsync();
        var section = sections.FirstOrDefault(s => s.Id == sectionId);
        if (section is null) return NotFound();
        var before = section.SortOrder;
        if (!Ordering.Move(sections, section, up, s => s.SortOrder, s => s.Id, s => !s.IsRetired, (s, i) => s.SortOrder = i))
            return await FailAsync(id, SectionsForm, $"Lĩnh vực {section.Number} đã ở {(up ? "đầu" : "cuối")} danh sách.");
        db.Record(User.Actor(), NowUtc, section, Change.Moved,
            $"Chuyển lĩnh vực {section.Number} {(up ? "lên" : "xuống")}", new { SortOrder = before }, new { section.SortOrder });
        await db.SaveChangesAsync();
        return Done($"Đã chuyển lĩnh vực {section.Number} {(up ? "lên" : "xuống")}.", null, new { id });
    }

    public Task<IActionResult> OnPostRetireSectionAsync(int id, int sectionId) => SetRetiredAsync(id, sectionId, true);

    public Task<IActionResult> OnPostRestoreSectionAsync(int id, int sectionId) => SetRetiredAsync(id, sectionId, false);

    private async Task<IActionResult> SetRetiredAsync(int id, int sectionId, bool retire)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == sectionId && s.PlanId == id);
        if (section is null) return NotFound();
        if (section.IsRetired == retire)
            return await FailAsync(id, SectionsForm, $"Lĩnh vực {section.Number} {(retire ? "đã ngừng" : "đang dùng")} rồi.");
        section.IsRetired = retire;
        db.Record(User.Actor(), NowUtc, section, retire ? Change.Retired : Change.Restored,
            $"{(retire ? "Ngừng" : "Khôi phục")} lĩnh vực {section.Number}. {section.Title}",
            new { IsRetired = !retire }, new { IsRetired = retire });
        await db.SaveChangesAsync();
        return Done($"Đã {(retire ? "ngừng" : "khôi phục")} lĩnh vực {section.Number}.", null, new { id });
    }

    /// <summary>
    /// Deadlines without an explicit year mean the plan's year, so a new year changes what they mean.
    /// The printed text stays; each deliverable whose reading changes gets its own history record.
    /// </summary>
    private async Task<int> RereadDeadlinesAsync(Plan plan)
    {
        var deliverables = await db.Deliverables.Where(d => d.Task!.Section!.PlanId == plan.Id).ToListAsync();
        var changed = 0;
        foreach (var d in deliverables)
        {
            var parsed = DeadlineParser.Parse(d.DeadlineText, plan.Year, plan.EndYear);
            var changes = DeliverableInput.DeadlineChanges(d, parsed);
            if (!changes.Any) continue;
            d.ApplyDeadline(parsed);
            changed++;
            db.Record(User.Actor(), NowUtc, d, Change.Updated,
                $"Đọc lại thời hạn “{d.DeadlineText}” theo năm kế hoạch {plan.Year}", changes.Before, changes.After, plan.Id);
        }
        return changed;
    }

    protected override async Task<bool> LoadAsync(int id)
    {
        var plan = await db.Plans.AsNoTracking().Live().FirstOrDefaultAsync(p => p.Id == id);
        if (plan is null) return false;
        Plan = plan;
        Sections = await db.Sections.AsNoTracking().Where(s => s.PlanId == id)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new SectionRow(s, s.Tasks.Count(t => !t.IsRetired)))
            .ToListAsync();
        Header = PlanHeaderInput.Of(Plan);
        return true;
    }

    protected override Task<int?> PlanOfItemAsync(int id) => Task.FromResult<int?>(id);
}
