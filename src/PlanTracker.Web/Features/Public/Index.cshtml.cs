using Microsoft.AspNetCore.Authorization;

namespace PlanTracker.Web.Features.Public;

/// <summary>The plans whose progress is public: opted in by Sở Nội vụ and past the draft. Anyone may read it.</summary>
[AllowAnonymous]
public class IndexModel(PublicProgressCounts counts) : PageModel
{
    public List<Plan> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Plans = await counts.PublicPlans().OrderByDescending(p => p.Year).ThenBy(p => p.Number).ToListAsync(ct);
}
