using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using PlanTracker.Core.Progress;
using PlanTracker.Core.States;
using PlanTracker.Web.Features.Progress;

namespace PlanTracker.Web.Features.Api;

public sealed record ProgressDto(int DeliverableId, int UnitId, string Period, ProgressStatus Status, int ProgressPercent, DateOnly? CompletedOn,
    string? ResultText, string? EvidenceNumber, string? EvidenceDate, DateOnly? AdjustedDue, string? ReturnReason, DateTime? VerifiedAtUtc,
    DateTime UpdatedAtUtc, string UpdatedByName, int Version)
{
    public static ProgressDto Of(DeliverableProgress p) => new(p.DeliverableId, p.UnitId, p.Period, p.Status, p.ProgressPercent, p.CompletedOn,
        p.ResultText, p.EvidenceNumber, p.EvidenceDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p.AdjustedDue,
        p.ReturnReason, ApiTime.Utc(p.VerifiedAtUtc), ApiTime.Utc(p.UpdatedAtUtc), p.UpdatedByName, p.Version);
}

/// <summary>
/// A status update as the progress page takes it. <c>version</c> is the version of the record it was read with
/// (<see cref="ProgressDto.Version"/>, or a work item's; 0 when the unit has no record yet): a stale one answers 409.
/// </summary>
public sealed record ProgressUpdate(ProgressStatus Status, int ProgressPercent, DateOnly? CompletedOn, string? ResultText,
    string? EvidenceNumber, DateOnly? EvidenceDate, int Version);

/// <summary>The 409 problem of a stale update as the OpenAPI document describes it (<see cref="ProgressEndpoints"/> writes it through <see cref="ApiProblems.Of"/>).</summary>
public sealed record VersionConflict(string? Type, string? Title, int Status, string? Detail, int YourVersion, int CurrentVersion, ProgressDto? Current);

public static class ProgressEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/deliverables/{id:int}/progress", ListAsync).WithName("ListProgress").WithTags("Progress")
            .WithSummary("The lead units' progress records on a deliverable")
            .WithDescription("The progress records the lead units keep on a deliverable, by unit and period.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/deliverables/{id:int}/progress/{unitId:int}", UpdateAsync).WithName("UpdateProgress").WithTags("Progress")
            .WithSummary("Record a lead unit's progress on a deliverable (period: Q1..Q4 or a month of a recurring one; empty for a one-off)")
            .WithDescription("Allowed to the lead unit's editors and admins while the plan is not closed, with the progress page's rules. " +
                "The body's version is the one read (0 when the unit has no record yet); when someone saved since, the answer is 409 " +
                "with yourVersion, currentVersion and the current record.")
            .Accepts<ProgressUpdate>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).Produces<VersionConflict>(StatusCodes.Status409Conflict, "application/problem+json")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<Results<Ok<List<ProgressDto>>, ProblemHttpResult>> ListAsync(HttpContext http, PlanTrackerDbContext db, int id, CancellationToken ct)
    {
        var tasks = TaskEndpoints.VisibleTasks(db, http).Select(t => t.Id);
        if (!await db.Deliverables.AnyAsync(d => d.Id == id && !d.IsRetired && tasks.Contains(d.TaskId), ct)) return ApiProblems.NotFound(http);
        var records = await db.Progress.AsNoTracking().Where(p => p.DeliverableId == id)
            .OrderBy(p => p.UnitId).ThenBy(p => p.Period).ToListAsync(ct);
        return TypedResults.Ok(records.Select(ProgressDto.Of).ToList());
    }

    /// <summary>The progress page's checks in its order (Features/Progress/Edit: LoadAsync, Validate, the version), then its save.</summary>
    private static async Task<Results<Ok<ProgressDto>, ProblemHttpResult>> UpdateAsync(HttpContext http, PlanTrackerDbContext db,
        IAuthorizationService authorization, Core.Time.IClock clock, int id, int unitId, string? period, ProgressUpdate update, CancellationToken ct)
    {
        period ??= "";
        var deliverable = await db.Deliverables.Include(d => d.Task!).ThenInclude(t => t.Section!).ThenInclude(s => s.Plan)
            .FirstOrDefaultAsync(d => d.Id == id && !d.IsRetired && !d.Task!.IsRetired, ct);
        if (deliverable is null || !PlanLifecycle.Sees(http.User, deliverable.Task!.Section!.Plan!.Status)) return ApiProblems.NotFound(http);
        var isOngoing = deliverable.DeadlineKind == Core.Deadlines.DeadlineKind.Ongoing;
        var periods = isOngoing ? [.. Periods.Quarters] : Periods.Of(deliverable).Select(p => p.Key).ToList();
        if (!periods.Contains(period))
            return ApiProblems.Invalid(http, [("period", $"Kỳ không hợp lệ; chọn một trong: {string.Join(", ", periods.Select(p => p == "" ? "\"\"" : p))}.",
                $"period must be one of: {string.Join(", ", periods.Select(p => p == "" ? "\"\"" : p))}.")]);
        if (!PlanLifecycle.IsOpen(deliverable.Task.Section.Plan.Status))
            return ApiProblems.Forbidden(http, PlanLifecycle.ClosedMessage, "The plan is closed and takes no more changes.");
        if (!await authorization.AllowsAsync(http.User, new UnitOnTask(deliverable.TaskId, unitId), Operations.UpdateProgress))
            return ApiProblems.Forbidden(http);

        var input = new ProgressInput
        {
            Status = update.Status, ProgressPercent = update.ProgressPercent, CompletedOn = update.CompletedOn, ResultText = update.ResultText,
            EvidenceNumber = update.EvidenceNumber, EvidenceDate = update.EvidenceDate, Version = update.Version,
        };
        var problems = input.Check(isOngoing, clock.Today);
        // The page's form attributes (ProgressInput's Range and StringLength), which its model binding checks.
        if (!Enum.IsDefined(update.Status)) problems.Add(("status", "Trạng thái không hợp lệ.", "status is not valid."));
        if (update.ProgressPercent is < 0 or > 100) problems.Add(("progressPercent", "Tiến độ phải từ 0 đến 100%.", "progressPercent must be from 0 to 100."));
        if (update.ResultText?.Length > 4000) problems.Add(("resultText", "Kết quả thực hiện dài quá 4000 ký tự.", "resultText is longer than 4000 characters."));
        if (update.EvidenceNumber?.Length > 100) problems.Add(("evidenceNumber", "Số văn bản dài quá 100 ký tự.", "evidenceNumber is longer than 100 characters."));
        if (problems.Count > 0)
            return ApiProblems.Invalid(http, problems.Select(p => (ApiField(p.Field), p.Vietnamese, p.English)));

        var saved = await db.Progress.FirstOrDefaultAsync(p => p.DeliverableId == id && p.Period == period && p.UnitId == unitId, ct);
        if ((saved?.Version ?? 0) != update.Version) return Conflict(http, update.Version, saved);
        var unitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct);
        var record = ProgressRecords.Apply(db, http.User, clock.Now.UtcDateTime, deliverable, unitId, unitName, period, saved, input);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved between the read and this save (the version moved, or a first record appeared).
            db.ChangeTracker.Clear();
            var current = await db.Progress.AsNoTracking().FirstOrDefaultAsync(p => p.DeliverableId == id && p.Period == period && p.UnitId == unitId, ct);
            if ((current?.Version ?? 0) == update.Version) throw;
            return Conflict(http, update.Version, current);
        }
        return TypedResults.Ok(ProgressDto.Of(record));
    }

    private static string ApiField(string formField) =>
        formField.StartsWith("Input.", StringComparison.Ordinal) ? char.ToLowerInvariant(formField[6]) + formField[7..] : formField;

    /// <summary>409 with both versions: the one the caller read, and the current one with its values.</summary>
    private static ProblemHttpResult Conflict(HttpContext http, int yours, DeliverableProgress? current) =>
        ApiProblems.Of(http, StatusCodes.Status409Conflict,
            $"Bản ghi đã ở phiên bản {current?.Version ?? 0}, không còn là phiên bản {yours} bạn đã đọc. Đọc lại rồi gửi với phiên bản mới.",
            $"The record is at version {current?.Version ?? 0}, no longer the version {yours} you read. Read it again and send the new version.",
            new Dictionary<string, object?>
            {
                ["yourVersion"] = yours,
                ["currentVersion"] = current?.Version ?? 0,
                ["current"] = current is null ? null : ProgressDto.Of(current),
            });
}
