using Microsoft.AspNetCore.Identity;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.History;
using PlanTracker.Core.Progress;
using PlanTracker.Core.States;
using PlanTracker.Core.Text;
using PlanTracker.Core.Units;

namespace PlanTracker.Core.Generation;

public sealed record GeneratorSummary(int Units, int Plans, int Tasks, int Deliverables, int ProgressRecords, int Users, TimeSpan Elapsed);

/// <summary>
/// Makes a province's worth of plans for benchmarks and training: departments, districts and communes, one
/// city plan and one plan per department and district each year, deadlines in the proportions Plan 163 has,
/// progress with a share done late and a share overdue. Deterministic for a seed.
/// </summary>
public sealed class ProvinceGenerator(PlanTrackerDbContext db)
{
    // Deadline kinds in Plan 163's proportions (71 deliverables): year 37, quarter 14, month 8, ongoing 7, window 3, recurring 1, set later 1.
    private static readonly (int Weight, Func<Random, int, string> Text)[] DeadlineForms =
    [
        (37, (_, y) => $"Trong năm {y}"),
        (14, (r, y) => $"Quý {Roman(r.Next(1, 5))} năm {y}"),
        (8, (r, y) => $"Tháng {r.Next(1, 13)} năm {y}"),
        (7, (_, _) => "Thường xuyên"),
        (3, (_, y) => $"Quý II - Quý IV năm {y}"),
        (1, (_, _) => "Hàng quý"),
        (1, (_, _) => "Theo hướng dẫn của Bộ Nội vụ"),
    ];

    /// <summary>A province that does not exist, so generated names never meet real ones.</summary>
    public const string Province = "An Hòa";

    public async Task<GeneratorSummary> GenerateAsync(GeneratorOptions options, string? userPassword = null, CancellationToken ct = default)
    {
        if (await db.Units.AnyAsync(u => u.Code == "G_VPUBND", ct))
            throw new InvalidOperationException("The database already holds generated data; generate into an empty database.");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var random = new Random(options.Seed);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var (cityBodies, districts, communesOf) = await CreateUnitsAsync(options, ct);
        var allUnits = cityBodies.Concat(districts).Concat(communesOf.Values.SelectMany(c => c)).ToList();
        var groups = await CreateGroupsAsync(cityBodies, districts, communesOf, ct);

        var made = options.Cycle
            ? await AddCycleAsync(options, allUnits, cityBodies, groups, random, ct)
            : await AddPlansAsync(options, allUnits, cityBodies, districts, communesOf, groups, random, ct);

        var users = userPassword is null ? 0 : await CreateUsersAsync(allUnits, userPassword, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return new GeneratorSummary(allUnits.Count, made.Plans, made.Tasks, made.Deliverables, made.Progress, users, clock.Elapsed);
    }

    private sealed record Made(int Plans, int Tasks, int Deliverables, int Progress)
    {
        public Made Add(int tasks, int deliverables, int progress) => new(Plans + 1, Tasks + tasks, Deliverables + deliverables, Progress + progress);
    }

    /// <summary>One city plan and one plan per department and district each year (or <see cref="GeneratorOptions.OnePlan"/>).</summary>
    private async Task<Made> AddPlansAsync(GeneratorOptions options, List<Unit> allUnits, List<Unit> cityBodies, List<Unit> districts,
        Dictionary<int, List<Unit>> communesOf, List<UnitGroup> groups, Random random, CancellationToken ct)
    {
        var owners = new List<(string Code, List<Unit> Leads)> { ("UBND-G", options.OnePlan ? allUnits : cityBodies) };
        if (!options.OnePlan)
        {
            owners.AddRange(cityBodies.Where(u => u.Kind == UnitKind.Department).Select(u => (u.Code, new List<Unit> { u })));
            owners.AddRange(districts.Select(d => (d.Code, communesOf[d.Id].Count > 0 ? communesOf[d.Id] : [d])));
        }
        var years = options.AllOpen || options.OnePlan ? 1 : options.Years;
        var plansTotal = years * owners.Count;
        var perPlan = Math.Max(1, options.Deliverables / plansTotal);

        var made = new Made(0, 0, 0, 0);
        for (var y = 0; y < years; y++)
        {
            var year = options.AllOpen ? options.Today.Year : options.FirstYear + y;
            foreach (var (code, leads) in owners)
            {
                var count = made.Plans == plansTotal - 1 ? options.Deliverables - made.Deliverables : perPlan;
                var plan = NewPlan(made.Plans + 1, code, year);
                var added = AddTasks(plan, count, leads, groups, random, options);
                made = made.Add(added.Tasks, added.Deliverables, await SaveAsync(plan, random, options, ct));
            }
        }
        return made;
    }

    /// <summary>
    /// The city's cycle (<see cref="GeneratorOptions.Cycle"/>): a programme led by the city's bodies, a city plan a year
    /// led by the units that plan, each task citing a programme item, and each planning unit's own plan a year holding a
    /// copy of every city task it leads (citing it) and tasks of its own. Every plan gets about the same share of the
    /// deliverables, the last one the remainder.
    /// </summary>
    private async Task<Made> AddCycleAsync(GeneratorOptions o, List<Unit> allUnits, List<Unit> cityBodies, List<UnitGroup> groups, Random random, CancellationToken ct)
    {
        var (first, last) = (o.FirstYear, o.FirstYear + o.Years - 1);
        var planners = allUnits.Take(Math.Min(o.UnitPlans, allUnits.Count)).ToList();
        var plansTotal = 1 + o.Years * (1 + planners.Count);
        var perPlan = Math.Max(1, o.Deliverables / plansTotal);
        int Share(Made m) => m.Plans == plansTotal - 1 ? Math.Max(0, o.Deliverables - m.Deliverables) : perPlan;

        var programme = NewPlan(1, "UBND-G", first);
        programme.Number = "1/CTr-UBND-G";
        programme.Title = $"Chương trình cải cách hành chính giai đoạn {first}–{last} (dữ liệu mẫu)";
        programme.Kind = PlanKind.Programme;
        programme.EndYear = last;
        programme.Status = StatusOn(o.Today, first, last);
        var made = new Made(0, 0, 0, 0);
        var added = AddTasks(programme, Share(made), cityBodies, groups, random, o);
        made = made.Add(added.Tasks, added.Deliverables, await SaveAsync(programme, random, o, ct));
        var items = programme.Sections.SelectMany(s => s.Tasks).Select(t => t.Id).ToList();

        for (var year = first; year <= last; year++)
        {
            var city = NewPlan(made.Plans + 1, "UBND-G", year);
            city.ParentPlanId = programme.Id;
            city.Status = StatusOn(o.Today, year, year);
            added = AddTasks(city, Share(made), planners, groups, random, o);
            var cityTasks = city.Sections.SelectMany(s => s.Tasks).ToList();
            foreach (var task in cityTasks) task.Citations.Add(new TaskCitation { CitedTaskId = items[random.Next(items.Count)] });
            made = made.Add(added.Tasks, added.Deliverables, await SaveAsync(city, random, o, ct));

            foreach (var unit in planners)
            {
                var plan = NewPlan(made.Plans + 1, unit.Code, year);
                plan.Title = $"Kế hoạch cải cách hành chính năm {year} của {unit.Name} (dữ liệu mẫu)";
                plan.Kind = PlanKind.UnitAnnual;
                plan.UnitId = unit.Id;
                plan.ParentPlanId = city.Id;
                plan.Status = city.Status;
                var copied = CopyLedTasks(plan, cityTasks, unit);
                var share = Share(made);
                added = share > copied.Deliverables ? AddTasks(plan, share - copied.Deliverables, [unit], groups, random, o, copied.Rows) : (0, 0);
                made = made.Add(copied.Tasks + added.Tasks, copied.Deliverables + added.Deliverables, await SaveAsync(plan, random, o, ct));
            }
        }
        return made;
    }

    /// <summary>A plan's status on <paramref name="today"/>: closed once its period is over, a draft before it starts.</summary>
    private static PlanStatus StatusOn(DateOnly today, int from, int to) =>
        to < today.Year ? PlanStatus.Closed : from > today.Year ? PlanStatus.Draft : PlanStatus.Active;

    /// <summary>
    /// The city tasks <paramref name="unit"/> leads, copied into its plan as <c>UnitPlanStarter</c> does (same code,
    /// activity, products and deadlines, led by the unit, citing the city task). Rows: the highest row number used in
    /// any section, so that the unit's own tasks are numbered after them.
    /// </summary>
    private static (int Tasks, int Deliverables, int Rows) CopyLedTasks(Plan plan, List<PlanTask> cityTasks, Unit unit)
    {
        var sections = NewSections(plan);
        int tasks = 0, deliverables = 0, rows = 0;
        foreach (var cityTask in cityTasks.Where(t => t.Assignments.Any(a => a.Role == AssignmentRole.Lead && a.UnitId == unit.Id)))
        {
            var section = sections[cityTask.Section!.Number - 1];
            var row = int.Parse(cityTask.Code[(cityTask.Code.IndexOf('.', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            rows = Math.Max(rows, row);
            var task = new PlanTask
            {
                Code = cityTask.Code, Activity = cityTask.Activity, SortOrder = cityTask.SortOrder,
                Citations = [new TaskCitation { CitedTaskId = cityTask.Id }],
            };
            task.Assignments.Add(new TaskAssignment { Role = AssignmentRole.Lead, PrintedName = unit.Name, UnitId = unit.Id });
            foreach (var d in cityTask.Deliverables)
            {
                var copy = new Deliverable { Product = d.Product, SortOrder = d.SortOrder };
                copy.ApplyDeadline(DeadlineParser.Parse(d.DeadlineText, plan.Year, plan.EndYear));
                task.Deliverables.Add(copy);
            }
            section.Tasks.Add(task);
            tasks++;
            deliverables += task.Deliverables.Count;
        }
        return (tasks, deliverables, rows);
    }

    /// <summary>Saves the plan, adds its progress (none for a draft: its year has not started) and empties the change tracker.</summary>
    private async Task<int> SaveAsync(Plan plan, Random random, GeneratorOptions o, CancellationToken ct)
    {
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        var progress = plan.Status == PlanStatus.Draft ? 0 : await AddProgressAsync(plan, random, o, ct);
        db.ChangeTracker.Clear();
        return progress;
    }

    private async Task<(List<Unit> City, List<Unit> Districts, Dictionary<int, List<Unit>> CommunesOf)> CreateUnitsAsync(GeneratorOptions o, CancellationToken ct)
    {
        var city = VietnameseCorpus.Departments.Take(Math.Min(16, Math.Max(1, o.Units / 3)))
            .Select((name, i) => NewUnit($"G_SO{i + 1:00}", $"Sở {name} tỉnh {Province}", UnitKind.Department))
            .Append(NewUnit("G_VPUBND", $"Văn phòng UBND tỉnh {Province}", UnitKind.Agency))
            .ToList();
        var districtCount = Math.Clamp((o.Units - city.Count) / 30, 1, 60);
        var districts = Enumerable.Range(1, districtCount)
            .Select(i => NewUnit($"G_H{i:000}", $"UBND huyện {VietnameseCorpus.PlaceNames[i % VietnameseCorpus.PlaceNames.Length]} {i}", UnitKind.District))
            .ToList();
        var communeCount = Math.Max(0, o.Units - city.Count - districts.Count);
        var communes = Enumerable.Range(1, communeCount)
            .Select(i => NewUnit($"G_X{i:0000}", $"UBND xã {VietnameseCorpus.PlaceNames[i % VietnameseCorpus.PlaceNames.Length]} {i}", UnitKind.Commune))
            .ToList();
        db.Units.AddRange(city.Concat(districts).Concat(communes));
        await db.SaveChangesAsync(ct);
        var communesOf = districts.ToDictionary(d => d.Id, _ => new List<Unit>());
        for (var i = 0; i < communes.Count; i++) communesOf[districts[i % districts.Count].Id].Add(communes[i]);
        return (city, districts, communesOf);
    }

    private async Task<List<UnitGroup>> CreateGroupsAsync(List<Unit> city, List<Unit> districts, Dictionary<int, List<Unit>> communesOf, CancellationToken ct)
    {
        var groups = new List<UnitGroup>
        {
            NewGroup("G_SO_NGANH", "Sở, ban, ngành tỉnh (dữ liệu mẫu)", city),
            NewGroup("G_CAP_HUYEN", "UBND cấp huyện (dữ liệu mẫu)", districts),
        };
        groups.AddRange(districts.Where(d => communesOf[d.Id].Count > 0)
            .Select(d => NewGroup($"G_XA_{d.Code[2..]}", $"UBND các xã thuộc {d.Name}", communesOf[d.Id])));
        db.UnitGroups.AddRange(groups);
        await db.SaveChangesAsync(ct);
        return groups;
    }

    private static Plan NewPlan(int number, string owner, int year) => new()
    {
        Number = $"{number}/KH-{owner}", Title = $"Kế hoạch cải cách hành chính năm {year} (dữ liệu mẫu)", Year = year, EndYear = year,
        IssuedOn = new DateOnly(year - 1, 12, 28), Issuer = "Dữ liệu mẫu", CreatedAtUtc = DateTime.UtcNow,
    };

    /// <summary>The plan's sections, made the first time.</summary>
    private static List<Section> NewSections(Plan plan)
    {
        if (plan.Sections.Count == 0)
            plan.Sections.AddRange(VietnameseCorpus.SectionTitles.Select((title, i) => new Section { Number = i + 1, Title = title, SortOrder = i }));
        return plan.Sections;
    }

    /// <summary>Tasks holding <paramref name="count"/> deliverables, numbered in each section after row <paramref name="firstRow"/>.</summary>
    private static (int Tasks, int Deliverables) AddTasks(Plan plan, int count, List<Unit> leads, List<UnitGroup> groups, Random random, GeneratorOptions o, int firstRow = 0)
    {
        var sections = NewSections(plan);
        int made = 0, tasks = 0;
        while (made < count)
        {
            var section = sections[tasks % sections.Count];
            var task = new PlanTask
            {
                Section = section,
                Code = $"{section.Number}.{firstRow + tasks / sections.Count + 1}",
                Activity = $"{Pick(random, VietnameseCorpus.Verbs)} {Pick(random, VietnameseCorpus.Subjects)}",
                SortOrder = firstRow * sections.Count + tasks,
            };
            var lead = leads[random.Next(leads.Count)];
            task.Assignments.Add(new TaskAssignment { Role = AssignmentRole.Lead, PrintedName = lead.Name, UnitId = lead.Id });
            if (random.Next(10) == 0 && leads.Count > 1)
            {
                var second = leads[random.Next(leads.Count)];
                if (second != lead) task.Assignments.Add(new TaskAssignment { Role = AssignmentRole.Lead, PrintedName = second.Name, UnitId = second.Id, SortOrder = 1 });
            }
            var coordinating = groups[random.Next(groups.Count)];
            task.Assignments.Add(new TaskAssignment { Role = AssignmentRole.Coordinating, PrintedName = coordinating.Name, UnitGroupId = coordinating.Id, SortOrder = 2 });

            var perTask = random.Next(5) == 0 ? 2 : 1;
            for (var i = 0; i < perTask && made < count; i++, made++)
            {
                var deliverable = new Deliverable { Product = Pick(random, VietnameseCorpus.Products), SortOrder = i };
                deliverable.ApplyDeadline(DeadlineParser.Parse(DeadlineText(random, plan, made, count, o), plan.Year, plan.EndYear));
                task.Deliverables.Add(deliverable);
            }
            section.Tasks.Add(task);
            tasks++;
        }
        return (tasks, made);
    }

    /// <summary>
    /// A dated deadline spreads each plan's deliverables over the whole range (<paramref name="index"/> of
    /// <paramref name="count"/> in the plan), so that every plan, and every unit in it, has work due on every part
    /// of the range; numbered across all plans, each plan got a window of a few weeks.
    /// </summary>
    private static string DeadlineText(Random random, Plan plan, int index, int count, GeneratorOptions o)
    {
        var year = plan.Year;
        if (o.AllOpen || o.DatedDeadlines)
        {
            var span = o.OverdueDaysBack + o.DueDaysAhead;
            var due = o.Today.AddDays(-o.OverdueDaysBack + (int)((long)index * span / Math.Max(1, count)));
            return $"trước ngày {due:dd/MM/yyyy}";
        }
        if (plan.Kind == PlanKind.Programme)
            return random.Next(4) switch
            {
                0 => $"Đến năm {plan.EndYear}",
                1 => $"Giai đoạn {plan.Year}-{plan.EndYear}",
                2 => "Hằng năm",
                _ => "Thường xuyên",
            };
        var roll = random.Next(DeadlineForms.Sum(f => f.Weight));
        foreach (var (weight, text) in DeadlineForms)
        {
            if (roll < weight) return text(random, year);
            roll -= weight;
        }
        return $"Trong năm {year}";
    }

    /// <summary>Past-due work is mostly done (a fifth of it late), some overdue; a third of what is not yet due is in progress.</summary>
    private async Task<int> AddProgressAsync(Plan plan, Random random, GeneratorOptions o, CancellationToken ct)
    {
        if (o.AllOpen) return 0;
        var records = new List<DeliverableProgress>();
        foreach (var task in plan.Sections.SelectMany(s => s.Tasks))
            foreach (var d in task.Deliverables)
                foreach (var lead in task.Assignments.Where(a => a.Role == AssignmentRole.Lead))
                    foreach (var period in Periods.Of(d))
                        if (Progress(d, period, lead.UnitId!.Value, random, o.Today) is { } record) records.Add(record);
        db.Progress.AddRange(records);
        var now = DateTime.UtcNow;
        var generator = new Actor(null, "Dữ liệu mẫu");
        foreach (var r in records)
            db.Record(generator, now, ChangeKind.ProgressUpdated, r.DeliverableId, $"Dữ liệu mẫu: {r.Status} ({r.ProgressPercent}%)", planId: plan.Id);
        await db.SaveChangesAsync(ct);
        return records.Count;
    }

    private static DeliverableProgress? Progress(Deliverable d, Periods.Period period, int unitId, Random random, DateOnly today)
    {
        var record = new DeliverableProgress { DeliverableId = d.Id, Period = period.Key, UnitId = unitId, Version = 1, UpdatedByName = "Dữ liệu mẫu", UpdatedAtUtc = DateTime.UtcNow };
        if (d.DeadlineKind == DeadlineKind.Ongoing)
        {
            if (random.Next(2) == 0) return null;
            record.Period = "Q1";
            record.Status = ProgressStatus.InProgress;
            record.ResultText = "Đã triển khai thường xuyên trong quý.";
            return record;
        }
        if (period.Due is not { } due) return null;
        if (due < today && random.Next(10) < 7)
        {
            var late = random.Next(5) == 0;
            var completed = late ? due.AddDays(random.Next(1, 60)) : due.AddDays(-random.Next(0, 60));
            record.Status = ProgressStatus.Done;
            record.ProgressPercent = 100;
            record.CompletedOn = completed > today ? today : completed;
            record.EvidenceNumber = $"{random.Next(1, 500)}/BC";
            return record;
        }
        if (random.Next(3) != 0) return null;
        record.Status = ProgressStatus.InProgress;
        record.ProgressPercent = random.Next(1, 10) * 10;
        return record;
    }

    private async Task<int> CreateUsersAsync(List<Unit> units, string password, CancellationToken ct)
    {
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Name == Roles.UnitEditor, ct);
        if (role is null)
        {
            role = new IdentityRole(Roles.UnitEditor) { NormalizedName = Roles.UnitEditor.ToUpperInvariant() };
            db.Roles.Add(role);
        }
        var hasher = new PasswordHasher<AppUser>();
        foreach (var unit in units)
        {
            var email = $"{unit.Code.ToLowerInvariant()}@generated.example";
            var user = new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                DisplayName = $"Cán bộ {unit.Name}", UnitId = unit.Id, SecurityStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true, CreatedAtUtc = DateTime.UtcNow,
            };
            user.PasswordHash = hasher.HashPassword(user, password);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        }
        await db.SaveChangesAsync(ct);
        return units.Count;
    }

    private static Unit NewUnit(string code, string name, UnitKind kind)
    {
        var unit = new Unit { Code = code, Name = name, Kind = kind, Emails = $"{code.ToLowerInvariant()}@generated.example" };
        unit.Aliases.Add(new UnitAlias { Alias = name, NameKey = VietnameseText.NameKey(name) });
        return unit;
    }

    private static UnitGroup NewGroup(string code, string name, IEnumerable<Unit> members)
    {
        var group = new UnitGroup { Code = code, Name = name };
        group.Aliases.Add(new UnitAlias { Alias = name, NameKey = VietnameseText.NameKey(name) });
        group.Members.AddRange(members.Select(m => new UnitGroupMember { UnitId = m.Id }));
        return group;
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];
    private static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
