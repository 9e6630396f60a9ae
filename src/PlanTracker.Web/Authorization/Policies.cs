using Microsoft.AspNetCore.Authorization;

namespace PlanTracker.Web.Authorization;

/// <summary>
/// Who may open which part of the application, by role alone. Decisions that depend on a resource (a task, a
/// unit, a report, an indicator) are the handlers' beside this file, asked with <see cref="Operations"/>.
/// </summary>
public static class Policies
{
    /// <summary>Sở Nội vụ's CCHC office: accounts, plan and unit editors, reminders, the Hangfire dashboard.</summary>
    public const string Admin = nameof(Admin);

    /// <summary>Sở Nội vụ and the city leadership: every unit's figures, the dashboard and the compiled reports.</summary>
    public const string AdminOrViewer = nameof(AdminOrViewer);

    /// <summary>Those who act in a unit's name (which unit is the handlers' question): record reports, update progress.</summary>
    public const string AdminOrUnitEditor = nameof(AdminOrUnitEditor);

    public static IServiceCollection AddPlanTrackerAuthorization(this IServiceCollection services)
    {
        // Every page and endpoint that names no policy needs a signed-in account.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(AdminOrViewer, p => p.RequireRole(Roles.Admin, Roles.Viewer))
            .AddPolicy(AdminOrUnitEditor, p => p.RequireRole(Roles.Admin, Roles.UnitEditor));
        // Scoped: the task handlers read assignments through the request's DbContext.
        services.AddScoped<IAuthorizationHandler, TaskHandler>();
        services.AddScoped<IAuthorizationHandler, ProgressHandler>();
        services.AddScoped<IAuthorizationHandler, PlanHandler>();
        services.AddSingleton<IAuthorizationHandler, UnitHandler>();
        services.AddScoped<IAuthorizationHandler, ReportSubmissionHandler>();
        services.AddScoped<IAuthorizationHandler, IndicatorHandler>();
        services.AddScoped<IAuthorizationHandler, UnitPlanStartHandler>();
        services.AddScoped<IAuthorizationHandler, UnitPlanHandler>();
        return services;
    }

    /// <summary>Whether the user passes a named policy; for what a page shows (links, pickers), not only what it refuses.</summary>
    public static async Task<bool> AllowsAsync(this IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user, string policy) =>
        (await authorization.AuthorizeAsync(user, policy)).Succeeded;

    /// <summary>Whether the user may do the operation to the resource.</summary>
    public static async Task<bool> AllowsAsync(this IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user,
        object resource, IAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(user, resource, operation)).Succeeded;
}
