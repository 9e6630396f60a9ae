using System.Text.Json;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.History;
using PlanTracker.Core.Progress;
using PlanTracker.Core.States;
using PlanTracker.Core.Time;

namespace PlanTracker.Core.PeriodicReports;

/// <summary>
/// The result texts of work items as they stood at a report's cut-off, so that a text written later does not reach an
/// earlier report: the last progress record of the history saved on or before the cut-off day (Vietnam time) gives it.
/// Records written before they named their unit and period cannot say whose text they hold; for those the current text
/// counts when it was saved by the cut-off, and is left out otherwise.
/// </summary>
public sealed class ResultsAtCutOff
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    private readonly Dictionary<(int DeliverableId, int UnitId, string Period), string?> fromHistory;
    private readonly Dictionary<(int DeliverableId, int UnitId, string Period), DeliverableProgress> quarters;
    private readonly DateTime endUtc;
    private readonly int quartersCovered;

    private ResultsAtCutOff(Dictionary<(int, int, string), string?> fromHistory, Dictionary<(int, int, string), DeliverableProgress> quarters,
        DateTime endUtc, int quartersCovered) =>
        (this.fromHistory, this.quarters, this.endUtc, this.quartersCovered) = (fromHistory, quarters, endUtc, quartersCovered);

    /// <summary>Reads the progress history of the items' deliverables up to the cut-off in one query, and the quarters of their ongoing ones.</summary>
    public static async Task<ResultsAtCutOff> LoadAsync(PlanTrackerDbContext db, DateOnly cutOff, List<WorkItem> items, CancellationToken ct = default)
    {
        var endUtc = TimeZoneInfo.ConvertTimeToUtc(cutOff.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamClock.Zone);
        var ids = items.Select(i => i.DeliverableId).Distinct().ToArray();
        var entity = ChangeKind.ProgressUpdated.EntityType; // claims, acceptances and returns carry the same snapshot
        var records = await db.ChangeRecords.AsNoTracking()
            .Where(c => c.EntityType == entity && EF.Parameter(ids).Contains(c.EntityId) && c.AtUtc < endUtc && c.AfterJson != null)
            .OrderBy(c => c.AtUtc).ThenBy(c => c.Id)
            .Select(c => new { c.EntityId, c.AfterJson })
            .ToListAsync(ct);
        var fromHistory = new Dictionary<(int, int, string), string?>();
        foreach (var r in records)
            if (Read(r.AfterJson!) is var (unit, period, text)) fromHistory[(r.EntityId, unit, period)] = text;

        var ongoing = items.Where(i => i.Kind == DeadlineKind.Ongoing).Select(i => i.DeliverableId).Distinct().ToArray();
        var quarters = ongoing.Length == 0 ? [] : await db.Progress.AsNoTracking()
            .Where(p => EF.Parameter(ongoing).Contains(p.DeliverableId))
            .ToDictionaryAsync(p => (p.DeliverableId, p.UnitId, p.Period), ct);
        return new ResultsAtCutOff(fromHistory, quarters, endUtc, Math.Min((cutOff.Month + 2) / 3, Roman.Length));
    }

    /// <summary>
    /// The item's result at the cut-off; for an ongoing item, the result of each quarter the report covers, one line
    /// each, labelled ("Quý III: ..."); null when there is none.
    /// </summary>
    public string? Of(WorkItem item)
    {
        if (item.Kind != DeadlineKind.Ongoing) return Text(item.DeliverableId, item.UnitId, item.Period, item.Progress);
        var lines = Periods.Quarters.Take(quartersCovered)
            .Select((q, n) => (Label: $"Quý {Roman[n]}", Text: Text(item.DeliverableId, item.UnitId, q, quarters.GetValueOrDefault((item.DeliverableId, item.UnitId, q)))))
            .Where(l => !string.IsNullOrEmpty(l.Text))
            .Select(l => $"{l.Label}: {l.Text}")
            .ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    private string? Text(int deliverableId, int unitId, string period, DeliverableProgress? current) =>
        fromHistory.TryGetValue((deliverableId, unitId, period), out var text) ? text
        : current is not null && current.UpdatedAtUtc < endUtc ? current.ResultText
        : null;

    /// <summary>The unit, period and result text of a progress snapshot; null when it does not name its unit and period.</summary>
    private static (int Unit, string Period, string? Text)? Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("UnitId", out var unit) || unit.ValueKind != JsonValueKind.Number
            || !root.TryGetProperty("Period", out var period) || period.ValueKind != JsonValueKind.String)
            return null;
        var text = root.TryGetProperty("ResultText", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return (unit.GetInt32(), period.GetString()!, text);
    }
}
