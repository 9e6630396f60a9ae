using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace PlanTracker.Web.Features.Account;

public class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SecurityLog securityLog) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Nhập mật khẩu hiện tại."), DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Nhập mật khẩu mới."), DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [BindProperty, DataType(DataType.Password), Compare(nameof(NewPassword), ErrorMessage = "Hai lần nhập mật khẩu không khớp.")]
    public string ConfirmPassword { get; set; } = "";

    [BindProperty]
    public bool ReceivesReminders { get; set; }

    public string? Message { get; private set; }

    /// <summary>The password was chosen by an admin: nothing else opens until the person sets their own.</summary>
    public bool MustChange { get; private set; }

    /// <summary>False once a first sign-in through single sign-on removed the password an admin had set.</summary>
    public bool HasPassword { get; private set; } = true;

    /// <summary>The account's links to the single sign-on provider (an admin can remove them).</summary>
    public IList<UserLoginInfo> Logins { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        ReceivesReminders = user?.ReceivesReminders ?? false;
        if (user is not null) await LoadAsync(user);
    }

    private async Task LoadAsync(AppUser user)
    {
        MustChange = user.MustChangePassword;
        HasPassword = await users.HasPasswordAsync(user);
        Logins = await users.GetLoginsAsync(user);
    }

    public async Task<IActionResult> OnPostRemindersAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        user.ReceivesReminders = ReceivesReminders;
        await users.UpdateAsync(user);
        Message = ReceivesReminders ? "Bạn sẽ nhận thư nhắc việc của đơn vị." : "Bạn sẽ không nhận thư nhắc việc nữa.";
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        ReceivesReminders = user.ReceivesReminders;
        await LoadAsync(user);
        if (!ModelState.IsValid) return Page();
        if (NewPassword == CurrentPassword)
        {
            ModelState.AddModelError("", "Mật khẩu mới phải khác mật khẩu hiện tại.");
            return Page();
        }
        user.MustChangePassword = false; // saved with the new password, and only with it
        var result = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("", IdentityMessages.Vietnamese(error));
            return Page();
        }
        await signIn.RefreshSignInAsync(user); // a new cookie: the new security stamp, and no must-change step
        MustChange = false;
        await securityLog.RecordAsync(SecurityEventKinds.PasswordChanged, user.Id, user.Email);
        Message = "Đã đổi mật khẩu.";
        return Page();
    }
}
