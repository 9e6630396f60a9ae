using System.Globalization;
using PlanTracker.Core.Deadlines;

namespace PlanTracker.Web.Features.Shared;

/// <summary>How dates and deadlines read in the Vietnamese UI.</summary>
public static class Display
{
    public static string Date(DateOnly? date) =>
        date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string KindLabel(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Date => "Ngày cụ thể",
        DeadlineKind.Month => "Tháng",
        DeadlineKind.Quarter => "Quý",
        DeadlineKind.HalfYear => "6 tháng",
        DeadlineKind.Year => "Trong năm",
        DeadlineKind.Window => "Khoảng thời gian",
        DeadlineKind.RecurringQuarterly => "Hàng quý",
        DeadlineKind.RecurringMonthly => "Hàng tháng",
        DeadlineKind.RecurringHalfYearly => "6 tháng một lần",
        DeadlineKind.RecurringYearly => "Hàng năm",
        DeadlineKind.List => "Nhiều kỳ",
        DeadlineKind.Ongoing => "Thường xuyên",
        DeadlineKind.SetLater => "Chưa ấn định",
        _ => "Chưa đọc được",
    };

    /// <summary>What the printed deadline means, in one line; a list names the due dates of its occurrences when given them.</summary>
    public static string Meaning(DeadlineKind kind, DateOnly? start, DateOnly? due, IReadOnlyList<DateOnly>? dues = null) => kind switch
    {
        DeadlineKind.Ongoing => "Không có hạn cụ thể; báo cáo trong mỗi kỳ",
        DeadlineKind.SetLater => "Cần ấn định ngày (chờ hướng dẫn)",
        DeadlineKind.Unparsed => "Không đọc được thời hạn; giữ nguyên văn",
        DeadlineKind.Window => $"Từ {Date(start)} đến {Date(due)}",
        DeadlineKind.List when dues is { Count: > 0 } => $"{dues.Count} lần, hạn {string.Join(", ", dues.Select(d => Date(d)))}",
        DeadlineKind.List => $"Nhiều kỳ, hạn cuối {Date(due)}",
        _ when kind.IsRecurring() && start is { } first && due is { } last => Recurring(kind, first, last),
        _ => $"Hạn {Date(due)}",
    };

    // "4 lần trong năm, hạn cuối mỗi quý (đến 31/12/2019)", "5 lần, hạn cuối mỗi năm (đến 31/12/2025)".
    private static string Recurring(DeadlineKind kind, DateOnly first, DateOnly last)
    {
        var count = DeadlineParser.Occurrences(kind, first, last).Count;
        var every = kind switch
        {
            DeadlineKind.RecurringMonthly => "tháng",
            DeadlineKind.RecurringQuarterly => "quý",
            DeadlineKind.RecurringHalfYearly => "6 tháng",
            _ => "năm",
        };
        var inYear = first.Year == last.Year && kind != DeadlineKind.RecurringYearly ? " trong năm" : "";
        return $"{count} lần{inYear}, hạn cuối mỗi {every} (đến {Date(last)})";
    }

    public static string Meaning(Deliverable d) =>
        Meaning(d.DeadlineKind, d.DeadlineStart, d.DeadlineDue,
            d.DeadlineKind == DeadlineKind.List ? PlanTracker.Core.States.Periods.Of(d).Select(p => p.Due).OfType<DateOnly>().ToList() : null);

    /// <summary>A UTC instant as Vietnamese local time, dd/MM/yyyy HH:mm.</summary>
    public static string DateTime(System.DateTime utc) => Local(utc, "dd/MM/yyyy HH:mm");

    /// <summary>A UTC instant as Vietnamese local time, in the given format.</summary>
    public static string Local(System.DateTime utc, string format) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), PlanTracker.Core.Time.VietnamClock.Zone)
            .ToString(format, CultureInfo.InvariantCulture);

    public static string StatusLabel(PlanTracker.Core.Progress.ProgressStatus status) => status switch
    {
        PlanTracker.Core.Progress.ProgressStatus.Done => "Hoàn thành",
        PlanTracker.Core.Progress.ProgressStatus.AwaitingVerification => "Chờ xác nhận",
        PlanTracker.Core.Progress.ProgressStatus.InProgress => "Đang thực hiện",
        _ => "Chưa thực hiện",
    };

    public static string StateClass(PlanTracker.Core.States.DeliverableState state) => "state state-" + state.ToString().ToLowerInvariant();

    public static string RoleLabel(AssignmentRole role) => role == AssignmentRole.Lead ? "Chủ trì" : "Phối hợp";
}
