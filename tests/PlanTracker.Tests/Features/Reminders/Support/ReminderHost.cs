using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PlanTracker.Core.Data;
using PlanTracker.Core.Progress;
using PlanTracker.Core.Reminders;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Features.Reminders;

namespace PlanTracker.Tests.Features.Reminders.Support;

/// <summary>
/// The app seeded with Plan 163, on a hand-moved clock, sending to a loopback SMTP server (not started
/// until the test says so). One per test: reminder runs depend on what earlier runs wrote.
/// </summary>
public class ReminderHost : PlanTrackerFactory
{
    public const string BaseUrl = "https://plantracker.test";

    /// <summary>The clock the test moves by hand (forward only); the app's IClock reads it through TimeProvider.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2019, 1, 2, 0, 0, 0, TimeSpan.Zero));
    public SmtpSink Smtp { get; } = new();

    public ReminderHost(bool pickup = false)
    {
        Settings["App:BaseUrl"] = BaseUrl;
        Settings["Mail:Mode"] = pickup ? "Pickup" : "Smtp";
        Settings["Mail:Smtp:Host"] = "127.0.0.1";
        Settings["Mail:Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture);
        Settings["Mail:Smtp:Security"] = "None";
        Settings["Mail:Smtp:TimeoutSeconds"] = "60"; // the Python server answers slowly on a loaded machine; no test waits for a timeout
        Settings["Mail:From"] = "PlanTracker <no-reply@cantho.example>";
        Settings["Mail:MaxAttempts"] = "3";
        Settings["Mail:RetryBaseSeconds"] = "60";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    public ReminderRunner Runner => Services.GetRequiredService<ReminderRunner>();
    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    /// <summary>What the daily job does at 07:00 (Vietnam) on that day.</summary>
    public Task<RunResult> RunMorningAsync(DateOnly day, string trigger = RunTrigger.Schedule)
    {
        Time.SetMorning(day);
        return Runner.RunAsync(trigger);
    }

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = NewDbContext();
        return await db.OutboxMessages().AsNoTracking().Include(m => m.Items).OrderBy(m => m.Id).ToListAsync();
    }

    public async Task<List<ReminderItem>> ItemsAsync(string itemKey, int? unitId = null)
    {
        await using var db = NewDbContext();
        return await db.ReminderItems().AsNoTracking()
            .Where(i => i.ItemKey == itemKey && (unitId == null || i.UnitId == unitId))
            .OrderBy(i => i.PlannedFor).ThenBy(i => i.Rule).ToListAsync();
    }

    public async Task<int> DeliverableIdAsync(string taskCode, int index = 0)
    {
        await using var db = NewDbContext();
        return await db.Deliverables.Where(d => d.Task!.Code == taskCode).OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => d.Id).Skip(index).FirstAsync();
    }

    public async Task<int> TaskIdAsync(string taskCode)
    {
        await using var db = NewDbContext();
        return await db.Tasks.Where(t => t.Code == taskCode).Select(t => t.Id).FirstAsync();
    }

    public async Task<int> PlanIdAsync()
    {
        await using var db = NewDbContext();
        return await db.Plans.Select(p => p.Id).SingleAsync();
    }

    public async Task MarkDoneAsync(int deliverableId, string unitCode, DateOnly completedOn, string period = "")
    {
        var unitId = await UnitIdAsync(unitCode);
        await using var db = NewDbContext();
        db.Progress.Add(new DeliverableProgress
        {
            DeliverableId = deliverableId, Period = period, UnitId = unitId, Status = ProgressStatus.Done, ProgressPercent = 100,
            CompletedOn = completedOn, UpdatedAtUtc = DateTime.UtcNow, UpdatedByName = "test",
        });
        await db.SaveChangesAsync();
    }

    public async Task RecordReportAsync(string unitCode, string periodKey, DateOnly submittedOn)
    {
        var unitId = await UnitIdAsync(unitCode);
        var planId = await PlanIdAsync();
        await using var db = NewDbContext();
        db.Add(new ReportSubmission
        {
            PlanId = planId, UnitId = unitId, PeriodKey = periodKey, DocumentNumber = $"1/BC-{unitCode}",
            DocumentDate = submittedOn, SubmittedOn = submittedOn, RecordedAtUtc = DateTime.UtcNow, RecordedByName = "test",
        });
        await db.SaveChangesAsync();
    }

    public async Task<string> UnitEmailsAsync(string unitCode)
    {
        await using var db = NewDbContext();
        return await db.Units.Where(u => u.Code == unitCode).Select(u => u.Emails).SingleAsync();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.Dispose();
    }
}
