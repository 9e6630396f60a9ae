namespace PlanTracker.Core.Plans;

/// <summary>
/// A CCHC plan: a city's annual plan (163/KH-UBND for 2019), a programme of several years (QĐ 4168 for
/// 2021–2025) or a unit's own annual plan. Its period runs from <see cref="Year"/> to <see cref="EndYear"/>.
/// </summary>
public class Plan : IVersioned
{
    public int Id { get; set; }
    public required string Number { get; set; }
    public required string Title { get; set; }
    /// <summary>The first year of the plan's period; the only one for an annual plan.</summary>
    public int Year { get; set; }
    /// <summary>The last year of the plan's period: <see cref="Year"/> for an annual plan.</summary>
    public int EndYear { get; set; }
    public PlanKind Kind { get; set; } = PlanKind.CityAnnual;
    public PlanStatus Status { get; set; } = PlanStatus.Active;
    /// <summary>The unit whose own plan this is (<see cref="PlanKind.UnitAnnual"/> only).</summary>
    public int? UnitId { get; set; }
    public Units.Unit? Unit { get; set; }
    /// <summary>The plan this one implements: a unit plan's city plan, or an annual plan's programme.</summary>
    public int? ParentPlanId { get; set; }
    public Plan? ParentPlan { get; set; }
    /// <summary>The plan this one was rolled over from ("Lập kế hoạch năm sau").</summary>
    public int? CopiedFromPlanId { get; set; }
    /// <summary>
    /// A unit's "Hoàn thành" waits for Sở Nội vụ to accept it ("Chờ xác nhận"). Plans made in the app start with it on;
    /// plans imported from a file keep what the file says (off for Plan 163, which was run without it).
    /// </summary>
    public bool VerifiesCompletions { get; set; }
    /// <summary>
    /// Its progress is shown to anyone, signed in or not, on the public progress page: per section and per unit,
    /// never names, comments or evidence. Off until an admin opts the plan in.
    /// </summary>
    public bool PublicProgress { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public string? Issuer { get; set; }
    public string? SignedBy { get; set; }
    public string? SignerTitle { get; set; }

    /// <summary>SHA-256 of the imported file's content, so that importing the same file again changes nothing.</summary>
    public string? SourceHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>Raised by the context on every edit; an edit form carries the version it loaded.</summary>
    public int Version { get; set; }

    public List<Objective> Objectives { get; set; } = [];
    public List<Section> Sections { get; set; } = [];
    public List<PlanDuty> Duties { get; set; } = [];
}
