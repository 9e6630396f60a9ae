using System.Globalization;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Plans;

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
        DeadlineKind.Ongoing => "Thường xuyên",
        DeadlineKind.SetLater => "Chưa ấn định",
        _ => "Chưa đọc được",
    };

    /// <summary>What the printed deadline means, in one line.</summary>
    public static string Meaning(DeadlineKind kind, DateOnly? start, DateOnly? due) => kind switch
    {
        DeadlineKind.Ongoing => "Không có hạn cụ thể; báo cáo trong mỗi kỳ",
        DeadlineKind.SetLater => "Cần ấn định ngày (chờ hướng dẫn)",
        DeadlineKind.Unparsed => "Không đọc được thời hạn; giữ nguyên văn",
        DeadlineKind.RecurringQuarterly => $"4 lần trong năm, hạn cuối mỗi quý (đến {Date(due)})",
        DeadlineKind.Window => $"Từ {Date(start)} đến {Date(due)}",
        _ => $"Hạn {Date(due)}",
    };

    public static string Meaning(Deliverable d) => Meaning(d.DeadlineKind, d.DeadlineStart, d.DeadlineDue);

    /// <summary>A UTC instant as Vietnamese local time, dd/MM/yyyy HH:mm.</summary>
    public static string DateTime(System.DateTime utc) => Local(utc, "dd/MM/yyyy HH:mm");

    /// <summary>A UTC instant as Vietnamese local time, in the given format.</summary>
    public static string Local(System.DateTime utc, string format) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), PlanTracker.Core.Time.VietnamClock.Zone)
            .ToString(format, CultureInfo.InvariantCulture);

    public static string StatusLabel(PlanTracker.Core.Progress.ProgressStatus status) => status switch
    {
        PlanTracker.Core.Progress.ProgressStatus.Done => "Hoàn thành",
        PlanTracker.Core.Progress.ProgressStatus.InProgress => "Đang thực hiện",
        _ => "Chưa thực hiện",
    };

    public static string StateClass(PlanTracker.Core.States.DeliverableState state) => "state state-" + state.ToString().ToLowerInvariant();

    public static string RoleLabel(AssignmentRole role) => role == AssignmentRole.Lead ? "Chủ trì" : "Phối hợp";
}
