using System.Globalization;

namespace PlanTracker.Core.Import;

/// <summary>Checks a plan file before anything is written; every problem names its JSON path.</summary>
internal static class PlanFileValidator
{
    public static List<string> Validate(PlanFile file)
    {
        var problems = new List<string>();
        if (file.Plan is not { } plan)
            problems.Add("$.plan: missing");
        else
        {
            Require(plan.Number, "$.plan.number", problems);
            Require(plan.Title, "$.plan.title", problems);
            if (plan.Year is not (>= 1990 and <= 2200))
                problems.Add("$.plan.year: missing or not a year between 1990 and 2200");
            if (plan.IssuedOn is { } issued && !DateOnly.TryParseExact(issued, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                problems.Add($"$.plan.issuedOn: '{issued}' is not a date written yyyy-MM-dd");
        }

        ValidateObjectives(file.Objectives ?? [], problems);

        if (file.Sections is not { Count: > 0 } sections)
            problems.Add("$.sections: missing or empty; a plan has at least one section");
        else
            ValidateSections(sections, problems);

        for (var i = 0; i < (file.Duties?.Count ?? 0); i++)
        {
            var duty = file.Duties![i];
            Require(duty.Code, $"$.duties[{i}].code", problems);
            Require(duty.Text, $"$.duties[{i}].text", problems);
        }
        Unique(file.Duties?.Select(d => d.Code) ?? [], "$.duties", "code", problems);
        return problems;
    }

    private static void ValidateObjectives(List<ObjectiveDto> objectives, List<string> problems)
    {
        for (var i = 0; i < objectives.Count; i++)
        {
            var path = $"$.objectives[{i}]";
            Require(objectives[i].Code, path + ".code", problems);
            Require(objectives[i].Text, path + ".text", problems);
            var indicators = objectives[i].Indicators ?? [];
            for (var j = 0; j < indicators.Count; j++)
                Require(indicators[j].Text, $"{path}.indicators[{j}].text", problems);
        }
        Unique(objectives.Select(o => o.Code), "$.objectives", "code", problems);
    }

    private static void ValidateSections(List<SectionDto> sections, List<string> problems)
    {
        for (var i = 0; i < sections.Count; i++)
        {
            var path = $"$.sections[{i}]";
            if (sections[i].Number is not (> 0))
                problems.Add($"{path}.number: missing or not a positive number");
            Require(sections[i].Title, path + ".title", problems);
            ValidateTasks(sections[i].Tasks ?? [], path + ".tasks", problems);
        }
        Unique(sections.Select(s => s.Number?.ToString(CultureInfo.InvariantCulture)), "$.sections", "number", problems);
        Unique(sections.SelectMany(s => AllTasks(s.Tasks ?? [])).Select(t => t.Code), "$.sections[*].tasks", "code", problems);
    }

    private static void ValidateTasks(List<TaskDto> tasks, string path, List<string> problems)
    {
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            var at = $"{path}[{i}]";
            Require(task.Code, at + ".code", problems);
            Require(task.Activity, at + ".activity", problems);
            NoBlankNames(task.LeadUnits, at + ".leadUnits", problems);
            NoBlankNames(task.CoordinatingUnits, at + ".coordinatingUnits", problems);
            var deliverables = task.Deliverables ?? [];
            for (var j = 0; j < deliverables.Count; j++)
            {
                var d = deliverables[j];
                if (string.IsNullOrWhiteSpace(d.Product) && string.IsNullOrWhiteSpace(d.Note))
                    problems.Add($"{at}.deliverables[{j}]: no product and no note saying why the product cell is empty");
                if (string.IsNullOrWhiteSpace(d.Deadline) && string.IsNullOrWhiteSpace(d.Note))
                    problems.Add($"{at}.deliverables[{j}]: no deadline and no note saying why the deadline cell is empty");
            }
            ValidateTasks(task.Subtasks ?? [], at + ".subtasks", problems);
        }
    }

    private static IEnumerable<TaskDto> AllTasks(IEnumerable<TaskDto> tasks) =>
        tasks.SelectMany(t => AllTasks(t.Subtasks ?? []).Prepend(t));

    private static void Require(string? value, string path, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value)) problems.Add($"{path}: missing or empty");
    }

    private static void NoBlankNames(List<string>? names, string path, List<string> problems)
    {
        for (var i = 0; i < (names?.Count ?? 0); i++)
            if (string.IsNullOrWhiteSpace(names![i])) problems.Add($"{path}[{i}]: empty unit name");
    }

    private static void Unique(IEnumerable<string?> values, string path, string field, List<string> problems)
    {
        foreach (var dup in values.Where(v => !string.IsNullOrWhiteSpace(v)).GroupBy(v => v!.Trim()).Where(g => g.Count() > 1))
            problems.Add($"{path}: {field} '{dup.Key}' appears {dup.Count()} times");
    }
}
