using System.ComponentModel.DataAnnotations;
using PlanTracker.Core.Progress;

namespace PlanTracker.Web.Features.Progress;

/// <summary>What a unit posts about one deliverable (or one quarter of it).</summary>
public sealed class ProgressInput
{
    [Display(Name = "Trạng thái")]
    public ProgressStatus Status { get; set; }

    [Display(Name = "Tiến độ (%)"), Range(0, 100, ErrorMessage = "Tiến độ phải từ 0 đến 100%.")]
    public int ProgressPercent { get; set; }

    [Display(Name = "Ngày hoàn thành")]
    public DateOnly? CompletedOn { get; set; }

    [Display(Name = "Kết quả thực hiện"), StringLength(4000, ErrorMessage = "Kết quả thực hiện dài quá 4000 ký tự.")]
    public string? ResultText { get; set; }

    [Display(Name = "Số văn bản"), StringLength(100, ErrorMessage = "Số văn bản dài quá 100 ký tự.")]
    public string? EvidenceNumber { get; set; }

    [Display(Name = "Ngày văn bản")]
    public DateOnly? EvidenceDate { get; set; }

    /// <summary>The version of the record the form was opened on; 0 when there was none.</summary>
    public int Version { get; set; }

    public static ProgressInput From(DeliverableProgress? record) => record is null ? new() : new()
    {
        // The form offers "Hoàn thành"; a claim awaiting Sở Nội vụ shows as that, so that a save keeps it.
        Status = record.Status == ProgressStatus.AwaitingVerification ? ProgressStatus.Done : record.Status,
        ProgressPercent = record.ProgressPercent,
        CompletedOn = record.CompletedOn,
        ResultText = record.ResultText,
        EvidenceNumber = record.EvidenceNumber,
        EvidenceDate = record.EvidenceDate,
        Version = record.Version,
    };

    /// <summary>
    /// What is wrong with the input, by form field, in Vietnamese and English (the page shows the first, the API either).
    /// Normalises it first: an ongoing item is in progress with no completion date; a claim is sent as "done".
    /// </summary>
    public List<(string Field, string Vietnamese, string English)> Check(bool isOngoing, DateOnly today)
    {
        var problems = new List<(string, string, string)>();
        if (isOngoing)
        {
            Status = ProgressStatus.InProgress;
            CompletedOn = null;
            if (string.IsNullOrWhiteSpace(ResultText))
                problems.Add(("Input.ResultText", "Nhập kết quả thực hiện trong kỳ.", "Enter the period's result."));
        }
        if (Status == ProgressStatus.AwaitingVerification) Status = ProgressStatus.Done; // the unit says done; the plan decides
        if (Status == ProgressStatus.Done && CompletedOn is null)
            problems.Add(("Input.CompletedOn", "Nhập ngày hoàn thành khi trạng thái là Hoàn thành.", "Enter the completion date when the status is Done."));
        if (Status != ProgressStatus.Done && CompletedOn is not null)
            problems.Add(("Input.CompletedOn", "Chỉ ghi ngày hoàn thành khi trạng thái là Hoàn thành.", "A completion date goes only with the status Done."));
        if (CompletedOn > today)
            problems.Add(("Input.CompletedOn", $"Ngày hoàn thành không được sau hôm nay ({Display.Date(today)}).", $"The completion date may not be after today ({today:yyyy-MM-dd})."));
        if (EvidenceDate > today)
            problems.Add(("Input.EvidenceDate", $"Ngày văn bản không được sau hôm nay ({Display.Date(today)}).", $"The document date may not be after today ({today:yyyy-MM-dd})."));
        if (EvidenceDate is not null && string.IsNullOrWhiteSpace(EvidenceNumber))
            problems.Add(("Input.EvidenceNumber", "Nhập số văn bản đi kèm ngày văn bản.", "Enter the document number that goes with the document date."));
        return problems;
    }

    public void ApplyTo(DeliverableProgress record)
    {
        record.Status = Status;
        record.ProgressPercent = Status == ProgressStatus.Done ? 100 : ProgressPercent;
        record.CompletedOn = Status == ProgressStatus.Done ? CompletedOn : null;
        record.ResultText = Clean(ResultText);
        record.EvidenceNumber = Clean(EvidenceNumber);
        record.EvidenceDate = EvidenceDate;
    }

    /// <summary>The fields history keeps, before and after; the unit and period say whose record it is, for the reports as of a cut-off.</summary>
    public static object Snapshot(DeliverableProgress r) => new
    {
        r.UnitId, r.Period, r.Status, r.ProgressPercent, r.CompletedOn, r.ResultText, r.EvidenceNumber, r.EvidenceDate, r.Version,
    };

    /// <summary>The snapshot with what verification adds, for the claim, accept and return records.</summary>
    public static object VerificationSnapshot(DeliverableProgress r) => new
    {
        r.UnitId, r.Period, r.Status, r.ProgressPercent, r.CompletedOn, r.ResultText, r.EvidenceNumber, r.EvidenceDate, r.Version,
        r.ReturnReason, r.ReturnedAtUtc, r.VerifiedAtUtc, r.VerifiedByName,
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize();
}
