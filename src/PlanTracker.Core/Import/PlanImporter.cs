using System.Globalization;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Text;

namespace PlanTracker.Core.Import;

/// <summary>
/// Imports a plan file: refused whole when anything is wrong, a no-op when the same file was imported before.
/// Unit names are resolved through the unit directory; a name that matches nothing is kept on the task and reported.
/// <para>All or nothing, without holding SQLite's one write lock for the whole file: one transaction of 50,000 tasks
/// made other saves wait up to 20.7 s. The file is read and validated first; then the plan is written in chunks of
/// <see cref="TasksPerChunk"/> tasks, each its own short transaction, so other writers get in between. Until the
/// last step the plan is staged: numbered <see cref="StagingPrefix"/>… (so it is not the plan users know) and its
/// sections retired (so no task, deliverable, reminder or count of it shows anywhere). The last step gives the plan
/// its number and brings its sections back in one small transaction. On any failure the staged rows are deleted,
/// again in chunks; a staging plan left by a killed import is deleted by the next import.</para>
/// </summary>
public sealed class PlanImporter(PlanTrackerDbContext db, TimeProvider time)
{
    /// <summary>The number of a plan being imported; fits Plan.Number (64) with a 32-digit id.</summary>
    public const string StagingPrefix = "importing:";

    /// <summary>Tasks per transaction: about 500 tasks with their deliverables and unit links commit in tens of ms.</summary>
    public int TasksPerChunk { get; init; } = 500;

    /// <summary>A staging plan older than this belongs to an import that was killed.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    public async Task<ImportResult> ImportAsync(string path, CancellationToken ct = default)
    {
        var (file, hash) = await ImportFileReader.ReadAsync<PlanFile>(path, ct);
        return await ImportAsync(file, path, hash, PlanStatus.Active, ct);
    }

    /// <summary>
    /// Imports a plan already read (from a Word, Excel or text document): <paramref name="source"/> names it in the
    /// problems, <paramref name="hash"/> is the SHA-256 of the bytes it was read from (so the same upload again is a
    /// no-op), and <paramref name="status"/> is the new plan's (a plan from the import wizard starts as a draft).
    /// </summary>
    public async Task<ImportResult> ImportAsync(PlanFile file, string source, string hash, PlanStatus status, CancellationToken ct = default)
    {
        var path = source;
        var problems = PlanFileValidator.Validate(file);
        if (problems.Count > 0) throw new ImportException(path, problems);

        var header = file.Plan!;
        var number = VietnameseText.Clean(header.Number);
        var year = header.Year!.Value;
        var period = year == (header.EndYear ?? year) ? $"{year}" : $"{year}-{header.EndYear}";

        var existing = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Number == number && p.Year == year, ct);
        if (existing is not null)
        {
            if (existing.SourceHash == hash)
                return new ImportResult(ImportOutcome.Unchanged, $"Plan {number} ({year}) is already imported from this file; nothing changed.", []);
            throw new ImportException(path, [$"$.plan: plan {number} for {year} is already in the database and differs from this file; change it in the plan editor instead of importing it again"]);
        }
        var cited = await ResolveCitationsAsync(file, year, path, ct);
        await DeleteAbandonedStagingAsync(ct);

        var directory = await UnitDirectory.LoadAsync(db, ct);
        var unmatched = new SortedSet<string>(StringComparer.Ordinal);
        var plan = BuildHeader(file, hash, year);
        plan.Status = status;
        foreach (var name in plan.Duties.SelectMany(d => d.PrintedUnits.Split("; ", StringSplitOptions.RemoveEmptyEntries)))
            if (!directory.TryFind(name, out _, out _)) unmatched.Add(name);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        var planId = plan.Id;
        var sections = plan.Sections.Select(s => s.Id).ToList();
        var (objectives, duties) = (plan.Objectives.Count, plan.Duties.Count);
        db.ChangeTracker.Clear();

        try
        {
            var (tasks, deliverables) = await WriteTasksAsync(file, sections, year, plan.EndYear, directory, unmatched, cited, ct);
            // A caller's transaction (a seed of several files) is joined, not nested.
            await using (var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null)
            {
                await db.Sections.Where(s => s.PlanId == planId).ExecuteUpdateAsync(u => u.SetProperty(s => s.IsRetired, false), ct);
                await db.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Number, number), ct);
                await CountStamp.RaiseAsync(db, items: true, ct); // the plan's items appear: what was kept without them is stale
                if (transaction is not null) await transaction.CommitAsync(ct);
            }
            var summary = $"Imported {(plan.Kind == PlanKind.Programme ? "programme" : "plan")} {number} ({period}): {sections.Count} sections, {tasks} tasks and sub-items, "
                + $"{deliverables} deliverables, {objectives} objectives, {duties} duties.";
            return new ImportResult(ImportOutcome.Imported, summary, [.. unmatched]);
        }
        catch (Exception e)
        {
            db.ChangeTracker.Clear();
            await DeleteStagedAsync(planId);
            if (e is DbUpdateException or System.Data.Common.DbException)
                throw new ImportException(path, [$"the database refused the import: {(e.InnerException ?? e).Message}"]);
            throw;
        }
    }

    /// <summary>Writes every task family (a task and its sub-items) in chunks of about <see cref="TasksPerChunk"/>, each in its own transaction.</summary>
    private async Task<(int Tasks, int Deliverables)> WriteTasksAsync(PlanFile file, List<int> sectionIds, int year, int endYear,
        UnitDirectory directory, SortedSet<string> unmatched, Dictionary<(string Plan, string Code), int> cited, CancellationToken ct)
    {
        var (tasks, deliverables, pending) = (0, 0, 0);
        foreach (var (dto, sectionId) in file.Sections!.Zip(sectionIds))
        {
            var order = 0;
            foreach (var taskDto in dto.Tasks ?? [])
            {
                var family = new List<PlanTask>();
                AddTask(sectionId, null, taskDto, year, endYear, directory, unmatched, cited, family, ref order);
                db.Tasks.AddRange(family);
                (tasks, deliverables, pending) = (tasks + family.Count, deliverables + family.Sum(t => t.Deliverables.Count), pending + family.Count);
                if (pending < TasksPerChunk) continue;
                await SaveChunkAsync(ct);
                pending = 0;
            }
        }
        if (pending > 0) await SaveChunkAsync(ct);
        return (tasks, deliverables);
    }

    /// <summary>One short transaction; the change tracker is emptied so that memory stays bounded by the chunk.</summary>
    private async Task SaveChunkAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The task id of every programme item the file's tasks cite, keyed by plan number and item code; refuses the
    /// file, naming each citation's path, when a cited plan or item is not in the database. Where two plans share a
    /// number, the one whose period holds this plan's year is meant.
    /// </summary>
    private async Task<Dictionary<(string Plan, string Code), int>> ResolveCitationsAsync(PlanFile file, int year, string path, CancellationToken ct)
    {
        var cites = file.Sections!.SelectMany((s, i) => CitesOf(s.Tasks ?? [], $"$.sections[{i}].tasks"))
            .Select(c => (c.Path, Plan: VietnameseText.Clean(c.Cite.Plan), Code: VietnameseText.Clean(c.Cite.Code)))
            .ToList();
        var resolved = new Dictionary<(string Plan, string Code), int>();
        if (cites.Count == 0) return resolved;

        var numbers = cites.Select(c => c.Plan).Distinct().ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => numbers.Contains(p.Number))
            .Select(p => new { p.Id, p.Number, p.Year, p.EndYear }).ToListAsync(ct);
        var planOf = plans.GroupBy(p => p.Number).ToDictionary(g => g.Key,
            g => g.Count() == 1 ? g.Single().Id : g.SingleOrDefault(p => p.Year <= year && year <= p.EndYear)?.Id);
        var planIds = planOf.Values.OfType<int>().ToList();
        var items = await db.Tasks.AsNoTracking().Where(t => planIds.Contains(t.Section!.PlanId) && !t.IsRetired)
            .Select(t => new { t.Id, t.Code, t.Section!.PlanId }).ToListAsync(ct);

        var problems = new List<string>();
        foreach (var (at, number, code) in cites)
        {
            if (!planOf.TryGetValue(number, out var planId))
                problems.Add($"{at}.plan: no plan numbered '{number}' is in the database; import it first");
            else if (planId is null)
                problems.Add($"{at}.plan: several plans are numbered '{number}' and none of their periods holds {year}");
            else if (items.FirstOrDefault(t => t.PlanId == planId && t.Code == code) is { } item)
                resolved[(number, code)] = item.Id;
            else
                problems.Add($"{at}.code: plan {number} has no item '{code}'");
        }
        if (problems.Count > 0) throw new ImportException(path, problems);
        return resolved;
    }

    private static IEnumerable<(string Path, CitationDto Cite)> CitesOf(List<TaskDto> tasks, string path) =>
        tasks.SelectMany((t, i) => (t.Cites ?? []).Select((c, j) => ($"{path}[{i}].cites[{j}]", c))
            .Concat(CitesOf(t.Subtasks ?? [], $"{path}[{i}].subtasks")));

    private async Task DeleteAbandonedStagingAsync(CancellationToken ct)
    {
        var before = time.GetUtcNow().UtcDateTime - AbandonedAfter;
        var abandoned = await db.Plans.Where(p => p.Number.StartsWith(StagingPrefix) && p.CreatedAtUtc < before).Select(p => p.Id).ToListAsync(ct);
        foreach (var id in abandoned) await DeleteStagedAsync(id);
    }

    /// <summary>
    /// Deletes a staged plan in chunks (sub-items before their parents: the parent link restricts deletes), then the
    /// plan with what cascades from it. Not cancellable: a cancelled import must still leave nothing behind.
    /// </summary>
    private async Task DeleteStagedAsync(int planId)
    {
        var staged = db.Tasks.Where(t => t.Section!.PlanId == planId);
        while (await DeleteCountedAsync(staged.Where(t => t.ParentTaskId != null).OrderBy(t => t.Id).Take(TasksPerChunk)) > 0) { }
        while (await DeleteCountedAsync(staged.OrderBy(t => t.Id).Take(TasksPerChunk)) > 0) { }
        await DeleteCountedAsync(db.Plans.Where(p => p.Id == planId));
    }

    /// <summary>
    /// One ExecuteDelete with the count stamp raised in its transaction, as a save would raise it: what was kept while the
    /// staged rows were there (a calendar feed) is read again.
    /// </summary>
    private async Task<int> DeleteCountedAsync<T>(IQueryable<T> rows)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        var deleted = await rows.ExecuteDeleteAsync();
        if (deleted > 0) await CountStamp.RaiseAsync(db, items: true);
        if (transaction is not null) await transaction.CommitAsync();
        return deleted;
    }

    /// <summary>The staged plan with everything but its tasks: header, objectives, retired sections and duties.</summary>
    private Plan BuildHeader(PlanFile file, string hash, int year)
    {
        var header = file.Plan!;
        var plan = new Plan
        {
            Number = StagingPrefix + Guid.NewGuid().ToString("N"),
            Kind = PlanFileValidator.KindOf(header),
            Title = VietnameseText.Clean(header.Title),
            Year = year,
            EndYear = header.EndYear ?? year,
            IssuedOn = header.IssuedOn is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Issuer = CleanOrNull(header.Issuer),
            SignedBy = CleanOrNull(header.SignedBy),
            SignerTitle = CleanOrNull(header.SignerTitle),
            VerifiesCompletions = header.VerifiesCompletions ?? false,
            SourceHash = hash,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };

        plan.Objectives.AddRange((file.Objectives ?? []).Select((o, i) => new Objective
        {
            Code = VietnameseText.Clean(o.Code),
            Kind = PlanFileValidator.KindOf(o),
            Text = VietnameseText.Clean(o.Text),
            SortOrder = i,
            Indicators = [.. (o.Indicators ?? []).Select((ind, j) => new Indicator
            {
                Text = VietnameseText.Clean(ind.Text),
                Target = ind.Target,
                Unit = CleanOrNull(ind.Unit),
                Level = CleanOrNull(ind.Level),
                TargetYear = ind.TargetYear,
                Steps = [.. (ind.Steps ?? []).OrderBy(s => s.Year).Select(s => new IndicatorStep { Year = s.Year!.Value, Target = s.Target, Text = CleanOrNull(s.Text) })],
                SortOrder = j,
            })],
        }));

        plan.Sections.AddRange(file.Sections!.Select((dto, i) =>
            new Section { Number = dto.Number!.Value, Title = VietnameseText.Clean(dto.Title), SortOrder = i, IsRetired = true }));

        plan.Duties.AddRange((file.Duties ?? []).Select((d, i) =>
        {
            var deadline = DeadlineParser.Parse(d.Deadline, year, plan.EndYear);
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

    private static void AddTask(int sectionId, PlanTask? parent, TaskDto dto, int year, int endYear, UnitDirectory directory,
        SortedSet<string> unmatched, Dictionary<(string Plan, string Code), int> cited, List<PlanTask> family, ref int order)
    {
        var task = new PlanTask
        {
            SectionId = sectionId,
            ParentTask = parent,
            Code = VietnameseText.Clean(dto.Code),
            Activity = VietnameseText.Clean(dto.Activity),
            AssignedByHigherLevel = dto.AssignedByHigherLevel,
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
            deliverable.ApplyDeadline(DeadlineParser.Parse(d.Deadline, year, endYear));
            task.Deliverables.Add(deliverable);
        }

        foreach (var cite in dto.Cites ?? [])
        {
            var citedId = cited[(VietnameseText.Clean(cite.Plan), VietnameseText.Clean(cite.Code))];
            if (task.Citations.All(c => c.CitedTaskId != citedId)) task.Citations.Add(new TaskCitation { CitedTaskId = citedId });
        }

        family.Add(task);
        foreach (var sub in dto.Subtasks ?? []) AddTask(sectionId, task, sub, year, endYear, directory, unmatched, cited, family, ref order);
    }

    private static IEnumerable<(AssignmentRole, string, bool)> Assign(AssignmentRole role, List<string>? names, bool inferred) =>
        (names ?? []).Select(VietnameseText.Clean).Where(n => n.Length > 0).Distinct().Select(n => (role, n, inferred));

    private static string? CleanOrNull(string? text) => VietnameseText.Clean(text) is { Length: > 0 } t ? t : null;
}
