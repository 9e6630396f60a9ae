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
        services.AddHostedService<ScheduleCheckAtStart>();

        services.AddPlanTrackerHangfire();
        return services;
    }

    public static WebApplication UsePlanTrackerReminders(this WebApplication app)
    {
        app.MapPlanTrackerHangfireDashboard();
        return app;
    }
}
