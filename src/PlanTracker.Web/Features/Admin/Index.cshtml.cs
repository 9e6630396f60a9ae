using PlanTracker.Web.Features.Reminders;

namespace PlanTracker.Web.Features.Admin;

public class IndexModel(PlanTrackerDbContext db) : PageModel
{
    /// <summary>Units whose reminder addresses are still on the seed's example domain.</summary>
    public int ExampleUnits { get; private set; }

    /// <summary>Deadline extension requests waiting for Sở Nội vụ's decision.</summary>
    public int PendingExtensions { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ExampleUnits = await ExampleAddresses.UnitsOnExampleDomainAsync(db, ct);
        PendingExtensions = await db.DeadlineExtensions.CountAsync(e => e.Status == Core.Progress.ExtensionStatus.Pending, ct);
    }
}
