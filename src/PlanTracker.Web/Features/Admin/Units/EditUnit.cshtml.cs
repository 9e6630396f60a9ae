using PlanTracker.Core.History;
using PlanTracker.Core.Units;

namespace PlanTracker.Web.Features.Admin.Units;

/// <summary>A unit's name, kind, reminder addresses and the other spellings plans use for it.</summary>
public class EditUnitModel(PlanTrackerDbContext db, TimeProvider time) : VersionedEditorPageModel<Unit, EditUnitModel.UnitInput>(time)
{
    public sealed class UnitInput : IVersionedForm
    {
        public string? Name { get; set; }
        public string? Kind { get; set; }
        /// <summary>One address per line.</summary>
        public string? Emails { get; set; }
        /// <summary>One alias per line; the name itself is always an alias too.</summary>
        public string? Aliases { get; set; }
        public int Version { get; set; }
    }

    public Unit Unit { get; private set; } = null!;
    public List<UnitGroup> Groups { get; private set; } = [];
    public async Task<IActionResult> OnPostAsync(int id, [FromForm(Name = "Input")] UnitInput input)
    {
        var unit = await db.Units.Include(u => u.Aliases).FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null) return NotFound();

        var problems = new Problems();
        var name = problems.Required(input.Name, 300, "tên đơn vị");
        if (!Enum.TryParse<UnitKind>(input.Kind, out var kind) || !Enum.IsDefined(kind)) problems.Add("Chọn loại đơn vị.");
        var emails = DirectoryInput.Emails(input.Emails, problems);
        var aliases = DirectoryInput.Aliases(input.Aliases, name, unit.Name, problems);
        if (!problems.Any) await DirectoryInput.CheckNamesFreeAsync(db, aliases, id, null, problems);
        if (problems.Any || unit.Version != input.Version) return await RefuseAsync(id, input, problems);

        var (aliasesBefore, aliasesAfter) = DirectoryInput.ApplyAliases(db, unit.Aliases, aliases);
        var changes = new FieldChanges()
            .Add(nameof(Unit.Name), "tên", unit.Name, name!)
            .Add(nameof(Unit.Kind), "loại", unit.Kind, kind)
            .Add(nameof(Unit.Emails), "thư điện tử", unit.Emails, DirectoryInput.JoinEmails(emails))
            .Add(nameof(Unit.Aliases), "cách ghi khác", string.Join("; ", aliasesBefore), string.Join("; ", aliasesAfter));
        if (!changes.Any) return Done("Không có gì thay đổi.", null, new { id });

        (unit.Name, unit.Kind, unit.Emails) = (name!, kind, DirectoryInput.JoinEmails(emails));
        db.Record(User.Actor(), NowUtc, unit, Change.Updated, $"Sửa đơn vị {unit.Name}: {changes.Labels}", changes.Before, changes.After);
        return await SaveAsync(id, unit, input, () => Done($"Đã lưu đơn vị {unit.Name}.", null, new { id }));
    }

    protected override Unit Saved => Unit;

    protected override IEnumerable<ConflictRow> ConflictRows(Unit saved, UnitInput typed) =>
    [
        new("Tên", saved.Name, typed.Name),
        new("Loại", DirectoryInput.KindLabel(saved.Kind), Enum.TryParse<UnitKind>(typed.Kind, out var k) ? DirectoryInput.KindLabel(k) : typed.Kind),
        new("Thư điện tử", saved.Emails, DirectoryInput.JoinEmails(DirectoryInput.Emails(typed.Emails, new Problems()))),
        new("Cách ghi khác", DirectoryInput.AliasLines(saved.Aliases, saved.Name).Replace("\n", "; "), (typed.Aliases ?? "").ReplaceLineEndings("; ")),
    ];

    protected override async Task<bool> LoadAsync(int id)
    {
        var unit = await db.Units.AsNoTracking().Include(u => u.Aliases).FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null) return false;
        Unit = unit;
        Input = new UnitInput
        {
            Name = unit.Name, Kind = unit.Kind.ToString(), Emails = DirectoryInput.EmailLines(unit.Emails),
            Aliases = DirectoryInput.AliasLines(unit.Aliases, unit.Name), Version = unit.Version,
        };
        Groups = await db.UnitGroups.AsNoTracking().Where(g => g.Members.Any(m => m.UnitId == id)).OrderBy(g => g.Name).ToListAsync();
        return true;
    }
}
