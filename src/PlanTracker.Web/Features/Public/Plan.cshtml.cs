using Microsoft.AspNetCore.Authorization;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.States;

namespace PlanTracker.Web.Features.Public;

/// <summary>
/// A plan's progress for anyone, signed in or not (issue 16): per section and per lead unit, items by state and the
/// on-time rate as of today, as the dashboard counts them. Units are organisations; no person, comment, evidence file
/// or link into the signed-in pages appears. A plan that is not opted in, or still a draft, is not found.
/// </summary>
[AllowAnonymous]
public class PlanModel(PublicProgressCounts counts) : PageModel
{
    public Plan Plan { get; private set; } = null!;
    public PlanOverview Overview { get; private set; } = null!;
    public DateTimeOffset ComputedAt { get; private set; }
    public DeliverableState[] Columns { get; private set; } = StateCounts.Order;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await counts.PublicPlans().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return NotFound();
        var snapshot = await counts.GetAsync(plan, ct);
        (Plan, Overview, ComputedAt) = (plan, snapshot.Overview, snapshot.ComputedAt);
        Columns = StateCounts.Columns(plan.VerifiesCompletions, Overview.Totals);
        return Page();
    }

    public static string Rate(decimal? rate) => Reports.Export.ExportText.Percent(rate);
}
