using Microsoft.AspNetCore.Authorization;

namespace PlanTracker.Web.Features;

/// <summary>
/// A unit's civil servant lands on "Nhiệm vụ của tôi"; everyone else on the current plan (the active annual plan of
/// today's year, see <see cref="PlanQueries.CurrentAsync"/>). With no plan
/// yet the page says how to load one.
/// </summary>
public class IndexModel(PlanTrackerDbContext db, IAuthorizationService authorization, PlanTracker.Core.Time.IClock clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (!await authorization.AllowsAsync(User, Policies.AdminOrViewer)) return Redirect("/my");
        var current = await db.Plans.AsNoTracking().CurrentAsync(clock.Today);
        return current is { } plan ? RedirectToPage("/Plans/Details", new { id = plan.Id }) : Page();
    }
}
