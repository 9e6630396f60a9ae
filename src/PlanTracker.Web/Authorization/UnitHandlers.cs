using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using PlanTracker.Core.Plans;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Web.Authorization;

/// <summary>
/// A unit's periodic reports are recorded by an admin or an editor of that unit; its scorecard is seen by
/// Sở Nội vụ, the leadership and the unit itself.
/// </summary>
public sealed class UnitHandler : AuthorizationHandler<OperationAuthorizationRequirement, UnitRef>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement operation, UnitRef unit)
    {
        var user = context.User;
        var allowed = operation.Name switch
        {
            nameof(Operations.RecordReport) => user.ActsFor(unit.UnitId),
            nameof(Operations.SeeScorecard) => user.SeesAllUnits() || user.UnitId() == unit.UnitId,
            _ => false,
        };
        if (allowed) context.Succeed(operation);
        return Task.CompletedTask;
    }
}

/// <summary>
/// A recorded report is removed by whoever may record for its unit; its file is downloaded by them, by
/// Sở Nội vụ and by the leadership.
/// </summary>
public sealed class ReportSubmissionHandler : AuthorizationHandler<OperationAuthorizationRequirement, ReportSubmission>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement operation, ReportSubmission submission)
    {
        var user = context.User;
        var allowed = operation.Name switch
        {
            nameof(Operations.RemoveReport) => user.ActsFor(submission.UnitId),
            nameof(Operations.DownloadReportFile) => user.SeesAllUnits() || user.ActsFor(submission.UnitId),
            _ => false,
        };
        if (allowed) context.Succeed(operation);
        return Task.CompletedTask;
    }
}

/// <summary>An indicator's values are entered by an admin or an editor of the unit Sở Nội vụ made responsible for it.</summary>
public sealed class IndicatorHandler : AuthorizationHandler<OperationAuthorizationRequirement, Indicator>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement operation, Indicator indicator)
    {
        if (operation.Name == nameof(Operations.EnterIndicatorValue) && context.User.ActsFor(indicator.ResponsibleUnitId))
            context.Succeed(operation);
        return Task.CompletedTask;
    }
}
