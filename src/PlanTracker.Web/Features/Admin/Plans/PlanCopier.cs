using PlanTracker.Core.Deadlines;
using PlanTracker.Core.History;
using PlanTracker.Core.States;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>
/// Makes a plan from another one: the "new plan" form (deadline texts kept as printed and read in the new year)
/// and "Lập kế hoạch năm sau" (each deliverable with the text chosen on the review screen, by default the one
/// <see cref="PlanRollover"/> proposes; unchecked ones left out; unfinished items carried over). Retired items
/// stay behind. Everything is written in one transaction with its history.
/// </summary>
public static class PlanCopier
{
    public enum CopyScope { Nothing, Sections, Everything }

    /// <summary>
    /// What the copy takes. <paramref name="Deadlines"/>: source deliverable id → its text in the new plan, a
    /// deliverable without an entry left out; null keeps every printed text (duties' texts too), read in the new year.
    /// <paramref name="CarryOver"/>: unfinished source deliverables to carry over ("chuyển tiếp").
    /// </summary>
    public sealed record Choices(CopyScope Scope, IReadOnlyDictionary<int, string>? Deadlines = null, IReadOnlyCollection<int>? CarryOver = null);

    /// <summary>An unfinished deliverable of the source plan, one that may be carried over.</summary>
    public sealed record Unfinished(int DeliverableId, string TaskCode, string? Product, string DeadlineText, DateOnly? Due, DeliverableState State);

    /// <summary>Next year's draft of <paramref name="source"/>: kind, unit and parent kept, period and title years moved.</summary>
    public static Plan NextYearDraft(Plan source, int year, string? number, DateTime nowUtc) => new()
    {
        Number = number ?? source.Number,
        Title = PlanRollover.ShiftYears(source.Title, year - source.Year),
        Year = year,
        EndYear = source.EndYear + year - source.Year,
        Kind = source.Kind,
        Status = PlanStatus.Draft,
        UnitId = source.UnitId,
        ParentPlanId = source.ParentPlanId,
        CopiedFromPlanId = source.Id,
        Issuer = source.Issuer,
        SignerTitle = source.SignerTitle,
        CreatedAtUtc = nowUtc,
    };

    public static async Task<Plan> CreateAsync(PlanTrackerDbContext db, Actor actor, DateTime nowUtc, Plan plan, Plan? source, Choices choices)
    {
        var from = source is null || choices.Scope == CopyScope.Nothing ? null : source;
        plan.VerifiesCompletions = true; // every plan made in the app, copied or not; an imported file says for itself
        var copies = new List<(PlanTask Copy, PlanTask Original)>();
        var carried = new List<(Deliverable Copy, Deliverable Original)>();
        if (from is not null)
        {
            plan.CopiedFromPlanId = from.Id;
            if (choices.Scope == CopyScope.Everything)
            {
                CopyTasks(from, plan, choices.Deadlines, copies);
                CopyStatements(from, plan, choices.Deadlines is null);
                foreach (var id in choices.CarryOver ?? [])
                    carried.Add(CarryOver(from, plan, id, copies));
            }
            else
                foreach (var section in from.Sections.Where(s => !s.IsRetired).OrderBy(s => s.SortOrder))
                    plan.Sections.Add(new Section { Number = section.Number, Title = section.Title, SortOrder = section.SortOrder });
        }

        // The history below needs the new ids, and the two saves are one change.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        RecordCopy(db, actor, nowUtc, plan, from, copies, carried);
        await db.SaveChangesAsync();
        if (transaction is not null) await transaction.CommitAsync();
        return plan;
    }

    /// <summary>The source plan with everything that may be copied, untracked.</summary>
    public static Task<Plan?> LoadSourceAsync(PlanTrackerDbContext db, int planId) =>
        db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Sections).ThenInclude(s => s.Tasks).ThenInclude(t => t.Deliverables)
            .Include(p => p.Sections).ThenInclude(s => s.Tasks).ThenInclude(t => t.Assignments)
            .Include(p => p.Sections).ThenInclude(s => s.Tasks).ThenInclude(t => t.Citations)
            .Include(p => p.Objectives).ThenInclude(o => o.Indicators).ThenInclude(i => i.Steps)
            .Include(p => p.Duties)
            .FirstOrDefaultAsync(p => p.Id == planId);

    /// <summary>
    /// The plan's deliverables not done as of <paramref name="today"/> by the state rules, any lead unit counted.
    /// Recurring and ongoing ones are left out: next year's copy repeats them anyway.
    /// </summary>
    public static async Task<List<Unfinished>> UnfinishedAsync(PlanTrackerDbContext db, int planId, DateOnly today)
    {
        var items = await WorkItems.LoadAsync(db, today, planId: planId);
        return [.. items
            .Where(i => i.Kind is not (DeadlineKind.Ongoing or DeadlineKind.RecurringQuarterly or DeadlineKind.RecurringYearly
                or DeadlineKind.RecurringMonthly or DeadlineKind.RecurringHalfYearly))
            .GroupBy(i => i.DeliverableId)
            .Where(g => g.Any(i => !i.State.IsDone()))
            .Select(g => g.Where(i => !i.State.IsDone()).MinBy(i => i.State)!)
            .Select(i => new Unfinished(i.DeliverableId, i.TaskCode, i.Product, i.DeadlineText, i.Due, i.State))
            .OrderBy(u => u.TaskCode, TaskCodeOrder.Instance).ThenBy(u => u.DeliverableId)];
    }

    public static string Name(Plan plan) => $"{plan.Number} năm {plan.Year}";

    private static void CopyTasks(Plan source, Plan plan, IReadOnlyDictionary<int, string>? deadlines, List<(PlanTask, PlanTask)> copies)
    {
        var live = PlanRollover.LiveTasks(source).ToList();
        var kept = live.Where(t => t.Deliverables.All(d => d.IsRetired) || t.Deliverables.Any(d => !d.IsRetired && Keeps(deadlines, d))).ToList();
        // A task whose every product was left out goes too, unless one of its sub-items stays.
        kept = [.. live.Where(t => kept.Contains(t) || kept.Any(k => k.ParentTaskId == t.Id))];
        var sections = new Dictionary<int, Section>();
        foreach (var original in source.Sections.Where(s => !s.IsRetired).OrderBy(s => s.SortOrder))
        {
            var section = new Section { Number = original.Number, Title = original.Title, SortOrder = original.SortOrder };
            plan.Sections.Add(section);
            sections[original.Id] = section;
        }

        var byOriginalId = new Dictionary<int, PlanTask>();
        foreach (var task in kept)
        {
            var copy = CopyTask(task, plan, deadlines);
            var section = sections[task.SectionId];
            copy.SortOrder = section.Tasks.Count;
            section.Tasks.Add(copy);
            byOriginalId[task.Id] = copy;
            copies.Add((copy, task));
        }
        foreach (var (copy, original) in copies)
        {
            if (original.ParentTaskId is { } parentId) copy.ParentTask = byOriginalId[parentId];
            // A citation of a task of the same plan follows its copy; one of another plan (the programme) stays.
            foreach (var citation in original.Citations)
                copy.Citations.Add(byOriginalId.TryGetValue(citation.CitedTaskId, out var cited)
                    ? new TaskCitation { CitedTask = cited }
                    : new TaskCitation { CitedTaskId = citation.CitedTaskId });
        }
    }

    private static bool Keeps(IReadOnlyDictionary<int, string>? deadlines, Deliverable d) => deadlines is null || deadlines.ContainsKey(d.Id);

    private static PlanTask CopyTask(PlanTask original, Plan plan, IReadOnlyDictionary<int, string>? deadlines)
    {
        var copy = new PlanTask
        {
            Code = original.Code, Activity = original.Activity, Note = original.Note, Footnotes = original.Footnotes,
            AssignedByHigherLevel = original.AssignedByHigherLevel,
        };
        foreach (var d in original.Deliverables.Where(d => !d.IsRetired && Keeps(deadlines, d)).OrderBy(d => d.SortOrder))
        {
            var deliverable = new Deliverable { Product = d.Product, Note = d.Note, SortOrder = copy.Deliverables.Count };
            deliverable.ApplyDeadline(DeadlineParser.Parse(deadlines is null ? d.DeadlineText : deadlines[d.Id], plan.Year, plan.EndYear));
            copy.Deliverables.Add(deliverable);
        }
        CopyAssignments(original, copy);
        return copy;
    }

    private static void CopyAssignments(PlanTask original, PlanTask copy)
    {
        foreach (var a in original.Assignments.Where(a => !a.IsRetired).OrderBy(a => a.SortOrder))
            copy.Assignments.Add(new TaskAssignment
            {
                Role = a.Role, PrintedName = a.PrintedName, UnitId = a.UnitId, UnitGroupId = a.UnitGroupId,
                IsInferred = a.IsInferred, SortOrder = copy.Assignments.Count,
            });
    }

    /// <summary>Objectives with their indicators (targets, not the values entered), and section III duties.</summary>
    private static void CopyStatements(Plan source, Plan plan, bool keepDutyTexts)
    {
        foreach (var o in source.Objectives.OrderBy(o => o.SortOrder))
            plan.Objectives.Add(new Objective
            {
                Code = o.Code, Text = o.Text, Kind = o.Kind, SortOrder = o.SortOrder,
                Indicators = [.. o.Indicators.OrderBy(i => i.SortOrder).Select(i => new Indicator
                {
                    Text = i.Text, Target = i.Target, Unit = i.Unit, Level = i.Level, TargetYear = i.TargetYear,
                    SortOrder = i.SortOrder, ResponsibleUnitId = i.ResponsibleUnitId,
                    Steps = [.. i.Steps.OrderBy(s => s.Year).Select(s => new IndicatorStep { Year = s.Year, Target = s.Target, Text = s.Text })],
                })],
            });
        foreach (var d in source.Duties.OrderBy(d => d.SortOrder))
        {
            var deadline = keepDutyTexts ? DeadlineParser.Parse(d.DeadlineText, plan.Year, plan.EndYear) : PlanRollover.Propose(d.DeadlineText, source, plan.Year);
            plan.Duties.Add(new PlanDuty
            {
                Code = d.Code, Text = d.Text, Product = d.Product, Recipient = d.Recipient, PrintedUnits = d.PrintedUnits,
                Periods = d.Periods, Note = d.Note, SourceRef = d.SourceRef, SortOrder = d.SortOrder,
                DeadlineText = deadline.Text, DeadlineKind = deadline.Kind, DeadlineDue = deadline.Due,
            });
        }
    }

    /// <summary>
    /// The unfinished deliverable goes into the new plan's task of the same code (made, with its section, when the
    /// copy left it out), with its own deadline: it is the same obligation, still owed, so its lateness stays visible.
    /// </summary>
    private static (Deliverable, Deliverable) CarryOver(Plan source, Plan plan, int deliverableId, List<(PlanTask Copy, PlanTask Original)> copies)
    {
        var tasks = source.Sections.SelectMany(s => s.Tasks).ToList();
        var original = tasks.SelectMany(t => t.Deliverables).Single(d => d.Id == deliverableId);
        var originalTask = tasks.Single(t => t.Id == original.TaskId);
        var task = copies.Select(c => c.Copy).FirstOrDefault(t => t.Code == originalTask.Code);
        if (task is null)
        {
            var originalSection = source.Sections.Single(s => s.Id == originalTask.SectionId);
            var section = plan.Sections.FirstOrDefault(s => s.Number == originalSection.Number);
            if (section is null)
                plan.Sections.Add(section = new Section { Number = originalSection.Number, Title = originalSection.Title, SortOrder = originalSection.SortOrder });
            var parentCode = tasks.FirstOrDefault(t => t.Id == originalTask.ParentTaskId)?.Code;
            task = new PlanTask
            {
                Code = originalTask.Code, Activity = originalTask.Activity, Note = originalTask.Note, Footnotes = originalTask.Footnotes,
                AssignedByHigherLevel = originalTask.AssignedByHigherLevel,
                ParentTask = parentCode is null ? null : copies.Select(c => c.Copy).FirstOrDefault(t => t.Code == parentCode),
                SortOrder = section.Tasks.Count,
            };
            CopyAssignments(originalTask, task);
            section.Tasks.Add(task);
            copies.Add((task, originalTask));
        }
        var carried = new Deliverable
        {
            Product = original.Product,
            Note = $"Chuyển tiếp từ kế hoạch {Name(source)}" + (original.Note is null ? "" : $". {original.Note}"),
            SortOrder = task.Deliverables.Count,
            DeadlineText = original.DeadlineText, DeadlineKind = original.DeadlineKind, DeadlineStart = original.DeadlineStart,
            DeadlineDue = original.DeadlineDue, DeadlineNote = original.DeadlineNote,
            CarriedOverFromId = original.Id,
        };
        task.Deliverables.Add(carried);
        return (carried, original);
    }

    private static void RecordCopy(PlanTrackerDbContext db, Actor actor, DateTime nowUtc, Plan plan, Plan? from,
        List<(PlanTask Copy, PlanTask Original)> copies, List<(Deliverable Copy, Deliverable Original)> carried)
    {
        var source = from is null ? null : Name(from);
        var indicators = plan.Objectives.Sum(o => o.Indicators.Count);
        db.Record(actor, nowUtc, plan, Change.Created,
            $"Tạo kế hoạch {Name(plan)}" + (source is null ? "" : $", sao chép từ kế hoạch {source}: "
                + $"{plan.Sections.Count} lĩnh vực, {copies.Count} nhiệm vụ và nội dung con, "
                + $"{plan.Sections.SelectMany(s => s.Tasks).Sum(t => t.Deliverables.Count)} sản phẩm ({carried.Count} chuyển tiếp), "
                + $"{plan.Objectives.Count} mục tiêu, {indicators} chỉ tiêu, {plan.Duties.Count} nhiệm vụ tổ chức thực hiện"),
            after: new { plan.Number, plan.Title, plan.Year, plan.EndYear, plan.Kind, plan.Status, plan.IssuedOn, plan.Issuer, plan.SignedBy,
                plan.SignerTitle, plan.CopiedFromPlanId, CarriedOver = carried.Select(c => c.Original.Id) });
        foreach (var section in plan.Sections)
            db.Record(actor, nowUtc, section, Change.Created,
                $"Lĩnh vực {section.Number}. {section.Title}" + (source is null ? "" : $" (sao chép từ kế hoạch {source})"),
                after: new { section.Number, section.Title, section.SortOrder });
        foreach (var (copy, original) in copies)
            db.Record(actor, nowUtc, copy, Change.Created,
                $"Sao chép nhiệm vụ {original.Code} từ kế hoạch {source}",
                after: TaskSnapshot(copy), planId: plan.Id);
        foreach (var (copy, original) in carried)
            db.Record(actor, nowUtc, copy, Change.Created,
                $"Chuyển tiếp sản phẩm “{original.Product}” của nhiệm vụ {copy.Task?.Code} từ kế hoạch {source}",
                after: new { copy.Product, copy.DeadlineText, copy.DeadlineDue, copy.CarriedOverFromId }, planId: plan.Id);
        foreach (var objective in plan.Objectives)
            db.Record(actor, nowUtc, objective, Change.Created, $"Sao chép mục tiêu {objective.Code} từ kế hoạch {source}",
                after: new { objective.Code, objective.Text, objective.Kind, Indicators = objective.Indicators.Select(i => new { i.Text, i.Target, i.Unit, i.Level, i.TargetYear }) },
                planId: plan.Id);
        foreach (var duty in plan.Duties)
            db.Record(actor, nowUtc, duty, Change.Created, $"Sao chép nhiệm vụ tổ chức thực hiện {duty.Code} từ kế hoạch {source}",
                after: new { duty.Code, duty.DeadlineText, duty.DeadlineKind, duty.DeadlineDue }, planId: plan.Id);
    }

    private static object TaskSnapshot(PlanTask t) => new
    {
        t.Code, t.Activity, t.Note,
        Deliverables = t.Deliverables.Select(d => new { d.Product, d.DeadlineText, d.DeadlineKind, d.DeadlineDue, d.CarriedOverFromId }),
        Assignments = t.Assignments.Select(a => new { a.Role, a.PrintedName }),
        Citations = t.Citations.Select(c => c.CitedTask?.Id ?? c.CitedTaskId),
    };
}
