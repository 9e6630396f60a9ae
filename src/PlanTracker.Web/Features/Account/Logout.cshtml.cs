using Microsoft.AspNetCore.Identity;

namespace PlanTracker.Web.Features.Account;

public class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SecurityLog securityLog) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await securityLog.RecordAsync(SecurityEventKinds.SignOut);
        // A new security stamp ends the session on the server, not only in this browser: a copy of the cookie is
        // refused at its next request (SessionCheck). It ends the account's sessions on other devices too.
        if (await users.GetUserAsync(User) is { } user)
            await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return Redirect("/account/login");
    }
}
