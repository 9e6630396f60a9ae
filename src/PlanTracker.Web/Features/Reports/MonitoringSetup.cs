using Microsoft.Extensions.DependencyInjection.Extensions;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Monitoring;

namespace PlanTracker.Web.Features.Reports;

public static class MonitoringSetup
{
    /// <summary>Who reads the dashboard and the compiled report: Sở Nội vụ and the city leadership.</summary>
    public const string ReportReaders = Roles.Admin + "," + Roles.Viewer;

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
