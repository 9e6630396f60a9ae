using System.Globalization;
using PlanTracker.Core.Time;

namespace PlanTracker.Web.Infrastructure;

public static class ClockSetup
{
    public static IServiceCollection AddPlanTrackerClock(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IClock>(sp =>
        {
            var text = sp.GetRequiredService<IConfiguration>()["Clock:Today"];
            if (string.IsNullOrWhiteSpace(text))
                return new VietnamClock(sp.GetRequiredService<TimeProvider>());
            if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var today))
                throw new InvalidOperationException($"Clock:Today '{text}' is not a date written yyyy-MM-dd (e.g. 2019-10-01).");
            return new VietnamClock(sp.GetRequiredService<TimeProvider>(), today);
        });
        return services;
    }
}
