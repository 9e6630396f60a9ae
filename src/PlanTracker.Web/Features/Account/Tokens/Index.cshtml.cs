using Microsoft.AspNetCore.Identity;

namespace PlanTracker.Web.Features.Account.Tokens;

/// <summary>
/// "Mã truy cập API": the signed-in person's own tokens. A new token is shown once, on the answer to its creation;
/// revoking names a token by id and is checked against the caller's own tokens on the server.
/// </summary>
public class IndexModel(UserManager<AppUser> users, ApiTokens tokens, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Days { get; set; } = ApiTokens.DefaultDays.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    public DateTime NowUtc { get; private set; }
    /// <summary>The token just made: on this answer only, never stored.</summary>
    public string? NewSecret { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.UserId() is not { } userId) return Challenge();
        return await PageAsync(userId);
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var problems = new Problems();
        var name = problems.Required(Name, ApiTokens.MaxNameLength, "tên mã truy cập");
        var days = problems.Number(Days, 1, ApiTokens.MaxDays, "số ngày hiệu lực");
        if (problems.Any)
        {
            problems.CopyTo(ModelState, "");
            return await PageAsync(user.Id);
        }
        var created = await tokens.CreateAsync(user, name!, days!.Value, User.Actor(), HttpContext.RequestAborted);
        NewSecret = created.Secret;
        Message = $"Đã tạo mã truy cập \"{created.Token.Name}\", hết hạn {Display.DateTime(created.Token.ExpiresAtUtc)}.";
        Name = null;
        ModelState.Clear();
        return await PageAsync(user.Id);
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        if (User.UserId() is not { } userId) return Challenge();
        if (!await tokens.RevokeAsync(id, userId, User.Actor(), HttpContext.RequestAborted)) return NotFound();
        Message = "Đã thu hồi mã truy cập; các hệ thống đang dùng nó sẽ bị từ chối từ yêu cầu tiếp theo.";
        return await PageAsync(userId);
    }

    private async Task<IActionResult> PageAsync(string userId)
    {
        NowUtc = time.GetUtcNow().UtcDateTime;
        Tokens = await tokens.OfUserAsync(userId, HttpContext.RequestAborted);
        return Page();
    }
}
