using System.Globalization;
using System.Text;
using PlanTracker.Core.States;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.Units;

namespace PlanTracker.Core.PeriodicReports;

/// <summary>
/// One unit's periodic report as it downloads and submits: its work items' states as of the period's cut-off, per
/// section, and the text it wrote (<see cref="UnitReport"/>, none yet when it has not started one).
/// </summary>
public sealed class UnitPeriodicReport
{
    public required Plan Plan { get; init; }
    public required ReportingPeriod Period { get; init; }
    public required Unit Unit { get; init; }
    public required StateCounts Totals { get; init; }
    public required List<ReportSection> Sections { get; init; }
    public UnitReport? Text { get; init; }
    public ReportSubmission? Submission { get; init; }

    public bool IsSubmitted => Submission is not null;

    public static async Task<UnitPeriodicReport> BuildAsync(PlanTrackerDbContext db, Plan plan, ReportingPeriod period, Unit unit, CancellationToken ct = default)
    {
        var cutOff = period.CutOff ?? throw new ArgumentException($"'{period.Key}' has no data cut-off.", nameof(period));
        var items = await WorkItems.LoadAsync(db, cutOff, plan.Id, unit.Id, ct: ct);
        var text = await db.UnitReports.AsNoTracking()
            .FirstOrDefaultAsync(r => r.PlanId == plan.Id && r.UnitId == unit.Id && r.PeriodKey == period.Key, ct);
        var submission = text?.SubmissionId is { } id
            ? await db.ReportSubmissions().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && !s.IsRemoved, ct)
            : null;
        return new UnitPeriodicReport
        {
            Plan = plan, Period = period, Unit = unit, Text = text, Submission = submission,
            Totals = StateCounts.Of(items.Select(i => i.State)),
            Sections = (await PeriodicReport.SectionsAsync(db, plan.Id, cutOff, items, ct)).Where(s => s.Items.Count > 0).ToList(),
        };
    }
}

/// <summary>How a unit's name reads in its letterhead and its document numbers.</summary>
public static class UnitLetterhead
{
    /// <summary>The name as a letterhead spells it: "UBND quận Ninh Kiều" becomes "Ủy ban nhân dân quận Ninh Kiều".</summary>
    public static string FullName(string name) =>
        name.StartsWith("UBND ", StringComparison.Ordinal) ? "Ủy ban nhân dân " + name[5..] : name;

    /// <summary>
    /// The abbreviation in "Số: .../BC-STP": the first letter of each word without its tone and vowel marks
    /// (Đ stays Đ), an all-capital word kept whole: "Sở Tư pháp" → "STP", "UBND quận Ninh Kiều" → "UBNDQNK".
    /// </summary>
    public static string Abbreviation(string name) => string.Concat(name
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Where(w => char.IsLetter(w[0]))
        .Select(w => w.Length > 1 && w.All(char.IsUpper) ? w : Base(char.ToUpper(w[0], CultureInfo.InvariantCulture)).ToString()));

    private static char Base(char c) => c == 'Đ' ? c : c.ToString().Normalize(NormalizationForm.FormD)[0];

    /// <summary>Who signs: a sở's director, a People's Committee's chairman, otherwise the head of the body.</summary>
    public static string SignerTitle(UnitKind kind) => kind switch
    {
        UnitKind.Department => "Giám đốc",
        UnitKind.District or UnitKind.Commune => "TM. Ủy ban nhân dân\nChủ tịch",
        _ => "Thủ trưởng cơ quan",
    };
}

/// <summary>The five parts of the Bộ Nội vụ outline a unit writes itself, in the outline's order, with their headings.</summary>
public static class UnitReportParts
{
    public static readonly (string Field, string Label)[] All =
    [
        (nameof(UnitReport.Highlights), "Kết quả nổi bật"),
        (nameof(UnitReport.Shortcomings), "Tồn tại và hạn chế"),
        (nameof(UnitReport.Difficulties), "Khó khăn, vướng mắc"),
        (nameof(UnitReport.NextSteps), "Phương hướng, nhiệm vụ kỳ tới"),
        (nameof(UnitReport.Proposals), "Kiến nghị, đề xuất"),
    ];

    public static string? Of(UnitReport? report, string field) => report is null ? null : field switch
    {
        nameof(UnitReport.Highlights) => report.Highlights,
        nameof(UnitReport.Shortcomings) => report.Shortcomings,
        nameof(UnitReport.Difficulties) => report.Difficulties,
        nameof(UnitReport.NextSteps) => report.NextSteps,
        nameof(UnitReport.Proposals) => report.Proposals,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
