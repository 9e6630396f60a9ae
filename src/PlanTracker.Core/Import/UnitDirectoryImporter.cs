using PlanTracker.Core.Text;
using PlanTracker.Core.Units;

namespace PlanTracker.Core.Import;

/// <summary>
/// Imports a unit directory file in one transaction. Units and groups already present (by code) are
/// left as they are, since admins may have edited them; new ones and new aliases are added.
/// </summary>
public sealed class UnitDirectoryImporter(PlanTrackerDbContext db)
{
    public async Task<ImportResult> ImportAsync(string path, CancellationToken ct = default)
    {
        var (file, _) = await ImportFileReader.ReadAsync<UnitDirectoryFile>(path, ct);
        var problems = Validate(file);
        if (problems.Count > 0) throw new ImportException(path, problems);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var units = await db.Units.Include(u => u.Aliases).ToDictionaryAsync(u => u.Code, ct);
        var groups = await db.UnitGroups.AsSplitQuery().Include(g => g.Aliases).Include(g => g.Members).ToDictionaryAsync(g => g.Code, ct);
        var takenKeys = await db.UnitAliases.Select(a => a.NameKey).ToHashSetAsync(ct);
        int addedUnits = 0, addedGroups = 0;

        foreach (var dto in file.Units ?? [])
        {
            var code = dto.Code!.Trim();
            if (!units.TryGetValue(code, out var unit))
            {
                unit = new Unit
                {
                    Code = code,
                    Name = VietnameseText.Clean(dto.Name),
                    Kind = Enum.Parse<UnitKind>(dto.Kind!, ignoreCase: true),
                    Emails = string.Join("; ", (dto.Emails ?? []).Select(e => e.Trim())),
                };
                db.Units.Add(unit);
                units[code] = unit;
                addedUnits++;
            }
            foreach (var name in NamesOf(dto.Name, dto.Aliases).Where(n => takenKeys.Add(VietnameseText.NameKey(n))))
                unit.Aliases.Add(new UnitAlias { Alias = name, NameKey = VietnameseText.NameKey(name) });
        }

        foreach (var dto in file.Groups ?? [])
        {
            var code = dto.Code!.Trim();
            if (!groups.TryGetValue(code, out var group))
            {
                group = new UnitGroup
                {
                    Code = code,
                    Name = VietnameseText.Clean(dto.Name),
                    Description = NullIfBlank(dto.Description),
                    Note = NullIfBlank(dto.Note),
                };
                db.UnitGroups.Add(group);
                groups[code] = group;
                addedGroups++;
                foreach (var member in (dto.Members ?? []).Distinct())
                    group.Members.Add(new UnitGroupMember { Unit = units[member] });
            }
            foreach (var name in NamesOf(dto.Name, dto.Aliases).Where(n => takenKeys.Add(VietnameseText.NameKey(n))))
                group.Aliases.Add(new UnitAlias { Alias = name, NameKey = VietnameseText.NameKey(name) });
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var outcome = addedUnits + addedGroups > 0 ? ImportOutcome.Imported : ImportOutcome.Unchanged;
        return new ImportResult(outcome, $"Unit directory: {addedUnits} units and {addedGroups} groups added.", []);
    }

    private static IEnumerable<string> NamesOf(string? name, List<string>? aliases) =>
        (aliases ?? []).Prepend(name ?? "").Select(VietnameseText.Clean).Where(n => n.Length > 0);

    private static string? NullIfBlank(string? s) => VietnameseText.Clean(s) is { Length: > 0 } t ? t : null;

    private static List<string> Validate(UnitDirectoryFile file)
    {
        var problems = new List<string>();
        var units = file.Units ?? [];
        var groups = file.Groups ?? [];
        if (units.Count == 0) problems.Add("$.units: missing or empty");
        var codes = new HashSet<string>();
        var keys = new Dictionary<string, string>();

        void CheckNames(string path, string? name, List<string>? aliases)
        {
            foreach (var (n, i) in NamesOf(name, aliases).Select((n, i) => (n, i)))
            {
                var key = VietnameseText.NameKey(n);
                var at = i == 0 ? $"{path}.name" : $"{path}.aliases";
                if (keys.TryGetValue(key, out var other) && other != path)
                    problems.Add($"{at}: '{n}' is also a name of {other}; a name must stand for one unit or group");
                keys.TryAdd(key, path);
            }
        }

        for (var i = 0; i < units.Count; i++)
        {
            var u = units[i];
            var path = $"$.units[{i}]";
            if (string.IsNullOrWhiteSpace(u.Code)) problems.Add($"{path}.code: missing or empty");
            else if (!codes.Add(u.Code.Trim())) problems.Add($"{path}.code: '{u.Code}' is used twice");
            if (string.IsNullOrWhiteSpace(u.Name)) problems.Add($"{path}.name: missing or empty");
            if (!Enum.TryParse<UnitKind>(u.Kind, ignoreCase: true, out _))
                problems.Add($"{path}.kind: '{u.Kind}' is not one of {string.Join(", ", Enum.GetNames<UnitKind>())}");
            foreach (var email in u.Emails ?? [])
                if (!System.Net.Mail.MailAddress.TryCreate(email, out _)) problems.Add($"{path}.emails: '{email}' is not an e-mail address");
            CheckNames(path, u.Name, u.Aliases);
        }

        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            var path = $"$.groups[{i}]";
            if (string.IsNullOrWhiteSpace(g.Code)) problems.Add($"{path}.code: missing or empty");
            else if (!codes.Add(g.Code.Trim())) problems.Add($"{path}.code: '{g.Code}' is used twice");
            if (string.IsNullOrWhiteSpace(g.Name)) problems.Add($"{path}.name: missing or empty");
            foreach (var member in g.Members ?? [])
                if (!units.Any(u => u.Code?.Trim() == member)) problems.Add($"{path}.members: '{member}' is not a unit code of this file");
            CheckNames(path, g.Name, g.Aliases);
        }
        return problems;
    }
}
