using PlanTracker.Web.Features.Account.Tokens;

namespace PlanTracker.Web.Features.Admin.Users;

/// <summary>
/// One account's personal access tokens for an admin (the /admin folder's policy): what each is, when it was last used,
/// and "Thu hồi" for any of them, e.g. when the system that held it is retired or the person has left.
/// </summary>
public class TokensModel(PlanTrackerDbContext db, ApiTokens tokens, TimeProvider time) : PageModel
{
    public AppUser Account { get; private set; } = null!;
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    public DateTime NowUtc { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id) => await PageAsync(id);

    public async Task<IActionResult> OnPostRevokeAsync(string id, int tokenId)
    {
        // The token must be this account's: the address names the account the admin is looking at.
        if (!await db.ApiTokens.AnyAsync(t => t.Id == tokenId && t.UserId == id, HttpContext.RequestAborted)) return NotFound();
        await tokens.RevokeAsync(tokenId, ownerId: null, User.Actor(), HttpContext.RequestAborted);
        Message = "Đã thu hồi mã truy cập; các hệ thống đang dùng nó sẽ bị từ chối từ yêu cầu tiếp theo.";
        return await PageAsync(id);
    }

    private async Task<IActionResult> PageAsync(string id)
    {
        if (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, HttpContext.RequestAborted) is not { } account) return NotFound();
        Account = account;
        NowUtc = time.GetUtcNow().UtcDateTime;
        Tokens = await tokens.OfUserAsync(id, HttpContext.RequestAborted);
        return Page();
    }
}
