using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace PlanTracker.Web.Features.Account;

[AllowAnonymous]
public class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInThrottle throttle, SecurityLog securityLog)
    : PageModel
{
    /// <summary>The one answer to a wrong password, an unknown account and a disabled one with a wrong password.</summary>
    public const string WrongCredentials = "Thư điện tử hoặc mật khẩu không đúng.";

    // A hash of no one's password: an unknown e-mail costs the same hashing as a real one, so time tells nothing.
    private static string? dummyHash;

    [BindProperty, Required(ErrorMessage = "Nhập địa chỉ thư điện tử."), Display(Name = "Thư điện tử")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Nhập mật khẩu."), DataType(DataType.Password), Display(Name = "Mật khẩu")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
        if (TempData[SingleSignOnSetup.ErrorKey] is string refused) ModelState.AddModelError("", refused);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var email = Email.Trim();
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.Wait(email, address) is { } wait)
        {
            // Refused before the password is looked at: waiting is the only way on.
            await securityLog.RecordAsync(SecurityEventKinds.Throttled, email: email, detail: $"{Math.Ceiling(wait.TotalSeconds)} s");
            ModelState.AddModelError("", string.Create(CultureInfo.InvariantCulture, $"Vui lòng thử lại sau {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} giây."));
            return Page();
        }
        var user = await users.FindByEmailAsync(email);
        var result = await CheckAsync(user);
        if (result.Succeeded)
        {
            throttle.Succeeded(email, address);
            await securityLog.RecordAsync(SecurityEventKinds.SignIn, user!.Id, user.Email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.RequiresTwoFactor)
        {
            // The password was right: the address is no stranger's, and the code step finishes the sign-in.
            throttle.Succeeded(email, address);
            await securityLog.RecordAsync(SecurityEventKinds.SignIn, user!.Id, user.Email, "Mật khẩu đúng, chờ mã xác thực");
            return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl });
        }
        throttle.Failed(email, address);
        await securityLog.RecordAsync(SecurityEventKinds.SignInFailed, user?.Id, email,
            user is null ? "Không có tài khoản" : user.IsDisabled ? "Tài khoản đã khóa" : "Sai mật khẩu");
        if (result.IsNotAllowed && user is { IsDisabled: true })
            // Said only to whoever knows the password: anyone else learns nothing about the account.
            ModelState.AddModelError("", "Tài khoản này đã bị khóa. Liên hệ Sở Nội vụ để được mở lại.");
        else
            ModelState.AddModelError("", WrongCredentials);
        return Page();
    }

    /// <summary>
    /// Checks the password the same way whatever the account: an unknown one against a dummy hash, a disabled one
    /// without signing in. Identity's lock-out is off (lockoutOnFailure: false): <see cref="SignInThrottle"/> slows
    /// guessing instead.
    /// </summary>
    private async Task<Microsoft.AspNetCore.Identity.SignInResult> CheckAsync(AppUser? user)
    {
        if (user is null)
        {
            dummyHash ??= users.PasswordHasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), dummyHash, Password);
            return Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        if (user.IsDisabled)
            return await users.CheckPasswordAsync(user, Password)
                ? Microsoft.AspNetCore.Identity.SignInResult.NotAllowed
                : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        return await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: false);
    }
}
