using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace PlanTracker.Web.Features.Account;

/// <summary>
/// The second step of signing in, after a right password on an account with an authenticator: a 6-digit code from
/// the app, or one of the recovery codes (each works once). Identity keeps who passed the first step in its own
/// short-lived cookie; wrong codes count towards the same lock-out as wrong passwords.
/// </summary>
[AllowAnonymous]
public class LoginTwoFactorModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/account/login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return Redirect("/account/login");
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (code.Length == 0)
        {
            ModelState.AddModelError("", "Nhập mã xác thực.");
            return Page();
        }
        // An app's code is six digits; a recovery code is letters and digits like 7BHCK-M2QFR.
        var result = code.All(char.IsDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code.ToUpperInvariant());
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError("", result.IsLockedOut
            ? "Nhập sai quá nhiều lần. Tài khoản tạm khóa 15 phút."
            : "Mã không đúng hoặc đã được dùng.");
        return Page();
    }
}
