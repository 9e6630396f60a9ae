using PlanTracker.Core.Progress;
using PlanTracker.Core.States;

namespace PlanTracker.Core.Monitoring;

public static class WorkItemStates
{
    /// <summary>
    /// The item's state on an earlier day, through the same <see cref="StateClassifier"/>: a completion after
    /// that day did not exist yet on it.
    /// </summary>
    public static DeliverableState StateOn(this WorkItem item, DateOnly day) =>
        StateClassifier.Classify(item.Kind, item.Due,
            item.Progress is { Status: ProgressStatus.Done or ProgressStatus.AwaitingVerification } p ? p.CompletedOn : null, day,
            item.Progress is { Status: ProgressStatus.AwaitingVerification });
}
