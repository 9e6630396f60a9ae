using System.Text.Json;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.States;

namespace PlanTracker.Web.Features.Dashboard;

/// <summary>
/// What a chart on the monitoring pages draws, serialised into the canvas's data-chart attribute and drawn by
/// wwwroot/js/charts.js with the Chart.js file served from wwwroot/lib/chartjs. Every bar links to its list.
/// </summary>
public sealed record ChartSpec(string[] Labels, List<ChartSeries> Datasets, bool Stacked, bool Horizontal)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>One series per state, one bar per group, each bar linked.</summary>
    public static ChartSpec ByState<T>(IReadOnlyList<T> groups, Func<T, string> label, Func<T, StateCounts> counts,
        Func<T, DeliverableState, string> link, DeliverableState[] states, bool stacked, bool horizontal = false) =>
        new([.. groups.Select(label)],
            states.Select(s => new ChartSeries(s.Label(), Colors[s], [.. groups.Select(g => counts(g)[s])], [.. groups.Select(g => link(g, s))])).ToList(),
            stacked, horizontal);

    /// <summary>The page's state colours (site.css .state-*), strong enough for a projector.</summary>
    public static readonly Dictionary<DeliverableState, string> Colors = new()
    {
        [DeliverableState.DoneOnTime] = "#2e7d32",
        [DeliverableState.DoneLate] = "#e0a800",
        [DeliverableState.AwaitingVerification] = "#00838f",
        [DeliverableState.InProgress] = "#1e6fd9",
        [DeliverableState.Overdue] = "#c62828",
        [DeliverableState.Ongoing] = "#7b4bb7",
        [DeliverableState.NeedsDate] = "#8a8a8a",
    };
}

public sealed record ChartSeries(string Label, string Color, int[] Data, string[] Links);
