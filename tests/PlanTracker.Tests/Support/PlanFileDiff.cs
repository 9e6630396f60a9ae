using System.Text;
using System.Text.RegularExpressions;
using PlanTracker.Core.Import;

namespace PlanTracker.Tests.Support;

/// <summary>
/// Where a plan read from a document differs from the plan it should be (a seed file): its sections, tasks (code,
/// activity, printed lead and coordinating units), sub-items and deliverables (product, deadline). Texts are compared
/// NFC with whitespace collapsed. Each difference names the task code, so a failing test says what to look at.
/// </summary>
public static partial class PlanFileDiff
{
    public static List<string> Differences(PlanFile expected, PlanFile actual)
    {
        var differences = new List<string>();
        var expectedSections = expected.Sections ?? [];
        var actualSections = actual.Sections ?? [];
        if (expectedSections.Count != actualSections.Count)
            differences.Add($"sections: expected {expectedSections.Count}, read {actualSections.Count}");
        foreach (var (e, a) in expectedSections.Zip(actualSections))
        {
            if (e.Number != a.Number) differences.Add($"section {e.Number}: read as number {a.Number}");
            CompareTasks($"section {e.Number}", e.Tasks ?? [], a.Tasks ?? [], differences);
        }
        return differences;
    }

    public static void AssertSame(PlanFile expected, PlanFile actual)
    {
        var differences = Differences(expected, actual);
        Assert.True(differences.Count == 0, $"{differences.Count} differences:{Environment.NewLine}" + string.Join(Environment.NewLine, differences));
    }

    private static void CompareTasks(string where, List<TaskDto> expected, List<TaskDto> actual, List<string> differences)
    {
        if (expected.Count != actual.Count)
            differences.Add($"{where}: expected {expected.Count} tasks ({Codes(expected)}), read {actual.Count} ({Codes(actual)})");
        foreach (var (e, a) in expected.Zip(actual))
        {
            var task = $"task {e.Code}";
            Same(task, "code", e.Code, a.Code, differences);
            Same(task, "activity", e.Activity, a.Activity, differences);
            Same(task, "lead units", Join(e.LeadUnits), Join(a.LeadUnits), differences);
            Same(task, "coordinating units", Join(e.CoordinatingUnits), Join(a.CoordinatingUnits), differences);
            var (ed, ad) = (e.Deliverables ?? [], a.Deliverables ?? []);
            if (ed.Count != ad.Count)
                differences.Add($"{task}: expected {ed.Count} deliverables ({string.Join(" | ", ed.Select(d => d.Product))}), read {ad.Count} ({string.Join(" | ", ad.Select(d => d.Product))})");
            foreach (var (i, (edd, add)) in ed.Zip(ad).Index())
            {
                Same($"{task} deliverable {i + 1}", "product", edd.Product, add.Product, differences);
                Same($"{task} deliverable {i + 1}", "deadline", edd.Deadline, add.Deadline, differences);
            }
            CompareTasks(task, e.Subtasks ?? [], a.Subtasks ?? [], differences);
        }
    }

    private static void Same(string where, string field, string? expected, string? actual, List<string> differences)
    {
        if (Normal(expected) != Normal(actual))
            differences.Add($"{where} {field}: expected \"{Normal(expected)}\", read \"{Normal(actual)}\"");
    }

    public static string Normal(string? text) => Spaces().Replace((text ?? "").Normalize(NormalizationForm.FormC), " ").Trim();

    private static string Join(List<string>? units) => string.Join("; ", units ?? []);

    private static string Codes(List<TaskDto> tasks) => string.Join(", ", tasks.Select(t => t.Code));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
