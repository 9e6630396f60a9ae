using Microsoft.Extensions.DependencyInjection.Extensions;
using PlanTracker.Core.Monitoring;

namespace PlanTracker.Web.Features.Reports;

public static class MonitoringSetup
{
    public static IServiceCollection AddPlanTrackerMonitoring(this IServiceCollection services)
    {
        // The report-submission feature registers its own source; until then nobody has submitted.
        services.AddScoped<IReportSubmissionSource, RecordedReportSubmissions>();
        services.AddScoped<MonitoringReports>();
        services.AddMemoryCache();
        services.AddScoped<Dashboard.OverviewCache>();
        return services;
    }
}
