using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace PlanTracker.Web.Features.Account;

/// <summary>The one-time link from the start-up log that creates the first admin.</summary>
[AllowAnonymous]
public class SetupModel(FirstAdminSetup setup, SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Nhập thư điện tử."), EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Nhập họ tên."), StringLength(200)]
    public string DisplayName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Nhập mật khẩu."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty, DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "Hai lần nhập mật khẩu không khớp.")]
    public string ConfirmPassword { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(string token) =>
        await setup.IsValidAsync(token) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (!await setup.IsValidAsync(token)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await setup.CreateFirstAdminAsync(token, Email.Trim(), DisplayName.Trim(), Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("", IdentityMessages.Vietnamese(error));
            return Page();
        }
        await signIn.SignInAsync((await users.FindByEmailAsync(Email.Trim()))!, isPersistent: false);
        return Redirect("/admin/users");
    }
}
