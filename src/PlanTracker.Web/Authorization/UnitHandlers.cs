using System.Security.Claims;
using PlanTracker.Core.Plans;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Web.Authorization;

/// <summary>
/// A unit's periodic reports are recorded by an admin or an editor of that unit; its scorecard is seen by
/// Sở Nội vụ, the leadership and the unit itself.
/// </summary>
public sealed class UnitHandler : OperationHandler<UnitRef>
{
    protected override Task<bool> AllowsAsync(ClaimsPrincipal user, string operation, UnitRef unit) => Task.FromResult(operation switch
    {
        nameof(Operations.RecordReport) => user.ActsFor(unit.UnitId),
        nameof(Operations.SeeScorecard) => user.SeesAllUnits() || user.UnitId() == unit.UnitId,
        _ => false,
    });
}

/// <summary>
/// A recorded report is removed by whoever may record for its unit; its file is downloaded by them, by
/// Sở Nội vụ and by the leadership.
/// </summary>
public sealed class ReportSubmissionHandler : OperationHandler<ReportSubmission>
{
    protected override Task<bool> AllowsAsync(ClaimsPrincipal user, string operation, ReportSubmission submission) => Task.FromResult(operation switch
    {
        nameof(Operations.RemoveReport) => user.ActsFor(submission.UnitId),
        nameof(Operations.DownloadReportFile) => user.SeesAllUnits() || user.ActsFor(submission.UnitId),
        _ => false,
    });
}

/// <summary>An indicator's values are entered by an admin or an editor of the unit Sở Nội vụ made responsible for it.</summary>
public sealed class IndicatorHandler : OperationHandler<Indicator>
{
    protected override Task<bool> AllowsAsync(ClaimsPrincipal user, string operation, Indicator indicator) =>
        Task.FromResult(operation == nameof(Operations.EnterIndicatorValue) && user.ActsFor(indicator.ResponsibleUnitId));
}
