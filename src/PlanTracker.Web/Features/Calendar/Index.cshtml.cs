using Microsoft.AspNetCore.Authorization;
using PlanTracker.Core.Time;

namespace PlanTracker.Web.Features.Calendar;

/// <summary>
/// "Lịch": the person's own subscription address and, for a unit editor, their unit's (admins pick any unit), each
/// created or reset here. Resetting replaces the secret, so the old address answers 404 at once.
/// </summary>
public class IndexModel(PlanTrackerDbContext db, IAuthorizationService authorization, IConfiguration config, SecurityLog securityLog,
    TimeProvider time) : PageModel
{
    /// <summary>The unit shown: a unit editor's own; an admin's pick.</summary>
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }

    public sealed record Address(string Https, string Webcal);

    public Address? Personal { get; private set; }
    public Address? UnitFeed { get; private set; }
    public string? UnitName { get; private set; }
    public bool CanPickUnit { get; private set; }
    public List<(int Id, string Name)> Units { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        CanPickUnit = await authorization.AllowsAsync(User, Policies.Admin);
        if (CanPickUnit) Units = await UnitChoices.AllAsync(db);
        else Unit = User.IsInRole(Roles.UnitEditor) ? User.UnitId() : null;

        Personal = AddressOf(await db.CalendarFeeds.Where(f => f.UserId == User.UserId()).Select(f => f.Secret).FirstOrDefaultAsync());
        if (Unit is { } unitId && await authorization.AllowsAsync(User, new UnitRef(unitId), Operations.ManageUnitCalendar))
        {
            UnitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync();
            if (UnitName is null) return NotFound();
            UnitFeed = AddressOf(await db.CalendarFeeds.Where(f => f.UnitId == unitId).Select(f => f.Secret).FirstOrDefaultAsync());
        }
        return Page();
    }

    /// <summary>Creates the address, or replaces it: one handler, since both give the feed a new secret.</summary>
    public async Task<IActionResult> OnPostResetAsync(int? unit)
    {
        string detail;
        CalendarFeed? feed;
        if (unit is { } unitId)
        {
            if (!await authorization.AllowsAsync(User, new UnitRef(unitId), Operations.ManageUnitCalendar)) return Forbid();
            var name = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync();
            if (name is null) return NotFound();
            feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.UnitId == unitId);
            detail = $"Lịch của đơn vị {name}";
        }
        else
        {
            feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.UserId == User.UserId());
            detail = "Lịch cá nhân";
        }

        var created = feed is null;
        if (feed is null)
        {
            feed = new CalendarFeed { Secret = "", UnitId = unit, UserId = unit is null ? User.UserId() : null };
            db.CalendarFeeds.Add(feed);
        }
        feed.Secret = CalendarAddress.NewSecret();
        feed.CreatedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        await securityLog.RecordAsync(created ? SecurityEventKinds.CalendarFeedCreated : SecurityEventKinds.CalendarFeedReset, detail: detail);

        Notice = created ? "Đã tạo địa chỉ lịch." : "Đã đặt lại địa chỉ lịch: địa chỉ cũ không còn dùng được.";
        return RedirectToPage(new { unit });
    }

    private Address? AddressOf(string? secret) =>
        secret is null ? null : new(CalendarAddress.Https(config, secret), CalendarAddress.Webcal(config, secret));
}
