using System.Globalization;
using System.Text.RegularExpressions;
using PlanTracker.Core.Deadlines;

namespace PlanTracker.Core.Plans;

/// <summary>
/// "Lập kế hoạch năm sau": what a plan's deadlines read in another year. Every year a deadline text names moves
/// by the difference ("Quý IV năm 2018" in the 2019 plan is "Quý IV năm 2019" in the 2020 plan); a text without
/// a year ("Quý I", "Hàng quý") keeps its words and is read in the new year. Copying 163/KH-UBND into 2020 with
/// its texts kept left 197 of 313 items overdue on 15/01/2020.
/// </summary>
public static partial class PlanRollover
{
    /// <summary>The text with every year it names moved by <paramref name="years"/>; the rest kept as written.</summary>
    public static string ShiftYears(string text, int years) =>
        years == 0 ? text : YearPattern().Replace(text, m =>
            (int.Parse(m.Value, CultureInfo.InvariantCulture) + years).ToString(CultureInfo.InvariantCulture));

    /// <summary>The deadline a text of the <paramref name="fromYear"/> plan proposes for the <paramref name="toYear"/> plan.</summary>
    public static ParsedDeadline Propose(string printed, int fromYear, int toYear) =>
        DeadlineParser.Parse(ShiftYears(printed, toYear - fromYear), toYear);

    /// <summary>The same for a text of <paramref name="source"/>, read over its period moved to start in <paramref name="toYear"/>.</summary>
    public static ParsedDeadline Propose(string printed, Plan source, int toYear) =>
        DeadlineParser.Parse(ShiftYears(printed, toYear - source.Year), toYear, toYear + source.EndYear - source.Year);

    /// <summary>
    /// A proposal for every deliverable a copy of the plan carries, in reading order. The plan comes with its
    /// sections, tasks and deliverables loaded.
    /// </summary>
    public static List<DeliverableProposal> Propose(Plan source, int toYear) =>
        [.. LiveTasks(source).SelectMany(task => task.Deliverables.Where(d => !d.IsRetired).OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new DeliverableProposal(d.Id, task.Code, d.Product, d.DeadlineText, d.DeadlineDue,
                Propose(d.DeadlineText, source, toYear))))];

    /// <summary>
    /// The tasks a copy carries, section by section in reading order: retired ones stay behind, and so do the
    /// sub-items of a retired task.
    /// </summary>
    public static IEnumerable<PlanTask> LiveTasks(Plan source)
    {
        foreach (var section in source.Sections.Where(s => !s.IsRetired).OrderBy(s => s.SortOrder).ThenBy(s => s.Id))
        {
            var live = section.Tasks.Where(t => !t.IsRetired).ToList();
            var ids = live.Select(t => t.Id).ToHashSet();
            foreach (var task in live.OrderBy(t => t.SortOrder).ThenBy(t => t.Id))
                if (task.ParentTaskId is not { } parent || ids.Contains(parent))
                    yield return task;
        }
    }

    /// <summary>A four-digit year from 1900 to 2099 that is not part of a longer number.</summary>
    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)")]
    private static partial Regex YearPattern();
}

/// <summary>One deliverable on the review screen: its deadline as it stands and as proposed for the new year.</summary>
public sealed record DeliverableProposal(int DeliverableId, string TaskCode, string? Product, string OldText, DateOnly? OldDue, ParsedDeadline New)
{
    public bool Moved => New.Text != OldText || New.Due != OldDue;
}
