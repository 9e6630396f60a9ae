using System.Globalization;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlanTracker.Core.Data;
using PlanTracker.Core.Generation;
using PlanTracker.Core.Reminders;
using PlanTracker.Core.Time;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Features.Reminders;
using PlanTracker.Web.Features.Reports;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Benchmarks.Reminders;

/// <summary>
/// A reminder run over a province-scale database and the dispatch to a loopback aiosmtpd.
/// Mode `reminders [DELIVERABLES UNITS EXTRA_MESSAGES]`.
/// </summary>
public static class ReminderBenchmark
{
    /// <summary>The generator's Sở Nội vụ: the standing agency that gets the weekly summary and receives the reports.</summary>
    private const string InteriorDepartment = "G_SO01";

    public static async Task<int> RunAsync(Arguments args)
    {
        var deliverables = args.Positional(0, 100_000);
        var units = args.Positional(1, 1_000);
        var extraMessages = args.Positional(2, 3_000);
        var root = Repository.Root;
        var work = Directory.CreateTempSubdirectory("plantracker-bench-").FullName;
        var connectionString = $"Data Source={Path.Combine(work, "bench.db")}";
        Console.WriteLine($"PlanTracker reminder benchmark: {deliverables:N0} deliverables, {units:N0} units, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        var time = new FixedTime(new DateTimeOffset(2019, 6, 3, 0, 0, 0, TimeSpan.Zero)); // Monday 03/06/2019, 07:00 in Vietnam
        var port = LoopbackPort.Free();
        var services = Services(connectionString, root, port, time);
        await using (var scope = services.CreateAsyncScope())
        {
            // One plan of 2019 led by every unit, due dates spread evenly over the year (so each day has some),
            // what is past due mostly done. Every unit owes the periodic reports of that plan.
            await BenchmarkDatabase.CreateAsync(scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>(), new GeneratorOptions
            {
                Units = units, Deliverables = deliverables, FirstYear = 2019, Today = new DateOnly(2019, 6, 3),
                OnePlan = true, DatedDeadlines = true, OverdueDaysBack = 153, DueDaysAhead = 212, // 01/01 to 31/12/2019
            });
        }
        var watch = Stopwatch.StartNew();

        var runner = services.GetRequiredService<ReminderRunner>();
        for (var i = 1; i <= 3; i++)
        {
            watch.Restart();
            var preview = await runner.PreviewAsync();
            Console.WriteLine($"Preview (plan only) #{i}: {watch.Elapsed.TotalMilliseconds:F0} ms, {preview.Digests.Count} digests, {preview.LineCount} items");
        }
        foreach (var (day, what) in new[]
        {
            (new DateOnly(2019, 6, 3), "Monday 03/06, first run: weekly summary, so every item is classified"),
            (new DateOnly(2019, 6, 4), "Tuesday 04/06: one day, candidate deliverables only"),
            (new DateOnly(2019, 6, 7), "Friday 07/06 after two days down: covers 05-07/06"),
        })
        {
            time.Now = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            watch.Restart();
            var plan = await runner.PlanAndWriteAsync(day, RunTrigger.CommandLine, "bench");
            Console.WriteLine($"Plan and write the outbox, {what}: {watch.Elapsed.TotalMilliseconds:F0} ms, {plan.Digests.Count} messages, {plan.LineCount} items");
        }

        await AddCopiesAsync(services, extraMessages);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            var pending = await db.OutboxMessages().CountAsync(m => m.State == OutboxState.Pending);
            using var sink = Sink(root, port, Path.Combine(work, "received"));
            time.Now = time.Now.AddHours(1);
            var dispatcher = services.GetRequiredService<OutboxDispatcher>();
            watch.Restart();
            var result = await dispatcher.DispatchAsync();
            var seconds = watch.Elapsed.TotalSeconds;
            var received = Directory.GetFiles(Path.Combine(work, "received"), "*.eml").Length;
            Console.WriteLine($"Dispatch over one SMTP connection: {result.Sent} of {pending} sent in {seconds:F2} s = {result.Sent / seconds:F0} messages/s; server stored {received}; failed {result.Failed}");
            sink.Kill(entireProcessTree: true);
            sink.WaitForExit();
        }
        Directory.Delete(work, recursive: true);
        return 0;
    }

    private static ServiceProvider Services(string connectionString, string root, int port, TimeProvider time)
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(root, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Mail:Mode"] = "Smtp", ["Mail:Smtp:Host"] = "127.0.0.1", ["Mail:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
                ["Mail:Smtp:Security"] = "None", ["Mail:BatchSize"] = "500", ["Reminders:StandingAgencyUnitCode"] = InteriorDepartment,
                ["Reports:RecipientUnitCode"] = InteriorDepartment,
                ["Database:Provider"] = "Sqlite", ["ConnectionStrings:PlanTracker"] = connectionString,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddPlanTrackerDatabase(); // the server's own settings: pooled contexts, SQLite busy timeout and synchronous mode
        services.AddSingleton(time);
        services.AddSingleton<IClock>(new VietnamClock(time));
        services.AddOptions<MailSettings>().BindConfiguration("Mail");
        services.AddOptions<ReminderRules>().BindConfiguration("Reminders");
        services.AddPeriodicReports();
        services.AddSingleton<MailTransportFactory>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<ReminderRunner>();
        return services.BuildServiceProvider();
    }

    // More messages than one day plans, so that the dispatch rate is measured over a few thousand.
    private static async Task AddCopiesAsync(ServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var templates = await db.OutboxMessages().AsNoTracking().OrderBy(m => m.Id).Take(500).ToListAsync();
        for (var i = 0; i < count; i++)
        {
            var t = templates[i % templates.Count];
            db.Add(new OutboxMessage
            {
                MessageId = $"bench.{i}.{Guid.NewGuid():N}@province.example", UnitId = t.UnitId, Recipients = t.Recipients, Subject = t.Subject,
                HtmlBody = t.HtmlBody, TextBody = t.TextBody, State = OutboxState.Pending, NextAttemptAtUtc = t.NextAttemptAtUtc,
                CreatedAtUtc = t.CreatedAtUtc, PlannedFor = t.PlannedFor,
            });
        }
        await db.SaveChangesAsync();
    }

    private static Process Sink(string root, int port, string folder)
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(root, "tests", "PlanTracker.Tests", "Features", "Reminders", "Support", "smtp_sink.py"), "--port", port.ToString(CultureInfo.InvariantCulture), "--dir", folder })
            info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        if (process.StandardOutput.ReadLine() != "READY") throw new InvalidOperationException("The SMTP sink did not start.");
        return process;
    }

}

internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

