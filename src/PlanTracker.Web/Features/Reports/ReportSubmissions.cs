using PlanTracker.Core.History;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Time;

namespace PlanTracker.Web.Features.Reports;

/// <summary>Records and removes report submissions, with the file and a history record in one go.</summary>
public sealed class ReportSubmissions(PlanTrackerDbContext db, ReportSchedule schedule, IClock clock, TimeProvider time, Evidence.EvidenceStore evidence)
{
    public sealed record Input(int PlanId, string PeriodKey, int UnitId, string? DocumentNumber, DateOnly? DocumentDate, DateOnly? SubmittedOn, IFormFile? File);

    /// <summary>Report files live beside the evidence files (Attachments:Directory).</summary>
    public string AttachmentsFolder => evidence.Folder;

    /// <summary>
    /// Checks and saves; returns the Vietnamese problems, none when it was recorded. A report written in the app is
    /// saved with it and linked to it in the same transaction; <paramref name="replacing"/> is the submission a
    /// corrected report ("Sửa và gửi lại") takes the place of: it is marked removed in that transaction too.
    /// </summary>
    public Task<List<string>> RecordAsync(Actor actor, Input input, CancellationToken ct = default) => RecordAsync(actor, input, null, null, ct);

    /// <inheritdoc cref="RecordAsync(Actor, Input, CancellationToken)"/>
    public async Task<List<string>> RecordAsync(Actor actor, Input input, UnitReport? written, ReportSubmission? replacing, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var plan = await db.Plans.AsNoTracking().Live().Where(p => p.Id == input.PlanId).Select(p => new { p.Id, p.Year, p.Number }).FirstOrDefaultAsync(ct);
        var report = plan is null ? null : schedule.Of(plan.Year).FirstOrDefault(r => r.Key == input.PeriodKey);
        if (plan is null) errors.Add("Kế hoạch không tồn tại.");
        else if (report is null) errors.Add("Chọn kỳ báo cáo.");
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == input.UnitId).Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(ct);
        if (unit is null) errors.Add("Đơn vị không tồn tại.");
        else if (plan is not null && report is not null && !(await ReportObligations.OwedByAsync(db, plan.Id, schedule.Options, ct))(report).Contains(unit.Id))
            errors.Add("Đơn vị này không thuộc diện gửi báo cáo định kỳ cho Sở Nội vụ.");
        var number = Core.Text.VietnameseText.Clean(input.DocumentNumber ?? "");
        if (number.Length == 0) errors.Add("Nhập số văn bản (ví dụ 45/BC-STP).");
        else if (number.Length > 100) errors.Add("Số văn bản dài quá 100 ký tự.");
        if (input.DocumentDate is null) errors.Add("Nhập ngày văn bản.");
        if (input.SubmittedOn is null) errors.Add("Nhập ngày gửi Sở Nội vụ.");
        else if (input.SubmittedOn > clock.Today) errors.Add("Ngày gửi không được sau hôm nay.");
        if (input.DocumentDate > input.SubmittedOn) errors.Add("Ngày văn bản không được sau ngày gửi.");
        // The evidence files' rule: allowed types, content matching the extension; the size limit is the reports' own.
        if (input.File is { } file && await Evidence.EvidenceStore.RejectionAsync(file, schedule.Options.MaxFileMegabytes * 1024L * 1024L) is { } reason)
            errors.Add(reason);
        if (errors.Count > 0) return errors;

        var existing = await db.ReportSubmissions().AsNoTracking()
            .FirstOrDefaultAsync(s => s.PlanId == plan!.Id && s.PeriodKey == report!.Key && s.UnitId == unit!.Id && !s.IsRemoved, ct);
        if (existing is not null && existing.Id != replacing?.Id)
            return [$"Kỳ này đã được ghi nhận (văn bản số {existing.DocumentNumber}, gửi ngày {Shared.Display.Date(existing.SubmittedOn)}). Gỡ bản ghi cũ trước nếu cần sửa."];
        if (input.File is { } added && await evidence.QuotaRejectionAsync(db, unit!.Id, added.Length, ct) is { } full) return [full];

        // The upload deletes its file, a partial one included, unless the commit below succeeds.
        using var files = evidence.NewUpload();
        try
        {
            var stored = input.File is { } upload
                ? await files.WriteAsync(upload, Path.Combine("reports", plan!.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct)
                : null;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            if (replacing is not null) await RemoveAsync(actor, replacing, ct);
            var submission = new ReportSubmission
            {
                PlanId = plan!.Id, UnitId = unit!.Id, PeriodKey = report!.Key, DocumentNumber = number,
                DocumentDate = input.DocumentDate!.Value, SubmittedOn = input.SubmittedOn!.Value,
                FileName = input.File is null ? null : Evidence.UploadNames.Clean(input.File.FileName),
                ContentType = input.File is null ? null : Evidence.EvidenceStore.ContentTypeOf(input.File), SizeBytes = input.File?.Length, StoredName = stored,
                RecordedAtUtc = now, RecordedByUserId = actor.UserId, RecordedByName = actor.Name,
            };
            db.Add(submission);
            await db.SaveChangesAsync(ct);
            if (written is not null) written.SubmissionId = submission.Id;
            db.Record(actor, now, ChangeKind.ReportRecorded, submission.Id,
                $"Ghi nhận {report.Label} của {unit.Name}: văn bản số {number}, gửi ngày {Shared.Display.Date(submission.SubmittedOn)}",
                after: new { submission.PeriodKey, submission.UnitId, submission.DocumentNumber, submission.DocumentDate, submission.SubmittedOn, submission.FileName },
                planId: plan.Id);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            files.Keep();
        }
        catch (Exception e) when (Evidence.StorageFaults.Describe(e) is { } message)
        {
            db.ChangeTracker.Clear();
            return [message];
        }
        return [];
    }

    /// <summary>
    /// Marks a submission removed (the reminders for its period start again); the row stays, and its file until
    /// <see cref="Evidence.RemovedFilesPurge"/> deletes it after the retention period counted from RemovedAtUtc.
    /// </summary>
    public async Task RemoveAsync(Actor actor, ReportSubmission submission, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        submission.IsRemoved = true;
        submission.RemovedAtUtc = now;
        submission.RemovedByUserId = actor.UserId;
        submission.RemovedByName = actor.Name;
        var unitName = await db.Units.Where(u => u.Id == submission.UnitId).Select(u => u.Name).FirstAsync(ct);
        db.Record(actor, now, ChangeKind.ReportRemoved, submission.Id,
            $"Gỡ ghi nhận báo cáo {submission.PeriodKey} của {unitName} (văn bản số {submission.DocumentNumber})",
            before: new { submission.PeriodKey, submission.UnitId, submission.DocumentNumber, submission.SubmittedOn }, planId: submission.PlanId);
        await db.SaveChangesAsync(ct);
    }
}
