using System.Globalization;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>An indicator of an objective as typed in its form, with its yearly steps (blank rows are ignored).</summary>
public sealed class IndicatorInput : IVersionedForm
{
    /// <summary>Blank step rows offered below the existing ones.</summary>
    public const int BlankSteps = 3;

    public string? Text { get; set; }
    public string? Target { get; set; }
    public string? Unit { get; set; }
    public string? Level { get; set; }
    public string? TargetYear { get; set; }
    public int? ResponsibleUnitId { get; set; }
    public List<StepInput> Steps { get; set; } = [];
    /// <summary>The indicator's Version when the form was opened.</summary>
    public int Version { get; set; }

    public sealed class StepInput
    {
        public string? Year { get; set; }
        public string? Target { get; set; }
        public string? Text { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Year) && string.IsNullOrWhiteSpace(Target) && string.IsNullOrWhiteSpace(Text);
    }

    public sealed record Step(int Year, decimal? Target, string? Text);

    public sealed record Valid(string Text, decimal? Target, string? Unit, string? Level, int? TargetYear, int? ResponsibleUnitId, List<Step> Steps)
    {
        public string StepsText => StatementEdits.Steps(Steps.Select(s => new IndicatorStep { Year = s.Year, Target = s.Target, Text = s.Text }));
    }

    public static IndicatorInput Of(Indicator i) => new()
    {
        Text = i.Text, Target = StatementEdits.Number(i.Target), Unit = i.Unit, Level = i.Level,
        TargetYear = i.TargetYear?.ToString(CultureInfo.InvariantCulture), ResponsibleUnitId = i.ResponsibleUnitId, Version = i.Version,
        Steps = [.. i.Steps.OrderBy(s => s.Year).Select(s => new StepInput
        {
            Year = s.Year.ToString(CultureInfo.InvariantCulture), Target = StatementEdits.Number(s.Target), Text = s.Text,
        })],
    };

    /// <summary>The steps typed, then blank rows to add more.</summary>
    public IEnumerable<StepInput> StepRows => Steps.Where(s => !s.IsBlank).Concat(Enumerable.Range(0, BlankSteps).Select(_ => new StepInput()));

    /// <summary>Checks the fields; a step's year must fall in the plan's period, once each.</summary>
    public async Task<Valid?> CheckAsync(PlanTrackerDbContext db, Plan plan, Problems problems)
    {
        var text = problems.Required(Text, 2000, "nội dung chỉ tiêu");
        var target = Figure(Target, "chỉ tiêu", problems);
        var unit = problems.Optional(Unit, 32, "đơn vị tính");
        var level = problems.Optional(Level, 100, "cấp áp dụng");
        int? targetYear = string.IsNullOrWhiteSpace(TargetYear) ? null : problems.Number(TargetYear, 1990, 2200, "năm đạt chỉ tiêu");
        if (ResponsibleUnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId)) problems.Add("Đơn vị báo cáo số liệu không có trong danh bạ.");

        var steps = new List<Step>();
        var period = plan.Year == plan.EndYear ? $"năm {plan.Year}" : $"{plan.Year}–{plan.EndYear}";
        foreach (var row in Steps.Where(s => !s.IsBlank))
        {
            var year = problems.Number(row.Year, 1990, 2200, "năm của lộ trình");
            var stepTarget = Figure(row.Target, $"chỉ tiêu năm {row.Year}", problems);
            var stepText = problems.Optional(row.Text, 300, $"ghi chú năm {row.Year}");
            if (year is not { } y) continue;
            if (y < plan.Year || y > plan.EndYear)
                problems.Add($"Năm {y} của lộ trình nằm ngoài kỳ kế hoạch ({period}).");
            else if (steps.Any(s => s.Year == y))
                problems.Add($"Năm {y} có hai dòng lộ trình; mỗi năm chỉ một dòng.");
            else if (stepTarget is null && stepText is null)
                problems.Add($"Năm {y} của lộ trình: nhập chỉ tiêu hoặc nội dung.");
            else
                steps.Add(new(y, stepTarget, stepText));
        }
        return problems.Any ? null : new(text!, target, unit, level, targetYear, ResponsibleUnitId, [.. steps.OrderBy(s => s.Year)]);
    }

    /// <summary>The indicator as its history records keep it.</summary>
    public static object Snapshot(Indicator i) => new
    {
        i.Text, i.Target, i.Unit, i.Level, i.TargetYear, i.ResponsibleUnitId, Steps = StatementEdits.Steps(i.Steps), i.SortOrder,
    };

    private static decimal? Figure(string? text, string label, Problems problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Indicators.IndexModel.TryParseValue(text, out var value)) return value;
        problems.Add($"{char.ToUpperInvariant(label[0])}{label[1..]} phải là một số từ 0 đến 1.000.000.000 (ví dụ 35 hoặc 35,5).");
        return null;
    }
}
