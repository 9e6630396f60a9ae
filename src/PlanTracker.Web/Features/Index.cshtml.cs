using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;

namespace PlanTracker.Web.Features;

/// <summary>The home page is the newest plan; with no plan yet it says how to load one.</summary>
public class IndexModel(PlanTrackerDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var newest = await db.Plans.OrderByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync();
        return newest is { } id ? RedirectToPage("/Plans/Details", new { id }) : Page();
    }
}
