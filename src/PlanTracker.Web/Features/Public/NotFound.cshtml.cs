using Microsoft.AspNetCore.Authorization;

namespace PlanTracker.Web.Features.Public;

/// <summary>
/// Any other address under /public: not found for anyone, in the public frame (the error page's), where without this
/// route an anonymous visitor would be sent to sign in.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class NotFoundModel : PageModel
{
    public IActionResult OnGet() => NotFound();
    public IActionResult OnPost() => NotFound();
}
