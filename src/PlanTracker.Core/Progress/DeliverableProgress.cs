using PlanTracker.Core.Units;

namespace PlanTracker.Core.Progress;

/// <summary>
/// Where one lead unit stands on one deliverable, or on one period of it: a quarter ("Q1".."Q4") of a
/// recurring deliverable, or the progress note of a quarter for an ongoing one. Period is "" for a
/// one-off deliverable. Each lead unit keeps its own record, since "UBND quận, huyện" means nine districts
/// each doing the work.
/// </summary>
public class DeliverableProgress : IVersioned
{
    public int Id { get; set; }
    public int DeliverableId { get; set; }
    public Deliverable? Deliverable { get; set; }
    public string Period { get; set; } = "";
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }

    public ProgressStatus Status { get; set; }
    public int ProgressPercent { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? ResultText { get; set; }
    /// <summary>The evidence document's number, e.g. "123/BC-STP".</summary>
    public string? EvidenceNumber { get; set; }
    public DateOnly? EvidenceDate { get; set; }

    /// <summary>The deadline Sở Nội vụ approved in place of the plan's (an extension); the plan's own stays on the deliverable.</summary>
    public DateOnly? AdjustedDue { get; set; }
    /// <summary>Why Sở Nội vụ returned the last completion ("trả lại"); cleared when the unit claims it again.</summary>
    public string? ReturnReason { get; set; }
    public DateTime? ReturnedAtUtc { get; set; }
    /// <summary>When and by whom Sở Nội vụ accepted the completion; null while it is not verified.</summary>
    public DateTime? VerifiedAtUtc { get; set; }
    public string? VerifiedByName { get; set; }

    /// <summary>Raised on every save; a save that carries an older version is refused as a conflict.</summary>
    public int Version { get; set; }
    /// <summary>The dashboard stamp's Version when this row was last saved (see CountStamp).</summary>
    public long CountVersion { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedByUserId { get; set; }
    public string UpdatedByName { get; set; } = "";

    public const string OneOff = "";
}
