using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlanTracker.Benchmarks;
using PlanTracker.Core.Data;
using PlanTracker.Core.Reminders;
using PlanTracker.Core.Time;
using PlanTracker.Web.Features.Reminders;
using PlanTracker.Web.Features.Reports;
using PlanTracker.Web.Infrastructure;

// Measures a reminder run over a province-scale database and the dispatch to a loopback aiosmtpd.
// Usage: dotnet run -c Release --project tests/PlanTracker.Benchmarks [-- DELIVERABLES UNITS EXTRA_MESSAGES]
var deliverables = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var units = args.Length > 1 ? int.Parse(args[1]) : 1_000;
var extraMessages = args.Length > 2 ? int.Parse(args[2]) : 3_000;
var root = FindRoot();
var work = Directory.CreateTempSubdirectory("plantracker-bench-").FullName;
var connectionString = $"Data Source={Path.Combine(work, "bench.db")}";
Console.WriteLine($"PlanTracker reminder benchmark: {deliverables:N0} deliverables, {units:N0} units, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

var time = new FixedTime(new DateTimeOffset(2019, 6, 3, 0, 0, 0, TimeSpan.Zero)); // Monday 03/06/2019, 07:00 in Vietnam
var port = FreePort();
var services = Services(connectionString, root, port, time);
await using (var scope = services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
    await db.Database.MigrateAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
}
var watch = Stopwatch.StartNew();
SyntheticProvince.Fill(connectionString, deliverables, units);
Console.WriteLine($"Synthetic data written in {watch.Elapsed.TotalSeconds:F1} s");

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

static ServiceProvider Services(string connectionString, string root, int port, TimeProvider time)
{
    var config = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(root, "appsettings.json"))
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:Mode"] = "Smtp", ["Mail:Smtp:Host"] = "127.0.0.1", ["Mail:Smtp:Port"] = port.ToString(),
            ["Mail:Smtp:Security"] = "None", ["Mail:BatchSize"] = "500", ["Reminders:StandingAgencyUnitCode"] = "SNV",
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
static async Task AddCopiesAsync(ServiceProvider services, int count)
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

static Process Sink(string root, int port, string folder)
{
    var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var a in new[] { Path.Combine(root, "tests", "PlanTracker.Tests", "Features", "Reminders", "Support", "smtp_sink.py"), "--port", port.ToString(), "--dir", folder })
        info.ArgumentList.Add(a);
    var process = Process.Start(info)!;
    if (process.StandardOutput.ReadLine() != "READY") throw new InvalidOperationException("The SMTP sink did not start.");
    return process;
}

static int FreePort()
{
    var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    return port;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "PlanTracker.sln"))) return dir.FullName;
    throw new InvalidOperationException("PlanTracker.sln not found");
}

sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

