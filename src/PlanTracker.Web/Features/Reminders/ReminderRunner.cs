using Microsoft.Extensions.Options;
using MimeKit;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Reminders;
using PlanTracker.Core.Time;

namespace PlanTracker.Web.Features.Reminders;

public static class RunTrigger
{
    public const string Schedule = "Schedule";
    public const string Manual = "Manual";
    public const string CommandLine = "CommandLine";
}

public sealed record RunResult(ReminderPlan Plan, bool Skipped, string? SkipReason, DispatchResult? Dispatch)
{
    public int Messages => Plan.Digests.Count;
}

/// <summary>
/// A reminder run: plan today's digests and write them to the outbox in one transaction, then dispatch.
/// Runs in one process take turns; runs in two processes are kept apart by the database (the write
/// transaction, and the unique reminder key as the last word).
/// </summary>
public sealed class ReminderRunner(IServiceScopeFactory scopes, OutboxDispatcher dispatcher, IClock clock, TimeProvider time,
    IOptions<ReminderRules> rules, ReportSchedule reports, IOptions<MailSettings> mail, IConfiguration config, ILogger<ReminderRunner> log) : IDisposable
{
    private const long PlanningLockKey = 0x52_65_6D_69_6E_64; // "Remind"
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();

    /// <summary>What a run now would send; writes nothing.</summary>
    public async Task<ReminderPlan> PreviewAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        return await Planner(db).PlanAsync(clock.Today, await LastRunDateAsync(db, clock.Today, ct), ct);
    }

    /// <summary>The calendar traps as of today; each one is also logged as a warning.</summary>
    public async Task<ScheduleWarnings> CheckScheduleAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var today = clock.Today;
        var warnings = new ScheduleWarnings(today, reports.Calendar.ListsHolidaysOf(today.Year),
            await db.ReminderRuns().MaxAsync(r => (DateOnly?)r.RunDate, ct));
        foreach (var warning in warnings.English())
            log.LogWarning("Reminders: {Warning}", warning);
        return warnings;
    }

    public async Task<RunResult> RunAsync(string trigger, string? startedBy = null, CancellationToken ct = default)
    {
        var today = clock.Today;
        if (trigger == RunTrigger.Schedule && !reports.Calendar.IsWorkingDay(today))
        {
            // Nothing is recorded, so the next working morning covers this day too.
            log.LogInformation("Reminders: {Today} is not a working day; the next working day catches up", Iso(today));
            return new RunResult(new ReminderPlan { Today = today, CoveredFrom = today }, true, "Hôm nay không phải ngày làm việc.", null);
        }
        var plan = await PlanAndWriteAsync(today, trigger, startedBy, ct);
        var dispatch = await dispatcher.DispatchAsync(ct);
        return new RunResult(plan, false, plan.AlreadyCovered ? "Hôm nay đã được lập thư nhắc." : null, dispatch);
    }

    public async Task<ReminderPlan> PlanAndWriteAsync(DateOnly today, string trigger, string? startedBy, CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            // On SQLite this takes the write lock first (BEGIN IMMEDIATE), so planning sees what it will write against;
            // on PostgreSQL an advisory lock does the same for servers that run at once.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.LockForTransactionAsync(PlanningLockKey, ct);
            var plan = await Planner(db).PlanAsync(today, await LastRunDateAsync(db, today, ct), ct);
            if (plan.AlreadyCovered)
            {
                log.LogInformation("Reminders for {Today} were planned already; nothing new", Iso(today));
                return plan;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var run = new ReminderRun
            {
                RunDate = today, CoveredFrom = plan.CoveredFrom, Trigger = trigger, StartedBy = startedBy, StartedAtUtc = now,
                MessageCount = plan.Digests.Count, ItemCount = plan.LineCount, UnitsWithoutAddress = plan.UnitsWithoutAddress.Count,
            };
            db.Add(run);
            await db.SaveChangesAsync(ct);
            var domain = Domain();
            var messages = plan.Digests.Select(digest => new OutboxMessage
            {
                MessageId = $"reminder.{today:yyyyMMdd}.u{digest.UnitId}.{Guid.NewGuid():N}@{domain}",
                UnitId = digest.UnitId,
                Recipients = string.Join("; ", digest.Recipients),
                Subject = digest.Subject, HtmlBody = digest.Html, TextBody = digest.Text,
                State = OutboxState.Pending, NextAttemptAtUtc = now, CreatedAtUtc = now, PlannedFor = today, ReminderRunId = run.Id,
            }).ToList();
            await OutboxWriter.InsertMessagesAsync(db, messages, ct);
            await OutboxWriter.InsertItemsAsync(db, plan.Digests.Zip(messages).SelectMany(pair => pair.First.Lines.Where(l => !l.Context).Select(l => new ReminderItem
            {
                UnitId = pair.First.UnitId, Rule = l.Rule, ItemKey = l.ItemKey, OccurredOn = l.OccurredOn, PlannedFor = today,
                OutboxMessageId = pair.Second.Id,
            })), ct);
            await transaction.CommitAsync(ct);
            foreach (var (_, name, lines) in plan.UnitsWithoutAddress)
                log.LogWarning("Reminders: {Unit} has {Lines} reminders but no e-mail address and no opted-in user", name, lines);
            log.LogInformation("Reminders for {Today} (from {From}): {Messages} messages, {Items} items", Iso(today), Iso(plan.CoveredFrom), plan.Digests.Count, plan.LineCount);
            return plan;
        }
        finally
        {
            gate.Release();
        }
    }

    private ReminderPlanner Planner(PlanTrackerDbContext db) =>
        new(db, rules.Value, reports, config["App:BaseUrl"] is { Length: > 0 } url ? url : "http://localhost:5080",
            new DigestLimits(mail.Value.MaxDigestLines, mail.Value.MaxMessageBytes));

    /// <summary>
    /// Where planning starts. A run dated after today (made with Clock:Today set ahead) is set aside; counting it
    /// would silence every run until its date.
    /// </summary>
    private static Task<DateOnly?> LastRunDateAsync(PlanTrackerDbContext db, DateOnly today, CancellationToken ct) =>
        db.ReminderRuns().Where(r => r.RunDate <= today).MaxAsync(r => (DateOnly?)r.RunDate, ct);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private string Domain() =>
        MailboxAddress.TryParse(mail.Value.From, out var from) && from.Domain is { Length: > 0 } domain ? domain : "plantracker.invalid";
}
