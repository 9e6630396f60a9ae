using PlanTracker.Core.Data;

namespace PlanTracker.Core.Plans;

/// <summary>A year's CCHC action plan, e.g. 163/KH-UBND for 2019.</summary>
public class Plan : IVersioned
{
    public int Id { get; set; }
    public required string Number { get; set; }
    public required string Title { get; set; }
    public int Year { get; set; }
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
