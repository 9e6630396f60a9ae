using PlanTracker.Core.Text;

namespace PlanTracker.Core.Plans;

/// <summary>
/// A task of the plan ("Hoạt động"): a lettered row such as 2.m, or one of its "-" sub-items (2.m.1).
/// Named PlanTask so that it never collides with System.Threading.Tasks.Task.
/// </summary>
public class PlanTask : IVersioned
{
    public int Id { get; set; }
    public int SectionId { get; set; }
    /// <summary>A task the city was assigned by a higher level (the Government, a ministry): PAR criterion 1.6 counts it against its original deadline, whatever extension the city grants.</summary>
    public bool AssignedByHigherLevel { get; set; }
    public Section? Section { get; set; }
    public int? ParentTaskId { get; set; }
    public PlanTask? ParentTask { get; set; }
    public required string Code { get; set; }
    public required string Activity { get; set; }
    /// <summary>What the data says about gaps or doubts in the printed table (Vietnamese, shown to users).</summary>
    public string? Note { get; set; }
    public string? Footnotes { get; set; }
    /// <summary>Where the row sits in the source document, for reviewers.</summary>
    public string? SourceRef { get; set; }
    public int SortOrder { get; set; }
    /// <summary>Retired items stay in the database and in history; pages leave them out.</summary>
    public bool IsRetired { get; set; }
    /// <summary>
    /// Code, activity, note, active units and products folded to lower-case ASCII so that search ignores
    /// diacritics. Kept by the context on every save that changes one of them.
    /// </summary>
    public string SearchText { get; set; } = "";
    /// <summary>Raised by the context on every edit; an edit form carries the version it loaded.</summary>
    public int Version { get; set; }

    public List<PlanTask> Subtasks { get; set; } = [];
    public List<Deliverable> Deliverables { get; set; } = [];
    public List<TaskAssignment> Assignments { get; set; } = [];
    /// <summary>The tasks of other plans this one carries out (programme items, or a city task for a unit plan).</summary>
    public List<TaskCitation> Citations { get; set; } = [];

    /// <summary>The search text from the given parts; retired ones are the caller's to leave out.</summary>
    public static string SearchTextOf(string code, string activity, string? note, IEnumerable<TaskAssignment> assignments, IEnumerable<Deliverable> deliverables) =>
        VietnameseText.SearchKey(string.Join(" ",
            new[] { code, activity, note }
                .Concat(assignments.Select(a => a.PrintedName))
                .Concat(deliverables.Select(d => d.Product))
                .Where(s => !string.IsNullOrEmpty(s))));
}
