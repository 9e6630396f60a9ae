using PlanTracker.Core.Plans;

namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>What the editors of a plan's objectives, indicators and section III duties share.</summary>
public static class StatementEdits
{
    /// <summary>Why the plan takes no edits, or null when it does. The one question these editors ask of the plan's lifecycle.</summary>
    public static string? ClosedRefusal(Plan plan) =>
        plan.Status == PlanStatus.Closed ? "Kế hoạch đã kết thúc, không thể chỉnh sửa." : null;

    public static string KindLabel(ObjectiveKind kind) => kind switch
    {
        ObjectiveKind.Viewpoint => "Quan điểm",
        ObjectiveKind.GeneralGoal => "Mục tiêu chung",
        ObjectiveKind.Solution => "Giải pháp",
        _ => "Mục tiêu",
    };

    /// <summary>The periods a section III duty can name, as stored and as shown.</summary>
    public static readonly (string Code, string Label)[] Periods =
        [("Q1", "Quý I"), ("H1", "6 tháng"), ("Q3", "Quý III"), ("Y", "Năm")];

    /// <summary>A figure as the plan prints it: 35, 35.5.</summary>
    public static string Number(decimal? value) =>
        value?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static string Steps(IEnumerable<IndicatorStep> steps) =>
        string.Join("; ", steps.OrderBy(s => s.Year).Select(s =>
            $"{s.Year}: {Number(s.Target)}{(s.Target is not null && s.Text is not null ? " " : "")}{s.Text}"));
}
