using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Extensions.FileProviders;
using PlanTracker.Core.Import;
using PlanTracker.Web.Features.Account;
using PlanTracker.Web.Features.Account.Tokens;
using PlanTracker.Web.Features.Api;
using PlanTracker.Web.Features.Deadlines;
using PlanTracker.Web.Features.Health;
using PlanTracker.Web.Features.Reminders;
using Serilog;

namespace PlanTracker.Web.Infrastructure;

public static class PlanTrackerSetup
{
    public static WebApplicationBuilder AddPlanTracker(this WebApplicationBuilder builder)
    {
        // Each host writes through its own logger, not the static Log.Logger: several hosts in one process (the
        // tests) otherwise wrote into whichever host's log file was configured last.
        builder.Services.AddSerilog((sp, logger) => logger
            .ReadFrom.Configuration(sp.GetRequiredService<IConfiguration>())
            .Enrich.FromLogContext()
            .Filter.ByExcluding(e => ServerRun.IsStartCancelledByStop(e, sp)), preserveStaticLogger: true);

        builder.Services.AddPlanTrackerDatabase();
        // Before anything that adds data protection: hosted services start in order, and data protection's own
        // reads the key ring from the database, which must be migrated first.
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddPlanTrackerClock();
        builder.Services.AddPlanTrackerAccounts();
        builder.AddSingleSignOn();
        builder.Services.AddPlanTrackerAuthorization();
        builder.AddPlanTrackerDataProtection();
        builder.AddPlanTrackerHttps();
        builder.Services.AddScoped<PlanImporter>();
        builder.Services.AddScoped<UnitDirectoryImporter>();
        builder.Services.AddScoped<SeedLoader>();
        builder.Services.AddScoped<Features.Admin.UserAccounts>();
        builder.Services.AddSingleton<SecurityLog>();
        builder.Services.AddSingleton<Features.Account.SignInThrottle>();
        builder.Services.AddSignInRateLimit();
        builder.Services.AddApiTokens(); // after the accounts and the sign-in limit, which it extends
        Features.Reports.MonitoringSetup.AddPlanTrackerMonitoring(builder.Services);
        Features.ParIndex.ParIndexSetup.AddParIndex(builder.Services);
        builder.Services.AddScoped<Features.Public.PublicProgressCounts>();
        builder.Services.AddSingleton<Features.Evidence.EvidenceStore>();
        builder.Services.AddSingleton<Features.Admin.Plans.Import.ImportUploads>();
        builder.Services.AddScoped<Features.Evidence.RemovedFilesPurge>();
        builder.Services.AddPlanTrackerHealthChecks();
        builder.Services.AddPlanTrackerReminders();
        builder.Services.AddPlanTrackerApi();

        builder.Services.AddRazorPages(options =>
            {
                options.RootDirectory = "/Features";
                options.Conventions.AuthorizeFolder("/Admin", Authorization.Policies.Admin); // every page under /admin
            })
            .AddMvcOptions(mvc =>
            {
                // Required fields are marked [Required] with a Vietnamese message; nullability alone says nothing to users.
                mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                VietnameseBindingMessages.Apply(mvc.ModelBindingMessageProvider);
                XmlSafeStringBinding.Apply(mvc.ModelBinderProviders);
            })
            // No client-side validation script is served; without it a valid form's summary is not rendered as an
            // empty <li style="display:none">, which the Content-Security-Policy (style-src 'self') would refuse.
            .AddViewOptions(views => views.HtmlHelperOptions.ClientValidationEnabled = false);
        // Vietnamese letters go out as themselves, not as &#x...; entities; markup characters are still encoded.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        return builder;
    }

    public static WebApplication UsePlanTracker(this WebApplication app)
    {
        app.UsePlanTrackerHttps();
        if (!app.Environment.IsDevelopment())
            // A new scope for the error page: the failed request's own (its authentication result, its context)
            // may be what failed, e.g. the session check during a database outage, and would fail the page too.
            app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", CreateScopeForErrors = true });
        app.UseForbiddenLog(); // outside the status-code pages: records the page asked for, once
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseSerilogRequestLogging();
        app.UseSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot")),
        });
        app.UseRouting();
        app.UseApiProblems(); // inside the HTML status-code and exception pages, around everything that answers /api
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        Features.Account.AccountGate.UseAccountGate(app);
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapDeadlineApi().AllowAnonymous();
        app.MapPlanTrackerHealth();
        app.UsePlanTrackerReminders();
        Features.Reports.ReportEndpoints.MapReportExports(app);
        Features.Tasks.TaskListExports.MapTaskListExports(app);
        Features.Plans.Export.PlanExportEndpoints.MapPlanExports(app);
        app.MapMeEndpoint();
        Features.Calendar.CalendarEndpoints.MapCalendarFeeds(app);
        app.MapPlanTrackerApi();
        return app;
    }
}
