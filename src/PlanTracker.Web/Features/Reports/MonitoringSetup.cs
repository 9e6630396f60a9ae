using Microsoft.Extensions.Options;
using PlanTracker.Core.PeriodicReports;

namespace PlanTracker.Web.Features.Reports;

public static class MonitoringSetup
{
    public static IServiceCollection AddPlanTrackerMonitoring(this IServiceCollection services)
    {
        services.AddPeriodicReports();
        services.AddScoped<MonitoringReports>();
        services.AddScoped<ReportSubmissions>();
        services.AddMemoryCache(cache => cache.SizeLimit = Dashboard.OverviewCache.SizeLimit);
        services.AddScoped<Dashboard.OverviewCache>();
        services.AddScoped<MyTasks.MyTasksCache>();
        services.AddSingleton<Dashboard.OverviewWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<Dashboard.OverviewWarmUp>());
        return services;
    }

    /// <summary>The "Reports" and "Calendar" settings, and the schedule and calendar built from them.</summary>
    public static IServiceCollection AddPeriodicReports(this IServiceCollection services)
    {
        // Bound when first used, so that settings given by a test host or the environment apply.
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section);
        services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.Section);
        services.AddSingleton(sp => new WorkingCalendar(sp.GetRequiredService<IOptions<CalendarOptions>>().Value.Holidays));
        services.AddSingleton(sp => new ReportSchedule(sp.GetRequiredService<IOptions<ReportOptions>>().Value, sp.GetRequiredService<WorkingCalendar>()));
        return services;
    }
}
