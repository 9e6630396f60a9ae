using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Data;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.History;
using PlanTracker.Core.Plans;
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

        var owners = new List<(string Code, List<Unit> Leads)> { ("UBND-G", options.OnePlan ? allUnits : cityBodies) };
        if (!options.OnePlan)
        {
            owners.AddRange(cityBodies.Where(u => u.Kind == UnitKind.Department).Select(u => (u.Code, new List<Unit> { u })));
            owners.AddRange(districts.Select(d => (d.Code, communesOf[d.Id].Count > 0 ? communesOf[d.Id] : [d])));
        }
        var years = options.AllOpen || options.OnePlan ? 1 : options.Years;
        var plansTotal = years * owners.Count;
        var perPlan = Math.Max(1, options.Deliverables / plansTotal);

        int plans = 0, tasks = 0, deliverables = 0, progress = 0;
        for (var y = 0; y < years; y++)
        {
            var year = options.AllOpen ? options.Today.Year : options.FirstYear + y;
            foreach (var (code, leads) in owners)
            {
                var count = plans == plansTotal - 1 ? options.Deliverables - deliverables : perPlan;
                var plan = NewPlan(plans + 1, code, year);
                var made = AddTasks(plan, count, leads, groups, random, options);
                db.Plans.Add(plan);
                await db.SaveChangesAsync(ct);
                progress += await AddProgressAsync(plan, random, options, ct);
                db.ChangeTracker.Clear();
                plans++;
                tasks += made.Tasks;
                deliverables += made.Deliverables;
            }
        }

        var users = userPassword is null ? 0 : await CreateUsersAsync(allUnits, userPassword, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return new GeneratorSummary(allUnits.Count, plans, tasks, deliverables, progress, users, clock.Elapsed);
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
        Number = $"{number}/KH-{owner}", Title = $"Kế hoạch cải cách hành chính năm {year} (dữ liệu mẫu)", Year = year,
        IssuedOn = new DateOnly(year - 1, 12, 28), Issuer = "Dữ liệu mẫu", CreatedAtUtc = DateTime.UtcNow,
    };

    private static (int Tasks, int Deliverables) AddTasks(Plan plan, int count, List<Unit> leads, List<UnitGroup> groups, Random random, GeneratorOptions o)
    {
        var sections = VietnameseCorpus.SectionTitles.Select((title, i) => new Section { Number = i + 1, Title = title, SortOrder = i }).ToList();
        plan.Sections.AddRange(sections);
        int made = 0, tasks = 0;
        while (made < count)
        {
            var section = sections[tasks % sections.Count];
            var task = new PlanTask
            {
                Section = section,
                Code = $"{section.Number}.{tasks / sections.Count + 1}",
                Activity = $"{Pick(random, VietnameseCorpus.Verbs)} {Pick(random, VietnameseCorpus.Subjects)}",
                SortOrder = tasks,
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
                deliverable.ApplyDeadline(DeadlineParser.Parse(DeadlineText(random, plan.Year, made, count, o), plan.Year));
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
    private static string DeadlineText(Random random, int year, int index, int count, GeneratorOptions o)
    {
        if (o.AllOpen || o.DatedDeadlines)
        {
            var span = o.OverdueDaysBack + o.DueDaysAhead;
            var due = o.Today.AddDays(-o.OverdueDaysBack + (int)((long)index * span / Math.Max(1, count)));
            return $"trước ngày {due:dd/MM/yyyy}";
        }
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
