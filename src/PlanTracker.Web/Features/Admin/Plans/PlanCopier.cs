using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.History;
using PlanTracker.Core.Plans;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>
/// Creates next year's plan, optionally starting from an existing one: its sections, and if asked its
/// tasks, deliverables and assignments. Retired items are left behind. Deadlines keep their printed
/// text and are read again for the new year, so "Quý II" moves to the new year while
/// "Quý IV năm 2018" keeps its explicit year.
/// </summary>
public static class PlanCopier
{
    public enum CopyScope { Nothing, Sections, Everything }

    public static async Task<Plan> CreateAsync(PlanTrackerDbContext db, Actor actor, DateTime nowUtc,
        PlanHeader header, Plan? source, CopyScope scope)
    {
        var plan = new Plan
        {
            Number = header.Number, Title = header.Title, Year = header.Year, EndYear = header.Year, IssuedOn = header.IssuedOn,
            Issuer = header.Issuer, SignedBy = header.SignedBy, SignerTitle = header.SignerTitle, CreatedAtUtc = nowUtc,
        };
        var copies = new List<(PlanTask Copy, PlanTask Original)>();
        if (source is not null && scope != CopyScope.Nothing)
            foreach (var section in source.Sections.Where(s => !s.IsRetired).OrderBy(s => s.SortOrder))
                plan.Sections.Add(CopySection(section, plan.Year, scope == CopyScope.Everything, copies));

        db.Plans.Add(plan);
        await db.SaveChangesAsync(); // the history below needs the new ids

        var from = source is null || scope == CopyScope.Nothing ? null : $"{source.Number} ({source.Year})";
        db.Record(actor, nowUtc, plan, Change.Created,
            $"Tạo kế hoạch {plan.Number} năm {plan.Year}" + (from is null ? "" : $", sao chép từ kế hoạch {from}: "
                + $"{plan.Sections.Count} lĩnh vực, {copies.Count} nhiệm vụ và nội dung con"),
            after: new { header.Number, header.Title, header.Year, header.IssuedOn, header.Issuer, header.SignedBy, header.SignerTitle,
                CopiedFromPlanId = from is null ? null : (int?)source!.Id, Copied = scope.ToString() });
        foreach (var section in plan.Sections)
            db.Record(actor, nowUtc, section, Change.Created,
                $"Lĩnh vực {section.Number}. {section.Title}" + (from is null ? "" : $" (sao chép từ kế hoạch {from})"),
                after: new { section.Number, section.Title, section.SortOrder });
        foreach (var (copy, original) in copies)
            db.Record(actor, nowUtc, copy, Change.Created,
                $"Sao chép nhiệm vụ {original.Code} từ kế hoạch {from}",
                after: TaskSnapshot(copy), planId: plan.Id);
        await db.SaveChangesAsync();
        return plan;
    }

    /// <summary>The source plan with everything that may be copied, untracked.</summary>
    public static Task<Plan?> LoadSourceAsync(PlanTrackerDbContext db, int planId) =>
        db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Sections).ThenInclude(s => s.Tasks).ThenInclude(t => t.Deliverables)
            .Include(p => p.Sections).ThenInclude(s => s.Tasks).ThenInclude(t => t.Assignments)
            .FirstOrDefaultAsync(p => p.Id == planId);

    private static Section CopySection(Section original, int year, bool withTasks, List<(PlanTask, PlanTask)> copies)
    {
        var section = new Section { Number = original.Number, Title = original.Title, SortOrder = original.SortOrder };
        if (!withTasks) return section;

        var byOriginalId = new Dictionary<int, PlanTask>();
        foreach (var task in TaskOrder.Flatten(original.Tasks.Where(t => !t.IsRetired).ToList()))
        {
            PlanTask? parent = null;
            if (task.ParentTaskId is { } parentId && !byOriginalId.TryGetValue(parentId, out parent))
                continue; // the parent was retired, so its sub-items stay behind with it
            var copy = CopyTask(task, year);
            copy.ParentTask = parent;
            copy.SortOrder = section.Tasks.Count;
            section.Tasks.Add(copy);
            byOriginalId[task.Id] = copy;
            copies.Add((copy, task));
        }
        return section;
    }

    private static PlanTask CopyTask(PlanTask original, int year)
    {
        var copy = new PlanTask
        {
            Code = original.Code, Activity = original.Activity, Note = original.Note, Footnotes = original.Footnotes,
        };
        foreach (var d in original.Deliverables.Where(d => !d.IsRetired).OrderBy(d => d.SortOrder))
        {
            var deliverable = new Deliverable { Product = d.Product, Note = d.Note, SortOrder = copy.Deliverables.Count };
            deliverable.ApplyDeadline(DeadlineParser.Parse(d.DeadlineText, year));
            copy.Deliverables.Add(deliverable);
        }
        foreach (var a in original.Assignments.Where(a => !a.IsRetired).OrderBy(a => a.SortOrder))
            copy.Assignments.Add(new TaskAssignment
            {
                Role = a.Role, PrintedName = a.PrintedName, UnitId = a.UnitId, UnitGroupId = a.UnitGroupId,
                IsInferred = a.IsInferred, SortOrder = copy.Assignments.Count,
            });
        return copy;
    }

    private static object TaskSnapshot(PlanTask t) => new
    {
        t.Code, t.Activity, t.Note,
        Deliverables = t.Deliverables.Select(d => new { d.Product, d.DeadlineText, d.DeadlineKind, d.DeadlineDue }),
        Assignments = t.Assignments.Select(a => new { a.Role, a.PrintedName }),
    };
}
