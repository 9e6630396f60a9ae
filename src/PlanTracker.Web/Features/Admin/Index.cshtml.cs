using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PlanTracker.Web.Features.Admin;

public class IndexModel : PageModel
{
    public void OnGet() { }
}
