using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PlanTracker.Web.Features.Admin;

[Authorize(Policy = Policies.Admin)]
public class IndexModel : PageModel
{
    public void OnGet() { }
}
