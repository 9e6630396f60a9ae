using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Accounts;

namespace PlanTracker.Web.Features.Admin;

[Authorize(Policy = Roles.Admin)]
public class IndexModel : PageModel
{
    public void OnGet() { }
}
