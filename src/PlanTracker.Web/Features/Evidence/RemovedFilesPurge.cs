using Hangfire;
using PlanTracker.Core.History;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Time;

namespace PlanTracker.Web.Features.Evidence;

/// <summary>
/// Deletes the stored files of evidence and report files removed more than Attachments:RetentionDays ago; a daily
/// Hangfire job. The rows stay, so history still says what was attached, by whom and when. A file already gone
/// is skipped, so running it twice, or after a restore, does nothing more.
/// </summary>
public sealed class RemovedFilesPurge(PlanTrackerDbContext db, EvidenceStore store, IClock clock, ILogger<RemovedFilesPurge> log)
{
    public const string JobId = "attachments-purge";
    public const string Cron = "30 2 * * *"; // at night, away from the 07:00 reminders

    /// <summary>Returns how many files it deleted.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        // The app's clock, as for the evidence removal times: with Clock:Today frozen (a demonstration) no day passes and nothing goes.
        var cutoff = clock.Now.UtcDateTime.AddDays(-store.RetentionDays);
        var removal = ChangeKind.AttachmentRemoved;
        // Files removed before RemovedAtUtc existed: the time of their removal record in the history.
        var evidence = await db.Attachments.AsNoTracking()
            .Where(a => a.IsRemoved && (a.RemovedAtUtc != null
                ? a.RemovedAtUtc < cutoff
                : db.ChangeRecords.Any(c => c.EntityType == removal.EntityType && c.Action == removal.Action && c.EntityId == a.Id && c.AtUtc < cutoff)))
            .Select(a => new { a.Id, a.StoredName }).ToListAsync(ct);
        var reports = await db.ReportSubmissions().AsNoTracking()
            .Where(s => s.IsRemoved && s.StoredName != null && s.RemovedAtUtc < cutoff)
            .Select(s => new { s.Id, StoredName = s.StoredName! }).ToListAsync(ct);

        var deleted = 0;
        foreach (var (kind, id, storedName) in evidence.Select(a => ("evidence file", a.Id, a.StoredName))
                     .Concat(reports.Select(r => ("report file", r.Id, r.StoredName))))
        {
            var path = Path.GetFullPath(store.PathOf(storedName));
            if (!path.StartsWith(store.Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path)) continue;
            File.Delete(path);
            deleted++;
            log.LogInformation("Purged {Kind} {Id} ({StoredName}), removed more than {RetentionDays} days ago", kind, id, storedName, store.RetentionDays);
        }
        log.LogInformation("Removed files purge: {Deleted} deleted, {Candidates} removed before {Cutoff:yyyy-MM-dd}", deleted, evidence.Count + reports.Count, cutoff);
        return deleted;
    }
}
