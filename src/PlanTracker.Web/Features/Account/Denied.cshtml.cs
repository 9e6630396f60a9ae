using Microsoft.AspNetCore.Authorization;

namespace PlanTracker.Web.Features.Account;

[AllowAnonymous]
public class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
