using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Plans;
using PlanTracker.Core.Data;

namespace PlanTracker.Web.Features;

/// <summary>
/// A unit's civil servant lands on "Nhiệm vụ của tôi"; everyone else on the newest plan. With no plan
/// yet the page says how to load one.
/// </summary>
public class IndexModel(PlanTrackerDbContext db, IAuthorizationService authorization) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (!await authorization.AllowsAsync(User, Policies.AdminOrViewer)) return Redirect("/my");
        var newest = await db.Plans.NewestFirst()
            .Select(p => (int?)p.Id).FirstOrDefaultAsync();
        return newest is { } id ? RedirectToPage("/Plans/Details", new { id }) : Page();
    }
}
