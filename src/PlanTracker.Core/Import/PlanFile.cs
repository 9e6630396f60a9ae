namespace PlanTracker.Core.Import;

// The shape of seed/plan-*.json. Everything is nullable so that the validator, not the deserializer,
// decides what is missing and names the JSON path of each problem.

public sealed class PlanFile
{
    public PlanHeaderDto? Plan { get; set; }
    public List<ObjectiveDto>? Objectives { get; set; }
    public List<SectionDto>? Sections { get; set; }
    public List<DutyDto>? Duties { get; set; }
}

public sealed class PlanHeaderDto
{
    public string? Number { get; set; }
    /// <summary>"cityAnnual" (the default) or "programme".</summary>
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public int? Year { get; set; }
    /// <summary>The last year of a programme's period; the plan's year when absent.</summary>
    public int? EndYear { get; set; }
    public string? IssuedOn { get; set; }
    public string? Issuer { get; set; }
    public string? SignedBy { get; set; }
    public string? SignerTitle { get; set; }
    /// <summary>Whether a unit's "Hoàn thành" waits for Sở Nội vụ to accept it; off when absent (Plan 163 ran without it).</summary>
    public bool? VerifiesCompletions { get; set; }
}

public sealed class ObjectiveDto
{
    public string? Code { get; set; }
    /// <summary>"objective" (the default), "viewpoint", "generalGoal" or "solution".</summary>
    public string? Kind { get; set; }
    public string? Text { get; set; }
    public List<IndicatorDto>? Indicators { get; set; }
}

public sealed class IndicatorDto
{
    public string? Text { get; set; }
    public decimal? Target { get; set; }
    public string? Unit { get; set; }
    public string? Level { get; set; }
    public int? TargetYear { get; set; }
    public List<IndicatorStepDto>? Steps { get; set; }
}

public sealed class IndicatorStepDto
{
    public int? Year { get; set; }
    public decimal? Target { get; set; }
    public string? Text { get; set; }
}

/// <summary>A programme item an annual task carries out: the programme's number and the item's code.</summary>
public sealed class CitationDto
{
    public string? Plan { get; set; }
    public string? Code { get; set; }
}

public sealed class SectionDto
{
    public int? Number { get; set; }
    public string? Title { get; set; }
    public List<TaskDto>? Tasks { get; set; }
}

public sealed class TaskDto
{
    public string? Code { get; set; }
    public string? Activity { get; set; }
    public List<string>? LeadUnits { get; set; }
    public List<string>? CoordinatingUnits { get; set; }
    public List<string>? InferredLeadUnits { get; set; }
    public List<string>? InferredCoordinatingUnits { get; set; }
    public List<DeliverableDto>? Deliverables { get; set; }
    public List<TaskDto>? Subtasks { get; set; }
    public string? Note { get; set; }
    public List<string>? Footnotes { get; set; }
    public List<CitationDto>? Cites { get; set; }
    public string? Source { get; set; }
    /// <summary>"Nhiệm vụ do cấp trên giao": PAR criterion 1.6 counts it against its original deadline. False when absent.</summary>
    /// <remarks>Written only when true, like the seed files: "false" on every task would bury the few that say true.</remarks>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool AssignedByHigherLevel { get; set; }
}

public sealed class DeliverableDto
{
    public string? Product { get; set; }
    public string? Deadline { get; set; }
    public string? Note { get; set; }
}

public sealed class DutyDto
{
    public string? Code { get; set; }
    public List<string>? Units { get; set; }
    public string? Text { get; set; }
    public string? Product { get; set; }
    public string? Recipient { get; set; }
    /// <summary>The recipient when the plan leaves it unprinted but the context names it.</summary>
    public string? InferredRecipient { get; set; }
    public string? Deadline { get; set; }
    public List<string>? Periods { get; set; }
    public string? Note { get; set; }
    public string? Source { get; set; }
}
