using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Accounts;

namespace PlanTracker.Web.Features.Account;

[AllowAnonymous]
public class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, ILogger<LoginModel> log) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Nhập địa chỉ thư điện tử."), Display(Name = "Thư điện tử")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Nhập mật khẩu."), DataType(DataType.Password), Display(Name = "Mật khẩu")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is { IsDisabled: true })
        {
            ModelState.AddModelError("", "Tài khoản này đã bị khóa. Liên hệ Sở Nội vụ để được mở lại.");
            return Page();
        }
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl });
        if (result.IsLockedOut)
        {
            log.LogWarning("Account {Email} locked out after repeated failed sign-ins", Email);
            ModelState.AddModelError("", "Đăng nhập sai quá nhiều lần. Tài khoản tạm khóa 15 phút.");
        }
        else
            ModelState.AddModelError("", "Thư điện tử hoặc mật khẩu không đúng.");
        return Page();
    }
}
