using PlanTracker.Core.Monitoring;
using PlanTracker.Core.States;

namespace PlanTracker.Core.PeriodicReports;

/// <summary>A work item as reports list it: with its lead unit's name, completion date and result text.</summary>
public sealed record ReportItem(WorkItem Item, string UnitName)
{
    public DeliverableState State => Item.State;
    public DateOnly? CompletedOn => Item.State.IsDone() ? Item.Progress?.CompletedOn : null;
    /// <summary>The current text, or in a periodic report the text as it stood at the cut-off (<see cref="ResultsAtCutOff"/>).</summary>
    public string? ResultText { get; init; } = Item.Progress?.ResultText;
}

public sealed record ReportSection(int Number, string Title, StateCounts Counts, List<ReportItem> Items)
{
    public IEnumerable<ReportItem> InState(params DeliverableState[] states) => Items.Where(i => states.Contains(i.State));
}

public sealed record IndicatorRow(int IndicatorId, string ObjectiveCode, string Text, decimal? Target, string? Unit,
    string? ResponsibleUnitName, IndicatorValue? Actual, IReadOnlyDictionary<string, decimal> ByPeriod)
{
    /// <summary>True when the actual value reaches the target; null without a value or a target.</summary>
    public bool? Met => Actual is { } a && Target is { } t ? a.Value >= t : null;
}

/// <summary>The parts of a unit's submitted report that only the unit knows, with its name, for the city report to quote.</summary>
public sealed record UnitText(string UnitName, string? Highlights, string? Shortcomings, string? Difficulties, string? NextSteps, string? Proposals);

/// <summary>A unit that owes the report, with what it sent (if anything) and the report's state as of the compiling day.</summary>
public sealed record SubmissionRow(int UnitId, string UnitName, ReportState State, ReportSubmission? Submission)
{
    public DateOnly? SubmittedOn => Submission?.SubmittedOn;
    public string? DocumentNumber => Submission?.DocumentNumber;
    public DateOnly? DocumentDate => Submission?.DocumentDate;
}

/// <summary>
/// The compiled periodic report of a plan: the units' report submissions, the state of every work item as of the
/// period's cut-off, per section what was done, what is late and the units' result texts, and the indicators.
/// </summary>
public sealed class PeriodicReport
{
    public required Plan Plan { get; init; }
    public required ReportingPeriod Period { get; init; }
    public required DateOnly CompiledOn { get; init; }
    public required List<SubmissionRow> Submissions { get; init; }
    public required StateCounts Totals { get; init; }
    /// <summary>The totals against the plan's own deadlines, extensions ignored ("theo hạn gốc").</summary>
    public required StateCounts OriginalTotals { get; init; }
    public required List<ReportSection> Sections { get; init; }
    public required List<IndicatorRow> Indicators { get; init; }
    /// <summary>What the units wrote in the reports they submitted in the app for this period, by unit name.</summary>
    public List<UnitText> UnitTexts { get; init; } = [];

    /// <summary>Units whose report is late or still missing, as of the compiling day.</summary>
    public IEnumerable<SubmissionRow> LateOrMissing => Submissions.Where(s => s.State is ReportState.Late or ReportState.Missing);

    public DateOnly SubmissionDue => Period.Due;

    public int SubmissionCount(ReportState state) => Submissions.Count(s => s.State == state);

    /// <summary>Items within a section: late first, then in progress, done, ongoing; by task code within a state.</summary>
    private static readonly DeliverableState[] ItemOrder =
        [DeliverableState.Overdue, DeliverableState.DoneLate, DeliverableState.AwaitingVerification, DeliverableState.InProgress, DeliverableState.NeedsDate, DeliverableState.DoneOnTime, DeliverableState.Ongoing];

    /// <summary>The report of Q1, H1, Q3 or Y; the submissions are classified as of the compiling day.</summary>
    public static async Task<PeriodicReport> BuildAsync(PlanTrackerDbContext db, ReportOptions options,
        Plan plan, ReportingPeriod period, DateOnly compiledOn, CancellationToken ct = default)
    {
        var cutOff = period.CutOff ?? throw new ArgumentException($"'{period.Key}' has no data cut-off.", nameof(period));
        var items = await WorkItems.LoadAsync(db, cutOff, plan.Id, ct: ct);
        var submissions = await SubmissionRowsAsync(db, options, plan.Id, period, compiledOn, ct);
        var sent = submissions.Where(s => s.Submission is not null).Select(s => s.Submission!.Id).ToList();
        return new PeriodicReport
        {
            Plan = plan,
            Period = period,
            CompiledOn = compiledOn,
            Submissions = submissions,
            Totals = StateCounts.Of(items.Select(i => i.State)),
            OriginalTotals = StateCounts.Of(items.Select(i => i.OriginalState)),
            Sections = await SectionsAsync(db, plan.Id, cutOff, items, ct),
            Indicators = await IndicatorRowsAsync(db, plan.Id, period, ct),
            UnitTexts = (await db.UnitReports.AsNoTracking()
                    .Where(u => u.PlanId == plan.Id && u.PeriodKey == period.Key && u.SubmissionId != null && sent.Contains(u.SubmissionId.Value))
                    .Select(u => new { u.UnitId, u.Highlights, u.Shortcomings, u.Difficulties, u.NextSteps, u.Proposals }).ToListAsync(ct))
                .Select(u => new UnitText(submissions.First(s => s.UnitId == u.UnitId).UnitName, u.Highlights, u.Shortcomings, u.Difficulties, u.NextSteps, u.Proposals))
                .OrderBy(u => u.UnitName, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
                .ToList(),
        };
    }

    /// <summary>The plan's sections, each with its items in report order (late first), their counts and their results as of the cut-off.</summary>
    public static async Task<List<ReportSection>> SectionsAsync(PlanTrackerDbContext db, int planId, DateOnly cutOff, List<WorkItem> items,
        CancellationToken ct = default)
    {
        var results = await ResultsAtCutOff.LoadAsync(db, cutOff, items, ct);
        var unitIds = items.Select(i => i.UnitId).Distinct().ToList();
        var unitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var sections = await db.Sections.AsNoTracking()
            .Where(s => s.PlanId == planId && !s.IsRetired).OrderBy(s => s.SortOrder)
            .Select(s => new { s.Number, s.Title }).ToListAsync(ct);
        var bySection = items.ToLookup(i => i.SectionNumber);
        var rank = TaskCodeOrder.Ranks(items.Select(i => i.TaskCode));
        return sections.Select(s =>
        {
            var inSection = bySection[s.Number].ToList();
            return new ReportSection(s.Number, s.Title, StateCounts.Of(inSection.Select(i => i.State)),
                inSection.OrderBy(i => Array.IndexOf(ItemOrder, i.State)).ThenBy(i => rank(i.TaskCode))
                    .ThenBy(i => i.Due).ThenBy(i => unitNames.GetValueOrDefault(i.UnitId), StringComparer.Ordinal)
                    .Select(i => new ReportItem(i, unitNames.GetValueOrDefault(i.UnitId, "?")) { ResultText = results.Of(i) }).ToList());
        }).ToList();
    }

    private static async Task<List<SubmissionRow>> SubmissionRowsAsync(PlanTrackerDbContext db, ReportOptions options, int planId,
        ReportingPeriod period, DateOnly asOf, CancellationToken ct)
    {
        var obligations = await ReportObligations.ForPeriodAsync(db, options, planId, period, asOf, ct);
        var unitIds = obligations.Select(o => o.UnitId).ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return obligations.Select(o => new SubmissionRow(o.UnitId, names[o.UnitId], o.State, o.Submission))
            .OrderBy(r => r.UnitName, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
            .ToList();
    }

    /// <summary>The plan's indicators with the value entered for the period and every value of the year.</summary>
    public static async Task<List<IndicatorRow>> IndicatorRowsAsync(PlanTrackerDbContext db, int planId, ReportingPeriod period, CancellationToken ct = default)
    {
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.Objective!.PlanId == planId)
            .OrderBy(i => i.Objective!.SortOrder).ThenBy(i => i.SortOrder)
            .Select(i => new { i.Id, i.Objective!.Code, i.Text, i.Target, i.Unit, Responsible = i.ResponsibleUnit!.Name })
            .ToListAsync(ct);
        var prefix = period.Year + "-";
        var values = (await db.IndicatorValues.AsNoTracking()
                .Where(v => v.Indicator!.Objective!.PlanId == planId && v.Period.StartsWith(prefix)).ToListAsync(ct))
            .ToLookup(v => v.IndicatorId);
        return indicators.Select(i => new IndicatorRow(i.Id, i.Code, i.Text, i.Target, i.Unit, i.Responsible,
                values[i.Id].FirstOrDefault(v => v.Period == period.Key),
                values[i.Id].ToDictionary(v => v.Period, v => v.Value)))
            .ToList();
    }
}
