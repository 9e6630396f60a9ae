using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace PlanTracker.Web.Features.Account;

/// <summary>
/// Enrols an authenticator app (TOTP, RFC 6238, through Identity's authenticator token provider): the key is shown
/// as text and as an otpauth:// address, since no QR library is referenced; a right code turns it on and shows
/// ten recovery codes once. Required for admins (<see cref="AccountGate"/>), offered to everyone.
/// </summary>
public class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public string? Code { get; set; } = "";

    public bool Enabled { get; private set; }
    public bool IsAdmin { get; private set; }
    public string? SharedKey { get; private set; }
    public string? AuthenticatorUri { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToPage();
        var code = new string((Code ?? "").Where(char.IsDigit).ToArray());
        if (code.Length == 0)
        {
            ModelState.AddModelError("", "Nhập mã 6 số từ ứng dụng xác thực.");
            return await PageAsync(user);
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("", "Mã không đúng. Kiểm tra giờ trên điện thoại rồi nhập mã đang hiện.");
            return await PageAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await signIn.RefreshSignInAsync(user); // the stamp changed; an admin's enrol step is done
        Message = "Đã bật xác thực hai bước.";
        return await PageAsync(user);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToPage();
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        Message = "Đã tạo mã khôi phục mới; các mã cũ không dùng được nữa.";
        return await PageAsync(user);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (await users.IsInRoleAsync(user, Roles.Admin))
        {
            ModelState.AddModelError("", "Tài khoản quản trị bắt buộc dùng xác thực hai bước.");
            return await PageAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user); // a later enrolment gets a new key
        await signIn.RefreshSignInAsync(user);
        Message = "Đã tắt xác thực hai bước.";
        return await PageAsync(user);
    }

    private async Task<IActionResult> PageAsync(AppUser user)
    {
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        IsAdmin = await users.IsInRoleAsync(user, Roles.Admin);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user); // resetting the key changes the security stamp
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var label = Uri.EscapeDataString("PlanTracker:" + user.Email);
        AuthenticatorUri = string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{label}?secret={key}&issuer=PlanTracker&digits=6&period=30");
    }
}
