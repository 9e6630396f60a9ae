using PlanTracker.Core.History;
using PlanTracker.Core.Units;

namespace PlanTracker.Web.Features.Admin.Units;

/// <summary>A unit group ("Sở, ngành TP"): its name, description, note, aliases and member units.</summary>
public class EditGroupModel(PlanTrackerDbContext db, TimeProvider time) : VersionedEditorPageModel<UnitGroup, EditGroupModel.GroupInput>(time)
{
    public sealed class GroupInput : IVersionedForm
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? Note { get; set; }
        public string? Aliases { get; set; }
        public List<int> Members { get; set; } = [];
        public int Version { get; set; }
    }

    public UnitGroup Group { get; private set; } = null!;
    public List<Unit> Units { get; private set; } = [];
    public async Task<IActionResult> OnPostAsync(int id, [FromForm(Name = "Input")] GroupInput input)
    {
        var group = await db.UnitGroups.AsSplitQuery().Include(g => g.Aliases).Include(g => g.Members).ThenInclude(m => m.Unit)
            .FirstOrDefaultAsync(g => g.Id == id);
        if (group is null) return NotFound();

        var problems = new Problems();
        var name = problems.Required(input.Name, 300, "tên nhóm");
        var description = problems.Optional(input.Description, 1000, "mô tả");
        var note = problems.Optional(input.Note, 1000, "ghi chú");
        var aliases = DirectoryInput.Aliases(input.Aliases, name, group.Name, problems);
        var members = await db.Units.Where(u => input.Members.Contains(u.Id)).ToListAsync();
        if (members.Count != input.Members.Distinct().Count()) problems.Add("Có đơn vị được chọn không còn trong danh bạ; tải lại trang rồi chọn lại.");
        if (!problems.Any) await DirectoryInput.CheckNamesFreeAsync(db, aliases, null, id, problems);
        if (problems.Any || group.Version != input.Version) return await RefuseAsync(id, input, problems);

        var membersBefore = Codes(group.Members.Select(m => m.Unit!));
        foreach (var gone in group.Members.Where(m => !input.Members.Contains(m.UnitId)).ToList())
            group.Members.Remove(gone); // the history record keeps the former members
        foreach (var unit in members.Where(u => group.Members.All(m => m.UnitId != u.Id)))
            group.Members.Add(new UnitGroupMember { UnitGroupId = id, UnitId = unit.Id, Unit = unit });
        var (aliasesBefore, aliasesAfter) = DirectoryInput.ApplyAliases(db, group.Aliases, aliases);
        var changes = new FieldChanges()
            .Add(nameof(UnitGroup.Name), "tên", group.Name, name!)
            .Add(nameof(UnitGroup.Description), "mô tả", group.Description, description)
            .Add(nameof(UnitGroup.Note), "ghi chú", group.Note, note)
            .Add(nameof(UnitGroup.Aliases), "cách ghi khác", string.Join("; ", aliasesBefore), string.Join("; ", aliasesAfter))
            .Add(nameof(UnitGroup.Members), "đơn vị thuộc nhóm", membersBefore, Codes(group.Members.Select(m => m.Unit!)));
        if (!changes.Any) return Done("Không có gì thay đổi.", null, new { id });

        (group.Name, group.Description, group.Note) = (name!, description, note);
        db.Record(User.Actor(), NowUtc, group, Change.Updated, $"Sửa nhóm đơn vị {group.Name}: {changes.Labels}", changes.Before, changes.After);
        return await SaveAsync(id, group, input, () => Done($"Đã lưu nhóm {group.Name} ({group.Members.Count} đơn vị).", null, new { id }));
    }

    protected override UnitGroup Saved => Group;

    protected override IEnumerable<ConflictRow> ConflictRows(UnitGroup saved, GroupInput typed) =>
    [
        new("Tên", saved.Name, typed.Name), new("Mô tả", saved.Description, typed.Description), new("Ghi chú", saved.Note, typed.Note),
        new("Cách ghi khác", DirectoryInput.AliasLines(saved.Aliases, saved.Name).Replace("\n", "; "), (typed.Aliases ?? "").ReplaceLineEndings("; ")),
        new("Đơn vị thuộc nhóm", MemberNames(Units.Where(u => saved.Members.Any(m => m.UnitId == u.Id))), MemberNames(Units.Where(u => typed.Members.Contains(u.Id)))),
    ];

    public bool IsMember(int unitId) => Input.Members.Contains(unitId);

    private static string Codes(IEnumerable<Unit> units) => string.Join(", ", units.Select(u => u.Code).Order(StringComparer.Ordinal));

    private static string MemberNames(IEnumerable<Unit> units) => string.Join(", ", units.Select(u => u.Name).Order(StringComparer.Ordinal));

    protected override async Task<bool> LoadAsync(int id)
    {
        var group = await db.UnitGroups.AsNoTracking().AsSplitQuery().Include(g => g.Aliases).Include(g => g.Members)
            .FirstOrDefaultAsync(g => g.Id == id);
        if (group is null) return false;
        Group = group;
        Input = new GroupInput
        {
            Name = group.Name, Description = group.Description, Note = group.Note,
            Aliases = DirectoryInput.AliasLines(group.Aliases, group.Name),
            Members = [.. group.Members.Select(m => m.UnitId)],
            Version = group.Version,
        };
        Units = await db.Units.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync();
        return true;
    }
}
