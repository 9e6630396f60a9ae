using System.Security.Claims;
using PlanTracker.Core.PeriodicReports;

namespace PlanTracker.Web.Authorization;

/// <summary>
/// A unit's periodic reports are recorded by an admin or an editor of that unit; its scorecard is seen by
/// Sở Nội vụ, the leadership and the unit itself; so is the report it writes in the app, written by an admin or
/// an editor of that unit.
/// </summary>
public sealed class UnitHandler : OperationHandler<UnitRef>
{
    protected override Task<bool> AllowsAsync(ClaimsPrincipal user, string operation, UnitRef unit) => Task.FromResult(operation switch
    {
        nameof(Operations.RecordReport) => user.ActsFor(unit.UnitId),
        nameof(Operations.SeeScorecard) => user.SeesAllUnits() || user.UnitId() == unit.UnitId,
        nameof(Operations.ReadUnitReport) => user.SeesAllUnits() || user.ActsFor(unit.UnitId),
        nameof(Operations.WriteUnitReport) => user.ActsFor(unit.UnitId),
        nameof(Operations.ManageUnitCalendar) => user.ActsFor(unit.UnitId),
        _ => false,
    });
}

/// <summary>
/// A recorded report is removed by whoever may record for its unit; its file is downloaded by them, by
/// Sở Nội vụ and by the leadership.
/// </summary>
public sealed class ReportSubmissionHandler(PlanTrackerDbContext db) : OperationHandler<ReportSubmission>
{
    protected override async Task<bool> AllowsAsync(ClaimsPrincipal user, string operation, ReportSubmission submission) => operation switch
    {
        nameof(Operations.RemoveReport) => user.ActsFor(submission.UnitId)
            && await PlanLifecycle.StatusAsync(db, submission.PlanId) is { } status && PlanLifecycle.IsOpen(status),
        nameof(Operations.DownloadReportFile) => user.SeesAllUnits() || user.ActsFor(submission.UnitId),
        _ => false,
    };
}

/// <summary>
/// An indicator's values are entered by an admin or an editor of the unit Sở Nội vụ made responsible for it, while
/// its plan is not closed.
/// </summary>
public sealed class IndicatorHandler(PlanTrackerDbContext db) : OperationHandler<Indicator>
{
    protected override async Task<bool> AllowsAsync(ClaimsPrincipal user, string operation, Indicator indicator) =>
        operation == nameof(Operations.EnterIndicatorValue) && user.ActsFor(indicator.ResponsibleUnitId)
        && await db.Objectives.Where(o => o.Id == indicator.ObjectiveId).Select(o => (PlanStatus?)o.Plan!.Status).FirstOrDefaultAsync() is { } status
        && PlanLifecycle.IsOpen(status);
}
