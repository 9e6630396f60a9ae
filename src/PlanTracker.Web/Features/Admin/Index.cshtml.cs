using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Data;
using PlanTracker.Web.Features.Reminders;

namespace PlanTracker.Web.Features.Admin;

public class IndexModel(PlanTrackerDbContext db) : PageModel
{
    /// <summary>Units whose reminder addresses are still on the seed's example domain.</summary>
    public int ExampleUnits { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => ExampleUnits = await ExampleAddresses.UnitsOnExampleDomainAsync(db, ct);
}
