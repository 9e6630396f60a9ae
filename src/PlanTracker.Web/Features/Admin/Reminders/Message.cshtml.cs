using PlanTracker.Core.Reminders;
using PlanTracker.Web.Features.Reminders;

namespace PlanTracker.Web.Features.Admin.Reminders;

public class MessageModel(PlanTrackerDbContext db, Microsoft.Extensions.Options.IOptions<MailSettings> mail) : PageModel
{
    public bool Pickup => mail.Value.Mode == MailMode.Pickup;

    public OutboxMessage Message { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var message = await db.OutboxMessages().AsNoTracking().Include(m => m.Items).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null) return NotFound();
        Message = message;
        return Page();
    }
}
