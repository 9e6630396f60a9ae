using Microsoft.Extensions.Options;
using PlanTracker.Core.Monitoring;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.States;

namespace PlanTracker.Web.Features.ParIndex;

/// <summary>One unit's periodic reports (PAR criterion 1.2) due by the as-of date: sent on time, late, or still missing.</summary>
public sealed record ReportRow(int UnitId, string Name, int OnTime, int Late, int Missing)
{
    public int Due => OnTime + Late + Missing;
    public decimal? Rate => Due == 0 ? null : (decimal)OnTime / Due;
}

/// <summary>One lead unit's work items as criterion 1.6 counts them (<see cref="CountedWorkItem.ParStateOn"/>).</summary>
public sealed record TaskRow(int UnitId, string Name, StateCounts Counts);

/// <summary>What the PAR Index page and its workbook show for a plan on a day.</summary>
public sealed record ParIndexView(Plan Plan, DateOnly AsOf, List<ReportRow> Reports, List<TaskRow> Tasks,
    ParProjection? ReportPoints, ParProjection? TaskPoints)
{
    public int ReportsDue => Reports.Sum(r => r.Due);
    public int ReportsOnTime => Reports.Sum(r => r.OnTime);
    public decimal? ReportRate => ReportsDue == 0 ? null : (decimal)ReportsOnTime / ReportsDue;
    public StateCounts TaskTotals { get; init; } = new();
}

/// <summary>
/// Builds the PAR Index view: reports through <see cref="ReportObligations"/> (the /reports page's rule), items through
/// <see cref="CountedWorkItems"/> (the dashboard's), each unit ranked worst first, the city's points by the configured bands.
/// </summary>
public sealed class ParIndexReport(PlanTrackerDbContext db, ReportSchedule schedule, IOptionsSnapshot<ParIndexOptions> options)
{
    private static readonly StringComparer ByName = StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false);

    public async Task<ParIndexView> BuildAsync(Plan plan, DateOnly asOf, CancellationToken ct = default)
    {
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        string Name(int id) => names.GetValueOrDefault(id, "?");

        // Q1, H1, Q3 and Y: the periodic reports; the annual unit plan is a plan, not a report on results.
        var obligations = (await ReportObligations.LoadAsync(db, schedule, asOf, plan.Id, ct: ct)).Where(o => o.Period.IsPeriodic).ToList();
        var reports = obligations.GroupBy(o => o.UnitId)
            .Select(g => new ReportRow(g.Key, Name(g.Key), g.Count(o => o.State == ReportState.OnTime), g.Count(o => o.State == ReportState.Late),
                g.Count(o => o.State == ReportState.Missing)))
            .OrderBy(r => r.Rate ?? 2).ThenByDescending(r => r.Missing).ThenBy(r => r.Name, ByName).ToList();

        var items = await CountedWorkItems.LoadAsync(db, plan.Id, ct: ct);
        var tasks = items.GroupBy(i => i.UnitId)
            .Select(g => new TaskRow(g.Key, Name(g.Key), StateCounts.Of(g.Select(i => i.ParStateOn(asOf)))))
            .OrderBy(r => r.Counts.OnTimeRate ?? 2).ThenByDescending(r => r.Counts.Overdue).ThenBy(r => r.Name, ByName).ToList();
        var totals = StateCounts.Of(items.Select(i => i.ParStateOn(asOf)));

        var settings = options.Value;
        var reportsDue = reports.Sum(r => r.Due);
        decimal? reportRate = reportsDue == 0 ? null : (decimal)reports.Sum(r => r.OnTime) / reportsDue;
        return new ParIndexView(plan, asOf, reports, tasks,
            settings.Find("1.2") is { } c12 ? ParScoring.Project(c12, reportRate) : null,
            settings.Find("1.6") is { } c16 ? ParScoring.Project(c16, totals.OnTimeRate) : null)
        {
            TaskTotals = totals,
        };
    }
}

/// <summary>Fails start-up, with every problem named, when the "ParIndex" settings cannot score.</summary>
public sealed class ParIndexOptionsValidation : IValidateOptions<ParIndexOptions>
{
    public ValidateOptionsResult Validate(string? name, ParIndexOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}

/// <summary>
/// The "ParIndex" settings, or, when the deployer's appsettings.json has no such section (one from a release before
/// the PAR Index view), the rules this release shipped: the section of the appsettings.json built into the app, so
/// the shipped rules are written in one place. A section that is there is used as it is, and refused if invalid.
/// </summary>
public static class ParIndexSetup
{
    private const string ShippedSettings = "PlanTracker.shipped-appsettings.json";

    private static readonly Lazy<IConfigurationSection> Shipped = new(() =>
    {
        using var json = typeof(ParIndexSetup).Assembly.GetManifestResourceStream(ShippedSettings)
            ?? throw new InvalidOperationException($"The resource {ShippedSettings} is missing from the build.");
        return new ConfigurationBuilder().AddJsonStream(json).Build().GetSection(ParIndexOptions.Section);
    });

    public static IServiceCollection AddParIndex(this IServiceCollection services)
    {
        services.AddOptions<ParIndexOptions>().Configure<IConfiguration>((options, config) =>
        {
            var section = config.GetSection(ParIndexOptions.Section);
            (section.Exists() ? section : Shipped.Value).Bind(options);
        }).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ParIndexOptions>, ParIndexOptionsValidation>();
        services.AddScoped<ParIndexReport>();
        return services;
    }
}
