using PlanTracker.Core.History;
using PlanTracker.Core.Units;

namespace PlanTracker.Web.Features.Admin.Units;

/// <summary>The unit directory for admins: every unit and group, and forms to add one.</summary>
public class IndexModel(PlanTrackerDbContext db, TimeProvider time) : EditorPageModel(time)
{
    public const string AddUnitForm = "AddUnit";
    public const string AddGroupForm = "AddGroup";

    public sealed class NewEntry
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Kind { get; set; }
    }

    public List<Unit> Units { get; private set; } = [];
    public List<UnitGroup> Groups { get; private set; } = [];
    public NewEntry NewUnit { get; private set; } = new();
    public NewEntry NewGroup { get; private set; } = new();

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAddUnitAsync([FromForm(Name = "NewUnit")] NewEntry newUnit)
    {
        var problems = new Problems();
        var code = DirectoryInput.Code(newUnit.Code, problems, "mã đơn vị");
        var name = problems.Required(newUnit.Name, 300, "tên đơn vị");
        if (!Enum.TryParse<UnitKind>(newUnit.Kind, out var kind) || !Enum.IsDefined(kind)) problems.Add("Chọn loại đơn vị.");
        if (code is not null) await DirectoryInput.CheckCodeFreeAsync(db, code, problems);
        if (name is not null) await DirectoryInput.CheckNamesFreeAsync(db, [name], null, null, problems);
        NewUnit = newUnit;
        if (problems.Any) return await RefuseAsync(problems, AddUnitForm);

        var unit = new Unit { Code = code!, Name = name!, Kind = kind, Aliases = [DirectoryInput.AliasOf(name!)] };
        db.Units.Add(unit);
        db.Record(User.Actor(), NowUtc, unit, Change.Created,
            $"Thêm đơn vị {unit.Name} ({unit.Code})", after: new { unit.Code, unit.Name, unit.Kind });
        await db.SaveChangesAsync();
        return Done($"Đã thêm đơn vị {unit.Name}. Nhập địa chỉ thư điện tử và các cách ghi khác của đơn vị.", "EditUnit", new { id = unit.Id });
    }

    public async Task<IActionResult> OnPostAddGroupAsync([FromForm(Name = "NewGroup")] NewEntry newGroup)
    {
        var problems = new Problems();
        var code = DirectoryInput.Code(newGroup.Code, problems, "mã nhóm");
        var name = problems.Required(newGroup.Name, 300, "tên nhóm");
        if (code is not null) await DirectoryInput.CheckCodeFreeAsync(db, code, problems);
        if (name is not null) await DirectoryInput.CheckNamesFreeAsync(db, [name], null, null, problems);
        NewGroup = newGroup;
        if (problems.Any) return await RefuseAsync(problems, AddGroupForm);

        var group = new UnitGroup { Code = code!, Name = name!, Aliases = [DirectoryInput.AliasOf(name!)] };
        db.UnitGroups.Add(group);
        db.Record(User.Actor(), NowUtc, group, Change.Created,
            $"Thêm nhóm đơn vị {group.Name} ({group.Code})", after: new { group.Code, group.Name });
        await db.SaveChangesAsync();
        return Done($"Đã thêm nhóm {group.Name}. Chọn các đơn vị thuộc nhóm.", "EditGroup", new { id = group.Id });
    }

    /// <summary>The page again, the form as typed with its problems.</summary>
    private async Task<IActionResult> RefuseAsync(Problems problems, string form)
    {
        problems.CopyTo(ModelState, form);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Units = await db.Units.AsNoTracking().Include(u => u.Aliases).OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync();
        Groups = await db.UnitGroups.AsNoTracking().Include(g => g.Members).OrderBy(g => g.Name).ToListAsync();
    }
}
