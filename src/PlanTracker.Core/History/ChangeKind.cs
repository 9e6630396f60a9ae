namespace PlanTracker.Core.History;

/// <summary>
/// The history records written outside the item editors: what they are about and what happened, named as
/// they have been stored from the start (the editors' records are named by ChangeLog from the item's type).
/// </summary>
public sealed record ChangeKind(string EntityType, string Action)
{
    /// <summary>Entity id: the deliverable.</summary>
    public static readonly ChangeKind ProgressUpdated = new("DeliverableProgress", "ProgressUpdated");
    /// <summary>Entity id: the deliverable. A unit asks for a new deadline; Sở Nội vụ approves or refuses it.</summary>
    public static readonly ChangeKind ExtensionRequested = new("DeadlineExtension", "ExtensionRequested");
    public static readonly ChangeKind ExtensionApproved = new("DeadlineExtension", "ExtensionApproved");
    public static readonly ChangeKind ExtensionRefused = new("DeadlineExtension", "ExtensionRefused");
    /// <summary>Entity id: the deliverable. A unit's "Hoàn thành" on a plan that verifies completions: it awaits Sở Nội vụ.</summary>
    public static readonly ChangeKind CompletionClaimed = new("DeliverableProgress", "CompletionClaimed");
    /// <summary>Entity id: the deliverable. Sở Nội vụ accepted the claim: done as of the unit's date.</summary>
    public static readonly ChangeKind CompletionAccepted = new("DeliverableProgress", "CompletionAccepted");
    /// <summary>Entity id: the deliverable. Sở Nội vụ returned the claim with a reason: in progress again.</summary>
    public static readonly ChangeKind CompletionReturned = new("DeliverableProgress", "CompletionReturned");
    public static readonly ChangeKind AttachmentRemoved = new("Attachment", "AttachmentRemoved");
    /// <summary>Entity id: the task.</summary>
    public static readonly ChangeKind CommentAdded = new("TaskComment", "CommentAdded");
    /// <summary>Entity id: the deliverable; the record names the unit and the officer (người phụ trách) given it, or none.</summary>
    public static readonly ChangeKind OfficerAssigned = new("ItemFollower", "OfficerAssigned");
    public static readonly ChangeKind ReportRecorded = new("ReportSubmission", "ReportRecorded");
    public static readonly ChangeKind ReportRemoved = new("ReportSubmission", "ReportRemoved");
    /// <summary>Entity id: the indicator.</summary>
    public static readonly ChangeKind IndicatorValueEntered = new("IndicatorValue", "IndicatorValueEntered");
    /// <summary>Entity id: the indicator.</summary>
    public static readonly ChangeKind IndicatorValueCorrected = new("IndicatorValue", "IndicatorValueCorrected");
    public static readonly ChangeKind ResponsibleUnitAssigned = new("Indicator", "ResponsibleUnitAssigned");
    /// <summary>Entity id: the unit plan; the record names the city plan it was started from.</summary>
    public static readonly ChangeKind UnitPlanStarted = new("Plan", "UnitPlanStarted");
    /// <summary>Entity id: the unit plan, which became active; the report submission has its own record.</summary>
    public static readonly ChangeKind UnitPlanSubmitted = new("Plan", "UnitPlanSubmitted");
    /// <summary>Entity id: the plan. A draft becomes active, or an active plan closes (its lifecycle, see PlanStatus).</summary>
    public static readonly ChangeKind PlanActivated = new("Plan", "PlanActivated");
    public static readonly ChangeKind PlanClosed = new("Plan", "PlanClosed");
    /// <summary>Accounts have text ids, so their records carry entity id 0 and name the account in the summary.</summary>
    public static readonly ChangeKind UserCreated = new("User", "UserCreated");
    public static readonly ChangeKind UserDisabled = new("User", "UserDisabled");
    public static readonly ChangeKind UserEnabled = new("User", "UserEnabled");
    public static readonly ChangeKind PasswordReset = new("User", "PasswordReset");
}
