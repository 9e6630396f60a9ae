namespace PlanTracker.Web.Features.Plans;

public class IndexModel(PlanTrackerDbContext db) : PageModel
{
    public record PlanRow(int Id, string Number, string Title, int Year, DateOnly? IssuedOn, int TaskCount, PlanKind Kind = PlanKind.CityAnnual, int EndYear = 0);

    public List<PlanRow> Plans { get; private set; } = [];

    public async Task OnGetAsync() =>
        Plans = await db.Plans.VisibleTo(User).NewestFirst()
            .Select(p => new PlanRow(p.Id, p.Number, p.Title, p.Year, p.IssuedOn, p.Sections.Where(s => !s.IsRetired).SelectMany(s => s.Tasks).Count(t => !t.IsRetired), p.Kind, p.EndYear))
            .ToListAsync();
}
