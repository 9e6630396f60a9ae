using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Plans;
using PlanTracker.Core.Text;

namespace PlanTracker.Core.Import;

/// <summary>
/// Imports a plan file in one transaction: refused whole when anything is wrong, a no-op when the
/// same file was imported before. Unit names are resolved through the unit directory; a name that
/// matches nothing is kept on the task and reported.
/// </summary>
public sealed class PlanImporter(PlanTrackerDbContext db, TimeProvider time)
{
    public async Task<ImportResult> ImportAsync(string path, CancellationToken ct = default)
    {
        var (file, hash) = ImportFileReader.Read<PlanFile>(path);
        var problems = PlanFileValidator.Validate(file);
        if (problems.Count > 0) throw new ImportException(path, problems);

        var header = file.Plan!;
        var number = VietnameseText.Clean(header.Number);
        var year = header.Year!.Value;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Number == number && p.Year == year, ct);
        if (existing is not null)
        {
            if (existing.SourceHash == hash)
                return new ImportResult(ImportOutcome.Unchanged, $"Plan {number} ({year}) is already imported from this file; nothing changed.", []);
            throw new ImportException(path, [$"$.plan: plan {number} for {year} is already in the database and differs from this file; change it in the plan editor instead of importing it again"]);
        }

        var directory = await UnitDirectory.LoadAsync(db, ct);
        var unmatched = new SortedSet<string>(StringComparer.Ordinal);
        var plan = BuildPlan(file, hash, directory, unmatched);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var tasks = plan.Sections.Sum(s => s.Tasks.Count);
        var deliverables = plan.Sections.Sum(s => s.Tasks.Sum(t => t.Deliverables.Count));
        var summary = $"Imported plan {number} ({year}): {plan.Sections.Count} sections, {tasks} tasks and sub-items, "
            + $"{deliverables} deliverables, {plan.Objectives.Count} objectives, {plan.Duties.Count} duties.";
        return new ImportResult(ImportOutcome.Imported, summary, [.. unmatched]);
    }

    private Plan BuildPlan(PlanFile file, string hash, UnitDirectory directory, SortedSet<string> unmatched)
    {
        var header = file.Plan!;
        var year = header.Year!.Value;
        var plan = new Plan
        {
            Number = VietnameseText.Clean(header.Number),
            Title = VietnameseText.Clean(header.Title),
            Year = year,
            IssuedOn = header.IssuedOn is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Issuer = CleanOrNull(header.Issuer),
            SignedBy = CleanOrNull(header.SignedBy),
            SignerTitle = CleanOrNull(header.SignerTitle),
            SourceHash = hash,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };

        plan.Objectives.AddRange((file.Objectives ?? []).Select((o, i) => new Objective
        {
            Code = VietnameseText.Clean(o.Code),
            Text = VietnameseText.Clean(o.Text),
            SortOrder = i,
            Indicators = [.. (o.Indicators ?? []).Select((ind, j) => new Indicator
            {
                Text = VietnameseText.Clean(ind.Text),
                Target = ind.Target,
                Unit = CleanOrNull(ind.Unit),
                SortOrder = j,
            })],
        }));

        foreach (var (dto, i) in file.Sections!.Select((s, i) => (s, i)))
        {
            var section = new Section { Number = dto.Number!.Value, Title = VietnameseText.Clean(dto.Title), SortOrder = i };
            var order = 0;
            foreach (var task in dto.Tasks ?? []) AddTask(section, null, task, year, directory, unmatched, ref order);
            plan.Sections.Add(section);
        }

        plan.Duties.AddRange((file.Duties ?? []).Select((d, i) =>
        {
            var deadline = DeadlineParser.Parse(d.Deadline, year);
            return new PlanDuty
            {
                Code = VietnameseText.Clean(d.Code),
                Text = VietnameseText.Clean(d.Text),
                Product = CleanOrNull(d.Product),
                Recipient = CleanOrNull(d.Recipient) ?? CleanOrNull(d.InferredRecipient),
                PrintedUnits = string.Join("; ", (d.Units ?? []).Select(VietnameseText.Clean)),
                Periods = d.Periods is { Count: > 0 } p ? string.Join(",", p.Select(VietnameseText.Clean)) : null,
                DeadlineText = deadline.Text,
                DeadlineKind = deadline.Kind,
                DeadlineDue = deadline.Due,
                Note = CleanOrNull(d.Note),
                SourceRef = CleanOrNull(d.Source),
                SortOrder = i,
            };
        }));
        return plan;
    }

    private static void AddTask(Section section, PlanTask? parent, TaskDto dto, int year,
        UnitDirectory directory, SortedSet<string> unmatched, ref int order)
    {
        var task = new PlanTask
        {
            Section = section,
            ParentTask = parent,
            Code = VietnameseText.Clean(dto.Code),
            Activity = VietnameseText.Clean(dto.Activity),
            Note = CleanOrNull(dto.Note),
            Footnotes = dto.Footnotes is { Count: > 0 } f ? string.Join("\n", f.Select(VietnameseText.Clean)) : null,
            SourceRef = CleanOrNull(dto.Source),
            SortOrder = order++,
        };

        var assignments = Assign(AssignmentRole.Lead, dto.LeadUnits, false)
            .Concat(Assign(AssignmentRole.Coordinating, dto.CoordinatingUnits, false))
            .Concat(Assign(AssignmentRole.Lead, dto.InferredLeadUnits, true))
            .Concat(Assign(AssignmentRole.Coordinating, dto.InferredCoordinatingUnits, true));
        foreach (var (role, name, inferred) in assignments)
        {
            var found = directory.TryFind(name, out var unitId, out var groupId);
            if (!found) unmatched.Add(name);
            task.Assignments.Add(new TaskAssignment
            {
                Role = role, PrintedName = name, UnitId = unitId, UnitGroupId = groupId,
                IsInferred = inferred, SortOrder = task.Assignments.Count,
            });
        }

        foreach (var (d, i) in (dto.Deliverables ?? []).Select((d, i) => (d, i)))
        {
            var deliverable = new Deliverable { Product = CleanOrNull(d.Product), Note = CleanOrNull(d.Note), SortOrder = i };
            deliverable.ApplyDeadline(DeadlineParser.Parse(d.Deadline, year));
            task.Deliverables.Add(deliverable);
        }

        section.Tasks.Add(task);
        foreach (var sub in dto.Subtasks ?? []) AddTask(section, task, sub, year, directory, unmatched, ref order);
    }

    private static IEnumerable<(AssignmentRole, string, bool)> Assign(AssignmentRole role, List<string>? names, bool inferred) =>
        (names ?? []).Select(VietnameseText.Clean).Where(n => n.Length > 0).Distinct().Select(n => (role, n, inferred));

    private static string? CleanOrNull(string? text) => VietnameseText.Clean(text) is { Length: > 0 } t ? t : null;
}
