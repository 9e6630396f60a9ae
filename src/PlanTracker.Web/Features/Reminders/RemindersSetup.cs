using Hangfire;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Reminders;

namespace PlanTracker.Web.Features.Reminders;

public static class RemindersSetup
{
    public static IServiceCollection AddPlanTrackerReminders(this IServiceCollection services)
    {
        // Bound when first used, so that settings given by a test host or the environment apply.
        services.AddOptions<MailSettings>().BindConfiguration("Mail");
        services.AddOptions<ReminderRules>().BindConfiguration("Reminders");
        services.AddOptions<ReminderJobSettings>().BindConfiguration("Reminders");
        services.AddSingleton<MailTransportFactory>();
        services.AddSingleton<MailStatus>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<ReminderRunner>();
        services.AddScoped<ReminderJobs>();
        services.AddScoped<Reports.ReportSubmissions>();

        // Registered before AddHangfire, which then keeps it instead of the static JobStorage.Current.
        services.AddSingleton(sp => HangfireStorage.Create(sp.GetRequiredService<IConfiguration>()));
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHostedService<HangfireServerHost>();
        return services;
    }

    public static WebApplication UsePlanTrackerReminders(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = [new AdminOnlyDashboardFilter()],
                AppPath = "/admin/reminders",
                DashboardTitle = "PlanTracker: lịch chạy tự động",
            })
            .RequireAuthorization(Roles.Admin);
        return app;
    }
}
