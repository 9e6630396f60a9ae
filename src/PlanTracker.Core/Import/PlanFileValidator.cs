using System.Globalization;

namespace PlanTracker.Core.Import;

/// <summary>Checks a plan file before anything is written; every problem names its JSON path.</summary>
internal static class PlanFileValidator
{
    /// <summary>The kinds a file may declare; a unit's own plan is made in the app, never imported.</summary>
    private static readonly Dictionary<string, PlanKind> PlanKinds = new(StringComparer.Ordinal)
    {
        ["cityAnnual"] = PlanKind.CityAnnual, ["programme"] = PlanKind.Programme,
    };

    private static readonly Dictionary<string, ObjectiveKind> ObjectiveKinds = new(StringComparer.Ordinal)
    {
        ["objective"] = ObjectiveKind.Objective, ["viewpoint"] = ObjectiveKind.Viewpoint,
        ["generalGoal"] = ObjectiveKind.GeneralGoal, ["solution"] = ObjectiveKind.Solution,
    };

    /// <summary>The plan's kind; call after <see cref="Validate"/> found no problem.</summary>
    public static PlanKind KindOf(PlanHeaderDto plan) => plan.Kind is { } k ? PlanKinds[k] : PlanKind.CityAnnual;

    public static ObjectiveKind KindOf(ObjectiveDto objective) => objective.Kind is { } k ? ObjectiveKinds[k] : ObjectiveKind.Objective;

    public static List<string> Validate(PlanFile file)
    {
        var problems = new List<string>();
        (int First, int Last)? period = null;
        if (file.Plan is not { } plan)
            problems.Add("$.plan: missing");
        else
        {
            Require(plan.Number, "$.plan.number", problems);
            Require(plan.Title, "$.plan.title", problems);
            var kindKnown = plan.Kind is null || PlanKinds.ContainsKey(plan.Kind);
            if (!kindKnown)
                problems.Add($"$.plan.kind: '{plan.Kind}' is not one of {string.Join(", ", PlanKinds.Keys)}");
            if (plan.Year is not (>= 1990 and <= 2200))
                problems.Add("$.plan.year: missing or not a year between 1990 and 2200");
            else if (plan.EndYear is { } end && (end < plan.Year || end > 2200))
                problems.Add($"$.plan.endYear: {end} is before the plan's year {plan.Year} or after 2200");
            else if (kindKnown && KindOf(plan) == PlanKind.CityAnnual && plan.EndYear is { } annualEnd && annualEnd != plan.Year)
                problems.Add($"$.plan.endYear: an annual plan covers one year; {annualEnd} is not its year {plan.Year} (a plan of several years is a \"programme\")");
            else
                period = (plan.Year.Value, plan.EndYear ?? plan.Year.Value);
            if (plan.IssuedOn is { } issued && !DateOnly.TryParseExact(issued, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                problems.Add($"$.plan.issuedOn: '{issued}' is not a date written yyyy-MM-dd");
        }

        ValidateObjectives(file.Objectives ?? [], period, problems);

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

    private static void ValidateObjectives(List<ObjectiveDto> objectives, (int First, int Last)? period, List<string> problems)
    {
        for (var i = 0; i < objectives.Count; i++)
        {
            var path = $"$.objectives[{i}]";
            Require(objectives[i].Code, path + ".code", problems);
            Require(objectives[i].Text, path + ".text", problems);
            if (objectives[i].Kind is { } kind && !ObjectiveKinds.ContainsKey(kind))
                problems.Add($"{path}.kind: '{kind}' is not one of {string.Join(", ", ObjectiveKinds.Keys)}");
            var indicators = objectives[i].Indicators ?? [];
            for (var j = 0; j < indicators.Count; j++)
                ValidateIndicator(indicators[j], $"{path}.indicators[{j}]", period, problems);
        }
        Unique(objectives.Select(o => o.Code), "$.objectives", "code", problems);
    }

    private static void ValidateIndicator(IndicatorDto indicator, string path, (int First, int Last)? period, List<string> problems)
    {
        Require(indicator.Text, path + ".text", problems);
        if (indicator.Level is { } level && string.IsNullOrWhiteSpace(level))
            problems.Add($"{path}.level: empty; leave it out when the text names no level");
        if (period is not var (first, last)) return;
        if (indicator.TargetYear is { } targetYear && (targetYear < first || targetYear > last))
            problems.Add($"{path}.targetYear: {targetYear} is outside the plan's period {first}-{last}");
        var steps = indicator.Steps ?? [];
        for (var k = 0; k < steps.Count; k++)
        {
            var at = $"{path}.steps[{k}]";
            if (steps[k].Year is not { } year)
                problems.Add($"{at}.year: missing");
            else if (year < first || year > last)
                problems.Add($"{at}.year: {year} is outside the plan's period {first}-{last}");
            if (steps[k].Target is null && string.IsNullOrWhiteSpace(steps[k].Text))
                problems.Add($"{at}: neither a target nor a text");
        }
        Unique(steps.Select(s => s.Year?.ToString(CultureInfo.InvariantCulture)), path + ".steps", "year", problems);
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
            var cites = task.Cites ?? [];
            for (var j = 0; j < cites.Count; j++)
            {
                Require(cites[j].Plan, $"{at}.cites[{j}].plan", problems);
                Require(cites[j].Code, $"{at}.cites[{j}].code", problems);
            }
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
