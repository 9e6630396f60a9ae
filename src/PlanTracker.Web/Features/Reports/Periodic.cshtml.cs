using Microsoft.AspNetCore.Authorization;
using PlanTracker.Core.PeriodicReports;

namespace PlanTracker.Web.Features.Reports;

/// <summary>
/// The periodic report of a plan for a period (Q1, 6 months, Q3, year), with its Word and Excel downloads, for
/// Sở Nội vụ and the leadership. A unit editor asking for it is sent to its own unit's report of the period.
/// </summary>
public class PeriodicModel(PlanTrackerDbContext db, MonitoringReports reports, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "plan")] public int? PlanId { get; set; }
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodKey { get; set; }

    /// <summary>Items listed per state group on the page; the downloads list them all.</summary>
    public const int ItemsShown = 100;

    public PeriodicReport? Report { get; private set; }
    public List<Shared.PlanChoice> Plans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await authorization.AllowsAsync(User, Policies.AdminOrViewer))
            return User.IsInRole(Core.Accounts.Roles.UnitEditor)
                ? Redirect($"/reports/unit?plan={PlanId}&period={PeriodKey}")
                : Forbid();
        var plan = await reports.PlanAsync(PlanId, User);
        if (plan is null) return PlanId is null ? Page() : NotFound();
        Plans = await Shared.PlanPicker.ChoicesAsync(db, User);
        Report = await reports.PeriodicAsync(plan, reports.PeriodOf(plan, PeriodKey));
        return Page();
    }

    public string Download(string extension) => $"/reports/periodic{extension}?plan={Report!.Plan.Id}&period={Report.Period.Key}";
}
