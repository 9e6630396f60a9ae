using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Accounts;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Web.Features.Account;

public class LogoutModel(SignInManager<AppUser> signIn, SecurityLog securityLog) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await securityLog.RecordAsync(SecurityEventKinds.SignOut);
        await signIn.SignOutAsync();
        return Redirect("/account/login");
    }
}
