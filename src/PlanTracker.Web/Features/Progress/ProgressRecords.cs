using System.Security.Claims;
using PlanTracker.Core.History;
using PlanTracker.Core.Progress;
using PlanTracker.Core.States;

namespace PlanTracker.Web.Features.Progress;

/// <summary>The rules of a status update, shared by the progress page and the API: the record, its verification state and its history.</summary>
public static class ProgressRecords
{
    /// <summary>
    /// Applies the input to the unit's record (a new one starts at version 1) and records the change; the caller saves.
    /// <paramref name="deliverable"/> comes with its task, section and plan; <paramref name="filesNote"/> names files attached with it.
    /// </summary>
    public static DeliverableProgress Apply(PlanTrackerDbContext db, ClaimsPrincipal user, DateTime now, Deliverable deliverable,
        int unitId, string unitName, string period, DeliverableProgress? saved, ProgressInput input, string filesNote = "")
    {
        var before = saved is null ? null : ProgressInput.Snapshot(saved);
        // A new row starts at 1: a form opened before it existed carries 0 and is refused.
        var record = saved ?? db.Progress.Add(new DeliverableProgress { DeliverableId = deliverable.Id, Period = period, UnitId = unitId, Version = 1 }).Entity;
        var wasAccepted = record is { Status: ProgressStatus.Done, VerifiedAtUtc: not null };
        var acceptedOn = record.CompletedOn;
        input.ApplyTo(record);
        // On a plan that verifies completions "Hoàn thành" is a claim for Sở Nội vụ to accept; a save that keeps an
        // accepted completion's date (a result text or evidence added afterwards) keeps it accepted.
        var plan = deliverable.Task!.Section!.Plan!;
        var claims = plan.VerifiesCompletions && record.Status == ProgressStatus.Done && !(wasAccepted && record.CompletedOn == acceptedOn);
        if (claims)
        {
            record.Status = ProgressStatus.AwaitingVerification;
            (record.ReturnReason, record.ReturnedAtUtc, record.VerifiedAtUtc, record.VerifiedByName) = (null, null, null, null);
        }
        else if (record.Status != ProgressStatus.Done) (record.VerifiedAtUtc, record.VerifiedByName) = (null, null);
        record.UpdatedAtUtc = now;
        record.UpdatedByUserId = user.UserId();
        record.UpdatedByName = user.DisplayName();

        var item = Describe(deliverable, period);
        if (claims)
            db.Record(user.Actor(), now, ChangeKind.CompletionClaimed, deliverable.Id,
                $"{unitName}: {item} báo hoàn thành ngày {Display.Date(record.CompletedOn)}, chờ Sở Nội vụ xác nhận{filesNote}",
                before, ProgressInput.VerificationSnapshot(record), deliverable.TaskId, plan.Id);
        else
            db.Record(user.Actor(), now, ChangeKind.ProgressUpdated, deliverable.Id,
                $"{unitName}: {item} → {Display.StatusLabel(record.Status)} ({record.ProgressPercent}%){filesNote}",
                before, ProgressInput.Snapshot(record), deliverable.TaskId, plan.Id);
        return record;
    }

    public static string Describe(Deliverable deliverable, string period) =>
        $"{deliverable.Task!.Code} \"{deliverable.Product ?? "sản phẩm"}\"{(period == "" ? "" : " " + Periods.Label(period))}";
}
