using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace PlanTracker.Web.Authorization;

/// <summary>
/// What a page asks to do to a resource: <c>await authorization.AllowsAsync(User, resource, Operations.X)</c>.
/// The handler for the resource's type decides; an operation no handler knows is refused.
/// </summary>
public static class Operations
{
    /// <summary>On a <see cref="UnitOnTask"/>: record the unit's progress on a deliverable of the task.</summary>
    public static readonly OperationAuthorizationRequirement UpdateProgress = new() { Name = nameof(UpdateProgress) };

    /// <summary>On a <see cref="UnitOnTask"/>: ask Sở Nội vụ for a new deadline on one of the unit's items of the task.</summary>
    public static readonly OperationAuthorizationRequirement RequestExtension = new() { Name = nameof(RequestExtension) };

    /// <summary>On a <see cref="UnitOnTask"/>: give the unit's share of a deliverable to a named officer of the unit (người phụ trách).</summary>
    public static readonly OperationAuthorizationRequirement AssignOfficer = new() { Name = nameof(AssignOfficer) };

    /// <summary>On a <see cref="UnitOnTask"/>: watch (or stop watching) the unit's share of a deliverable.</summary>
    public static readonly OperationAuthorizationRequirement Watch = new() { Name = nameof(Watch) };

    /// <summary>On a <see cref="TaskRef"/>: write a comment.</summary>
    public static readonly OperationAuthorizationRequirement Comment = new() { Name = nameof(Comment) };

    /// <summary>On a <see cref="TaskRef"/>: list and download its evidence files.</summary>
    public static readonly OperationAuthorizationRequirement SeeEvidence = new() { Name = nameof(SeeEvidence) };

    /// <summary>On a <see cref="UnitRef"/>: record that the unit sent a periodic report.</summary>
    public static readonly OperationAuthorizationRequirement RecordReport = new() { Name = nameof(RecordReport) };

    /// <summary>On a <see cref="UnitRef"/>: read the unit's periodic report written in the app, and download it.</summary>
    public static readonly OperationAuthorizationRequirement ReadUnitReport = new() { Name = nameof(ReadUnitReport) };

    /// <summary>On a <see cref="UnitRef"/>: write, submit and resubmit the unit's periodic report in the app.</summary>
    public static readonly OperationAuthorizationRequirement WriteUnitReport = new() { Name = nameof(WriteUnitReport) };

    /// <summary>On a <see cref="UnitRef"/>: see the unit's scorecard.</summary>
    public static readonly OperationAuthorizationRequirement SeeScorecard = new() { Name = nameof(SeeScorecard) };

    /// <summary>On a <see cref="Core.PeriodicReports.ReportSubmission"/>: mark it removed.</summary>
    public static readonly OperationAuthorizationRequirement RemoveReport = new() { Name = nameof(RemoveReport) };

    /// <summary>On a <see cref="Core.PeriodicReports.ReportSubmission"/>: download its file.</summary>
    public static readonly OperationAuthorizationRequirement DownloadReportFile = new() { Name = nameof(DownloadReportFile) };

    /// <summary>On an <see cref="Core.Plans.Indicator"/>: enter or correct its value for a period.</summary>
    public static readonly OperationAuthorizationRequirement EnterIndicatorValue = new() { Name = nameof(EnterIndicatorValue) };

    /// <summary>On a <see cref="UnitRef"/>: start the unit's own annual plan from a city plan.</summary>
    public static readonly OperationAuthorizationRequirement StartUnitPlan = new() { Name = nameof(StartUnitPlan) };

    /// <summary>On a unit's own <see cref="Core.Plans.Plan"/>: open it, its draft included.</summary>
    public static readonly OperationAuthorizationRequirement SeeUnitPlan = new() { Name = nameof(SeeUnitPlan) };

    /// <summary>On a unit's own <see cref="Core.Plans.Plan"/>: edit its tasks, products and deadlines, and submit it.</summary>
    public static readonly OperationAuthorizationRequirement EditUnitPlan = new() { Name = nameof(EditUnitPlan) };
    /// <summary>On a <see cref="PlanRef"/>: list it, open it and its tasks (a draft is hidden from units' editors).</summary>
    public static readonly OperationAuthorizationRequirement SeePlan = new() { Name = nameof(SeePlan) };

    /// <summary>On a <see cref="PlanRef"/>: change anything of it or recorded against it (refused once it is closed).</summary>
    public static readonly OperationAuthorizationRequirement ChangePlan = new() { Name = nameof(ChangePlan) };

    /// <summary>On a <see cref="UnitRef"/>: see, create and reset the unit's calendar subscription address.</summary>
    public static readonly OperationAuthorizationRequirement ManageUnitCalendar = new() { Name = nameof(ManageUnitCalendar) };
}

public sealed record TaskRef(int TaskId);

public sealed record UnitRef(int UnitId);

/// <summary>One unit's share of a task (its progress on the task's deliverables).</summary>
public sealed record UnitOnTask(int TaskId, int UnitId);

/// <summary>Decides the operations on one type of resource; an operation it does not name is refused.</summary>
public abstract class OperationHandler<TResource> : AuthorizationHandler<OperationAuthorizationRequirement, TResource>
{
    protected abstract Task<bool> AllowsAsync(ClaimsPrincipal user, string operation, TResource resource);

    protected sealed override async Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, TResource resource)
    {
        if (await AllowsAsync(context.User, requirement.Name, resource)) context.Succeed(requirement);
    }
}
