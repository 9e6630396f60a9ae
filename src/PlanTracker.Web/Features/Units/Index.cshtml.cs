using PlanTracker.Core.Units;

namespace PlanTracker.Web.Features.Units;

public class IndexModel(PlanTrackerDbContext db) : PageModel
{
    public List<Unit> Units { get; private set; } = [];
    public List<UnitGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Units = await db.Units.AsNoTracking().Include(u => u.Aliases).OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync();
        Groups = await db.UnitGroups.AsNoTracking().AsSplitQuery().Include(g => g.Aliases)
            .Include(g => g.Members).ThenInclude(m => m.Unit).OrderBy(g => g.Name).ToListAsync();
    }

    public static string KindLabel(UnitKind kind) => kind switch
    {
        UnitKind.Department => "Sở",
        UnitKind.Agency => "Cơ quan, ban, ngành thành phố",
        UnitKind.District => "UBND quận, huyện",
        UnitKind.Commune => "UBND xã, phường, thị trấn",
        UnitKind.Central => "Cơ quan Trung ương tại địa phương",
        UnitKind.Press => "Báo, đài",
        UnitKind.Party => "Cơ quan Đảng",
        _ => "Khác",
    };
}
