using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace PlanTracker.Web.Features.Account;

/// <summary>
/// Signing in through the city's OpenID provider (<see cref="SingleSignOnSetup"/>). The provider's subject is
/// linked to one local account (AspNetUserLogins); the first time, the account is found by the provider's e-mail,
/// only when the provider says it verified it. Accounts are created by admins only: an unknown person is refused.
/// The sign-in itself is the password sign-in's (same claims, same session checks, a second factor if enrolled).
/// </summary>
[AllowAnonymous]
public class SingleSignOnModel(SignInManager<AppUser> signIn, UserManager<AppUser> users,
    IAuthenticationSchemeProvider schemes, SecurityLog securityLog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Off to the provider.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (await schemes.GetSchemeAsync(SingleSignOnSetup.Scheme) is null) return NotFound();
        var callback = Url.Page("/Account/SingleSignOn", "Callback", new { ReturnUrl });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(SingleSignOnSetup.Scheme, callback), SingleSignOnSetup.Scheme);
    }

    /// <summary>Back from the provider (after /signin-oidc checked its answer): find the account, link it, sign in.</summary>
    public async Task<IActionResult> OnGetCallbackAsync()
    {
        var scheme = await schemes.GetSchemeAsync(SingleSignOnSetup.Scheme);
        var info = scheme is null ? null : await signIn.GetExternalLoginInfoAsync();
        if (scheme is null || info is null) return Redirect("/account/login");
        var provider = scheme.DisplayName ?? scheme.Name;
        var email = info.Principal.FindFirstValue("email");

        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (user is null)
        {
            if (email is null || !bool.TryParse(info.Principal.FindFirstValue("email_verified"), out var verified) || !verified)
                return await RefuseAsync(null, email, "Thư điện tử chưa được nhà cung cấp xác minh",
                    $"{provider} chưa xác minh địa chỉ thư điện tử {email} của bạn, nên không thể dùng để đăng nhập. " +
                    "Xác minh địa chỉ tại đó, hoặc đăng nhập bằng mật khẩu.");
            user = await users.FindByEmailAsync(email);
            if (user is null)
                return await RefuseAsync(null, email, "Không có tài khoản với thư điện tử này",
                    $"Không có tài khoản PlanTracker nào với địa chỉ {email}. Tài khoản do bộ phận CCHC của Sở Nội vụ tạo; liên hệ để được cấp.");
            if (user.IsDisabled) return await RefuseDisabledAsync(user);
            var linked = await users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, provider));
            if (!linked.Succeeded)
                return await RefuseAsync(user, email, "Không liên kết được: " + string.Join(" ", linked.Errors.Select(e => e.Description)),
                    $"Không liên kết được tài khoản {provider} với tài khoản PlanTracker. Vui lòng thử lại.");
            await securityLog.RecordAsync(SecurityEventKinds.LoginLinked, user.Id, user.Email, $"{provider}: {info.ProviderKey}");
        }
        else if (user.IsDisabled)
            return await RefuseDisabledAsync(user);

        if (user.MustChangePassword && !await RemoveTemporaryPasswordAsync(user, provider))
            return await RefuseAsync(user, email, "Không bỏ được mật khẩu tạm", $"Không đăng nhập được bằng {provider}. Vui lòng thử lại.");

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        if (result.Succeeded)
        {
            await securityLog.RecordAsync(SecurityEventKinds.SignIn, user.Id, user.Email, $"Đăng nhập bằng {provider}");
            return LocalRedirect(returnUrl);
        }
        if (result.RequiresTwoFactor)
        {
            await securityLog.RecordAsync(SecurityEventKinds.SignIn, user.Id, user.Email, $"Đăng nhập bằng {provider}, chờ mã xác thực");
            return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl = returnUrl });
        }
        return await RefuseAsync(user, email, result.IsLockedOut ? "Tài khoản đang tạm khóa" : "Không được phép đăng nhập",
            result.IsLockedOut ? "Tài khoản đang tạm khóa. Vui lòng thử lại sau 15 phút." : $"Không đăng nhập được bằng {provider}.");
    }

    /// <summary>
    /// The account still has the password an admin chose and handed over. Whoever signs in through the city's provider
    /// has proved who they are there, so they are not asked for a local password they do not need; and the handed-over
    /// one is removed rather than left usable (it has passed through the admin and a mail or a note). The account then
    /// signs in through the provider only, until an admin sets a new password (which asks for one's own again when it
    /// is used). Removing it changes the security stamp, which ends any session opened with it. Done before the
    /// sign-in, so that the new session carries no "must change password" step, second factor or not.
    /// </summary>
    private async Task<bool> RemoveTemporaryPasswordAsync(AppUser user, string provider)
    {
        user.MustChangePassword = false; // saved with the removal, and only with it
        var removed = await users.RemovePasswordAsync(user);
        if (!removed.Succeeded) return false;
        await securityLog.RecordAsync(SecurityEventKinds.TemporaryPasswordRemoved, user.Id, user.Email,
            $"Đăng nhập bằng {provider}: mật khẩu do quản trị viên đặt không còn dùng được");
        return true;
    }

    private Task<IActionResult> RefuseDisabledAsync(AppUser user) =>
        RefuseAsync(user, user.Email, "Tài khoản đã khóa", "Tài khoản này đã bị khóa. Liên hệ Sở Nội vụ để được mở lại.");

    /// <summary>Nothing is created or linked; the reason goes to the security log and, in Vietnamese, to the login page.</summary>
    private async Task<IActionResult> RefuseAsync(AppUser? user, string? email, string logDetail, string message)
    {
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        await securityLog.RecordAsync(SecurityEventKinds.SignInFailed, user?.Id, email, "Đăng nhập một lần: " + logDetail);
        SingleSignOnSetup.ShowOnLoginPage(HttpContext, message);
        return Redirect("/account/login");
    }
}
