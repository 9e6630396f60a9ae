using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace PlanTracker.Web.Features.Admin.Users;

public class IndexModel(PlanTrackerDbContext db, UserAccounts accounts, TimeProvider time) : PageModel
{
    public sealed record UserRow(string Id, string Email, string DisplayName, string Role, string? UnitName, bool IsDisabled, bool IsLockedOut,
        IReadOnlyList<IdentityUserLogin<string>> Logins);

    public sealed class NewUser
    {
        [Required(ErrorMessage = "Nhập thư điện tử."), EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Nhập họ tên."), StringLength(200)]
        public string DisplayName { get; set; } = "";
        public string Role { get; set; } = Roles.UnitEditor;
        public int? UnitId { get; set; }
        [Required(ErrorMessage = "Nhập mật khẩu ban đầu.")]
        public string Password { get; set; } = "";
    }

    [BindProperty] public NewUser Input { get; set; } = new();
    [BindProperty] public string? NewPassword { get; set; }
    public List<UserRow> Users { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (ModelState.IsValid)
        {
            var outcome = await accounts.CreateAsync(User.Actor(), Input.Email, Input.DisplayName, Input.Role, Input.UnitId, Input.Password);
            if (outcome.Succeeded)
            {
                Message = $"Đã tạo tài khoản {Input.Email}. Gửi mật khẩu ban đầu cho người dùng qua kênh an toàn; họ có thể đổi ở trang Tài khoản.";
                Input = new();
                ModelState.Clear();
            }
            else outcome.Errors.ToList().ForEach(e => ModelState.AddModelError("", e));
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id) => await ActAsync(await accounts.SetDisabledAsync(User.Actor(), id, true), "Đã khóa tài khoản {0}.");
    public async Task<IActionResult> OnPostEnableAsync(string id) => await ActAsync(await accounts.SetDisabledAsync(User.Actor(), id, false), "Đã mở khóa tài khoản {0}.");

    public async Task<IActionResult> OnPostUnlinkAsync(string id, string loginProvider, string providerKey) =>
        await ActAsync(await accounts.UnlinkLoginAsync(User.Actor(), id, loginProvider, providerKey),
            "Đã hủy liên kết đăng nhập một lần của {0}. Lần đăng nhập một lần sau sẽ liên kết lại theo thư điện tử đã được xác minh.");

    public async Task<IActionResult> OnPostResetAsync(string id)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(NewPassword))
        {
            ModelState.AddModelError("", "Nhập mật khẩu mới để đặt lại.");
            await LoadAsync();
            return Page();
        }
        return await ActAsync(await accounts.ResetPasswordAsync(User.Actor(), id, NewPassword), "Đã đặt lại mật khẩu cho {0}.");
    }

    private async Task<IActionResult> ActAsync(UserAccounts.Outcome outcome, string success)
    {
        ModelState.Clear();
        if (outcome.Succeeded) Message = string.Format(System.Globalization.CultureInfo.InvariantCulture, success, outcome.User!.Email);
        else outcome.Errors.ToList().ForEach(e => ModelState.AddModelError("", e));
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var now = time.GetUtcNow();
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        var roleOf = roles.ToLookup(r => r.UserId, r => r.Name ?? "");
        var loginsOf = (await db.UserLogins.AsNoTracking().ToListAsync()).ToLookup(l => l.UserId);
        Users = (await db.Users.AsNoTracking().Include(u => u.Unit).OrderBy(u => u.Email).ToListAsync())
            .Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName, string.Join(", ", roleOf[u.Id]), u.Unit?.Name, u.IsDisabled,
                u.LockoutEnd is { } end && end > now, loginsOf[u.Id].ToList()))
            .ToList();
        Units = await Shared.UnitChoices.AllAsync(db);
    }
}
