using System.Globalization;

namespace PlanTracker.Core.Reminders;

/// <summary>
/// The two calendar traps that change what reminders send without any error: a year missing from the holiday
/// list (every weekday of it, Tết included, becomes a working day) and a run dated after today (made while
/// Clock:Today was set ahead), which planning sets aside. Said in Vietnamese on the page, in English in the
/// command line and the log.
/// </summary>
public sealed record ScheduleWarnings(DateOnly Today, bool HolidaysListed, DateOnly? LatestRun)
{
    /// <summary>The date of the latest run when it is after today.</summary>
    public DateOnly? RunAhead => LatestRun > Today ? LatestRun : null;

    public IEnumerable<string> Vietnamese()
    {
        if (!HolidaysListed)
            yield return $"Danh sách ngày nghỉ lễ chưa có năm {Today.Year}: mọi ngày từ thứ Hai đến thứ Sáu của năm {Today.Year}, " +
                $"kể cả Tết và các ngày lễ, đang được coi là ngày làm việc, nên thư nhắc vẫn được gửi vào những ngày đó. " +
                $"Xin bổ sung các ngày nghỉ năm {Today.Year} vào mục Calendar:Holidays trong appsettings.json rồi khởi động lại ứng dụng.";
        if (RunAhead is { } ahead)
            yield return $"Lần chạy gần nhất mang ngày {DigestWriter.Date(ahead)}, sau hôm nay ({DigestWriter.Date(Today)}); " +
                "có lẽ đã chạy khi ngày hệ thống (Clock:Today) bị đặt trước. Lần chạy đó không được tính: thư nhắc hôm nay tính từ " +
                "lần chạy gần nhất không muộn hơn hôm nay (chỉ riêng hôm nay nếu không có lần nào như vậy).";
    }

    public IEnumerable<string> English()
    {
        if (!HolidaysListed)
            yield return $"The holiday list (Calendar:Holidays) has no entry for {Today.Year}: every weekday of {Today.Year}, Tết included, " +
                $"counts as a working day and gets reminders. Add the {Today.Year} holidays to appsettings.json and restart.";
        if (RunAhead is { } ahead)
            yield return $"The latest reminder run is dated {Iso(ahead)}, after today ({Iso(Today)}), probably made with Clock:Today set ahead. " +
                "It is set aside: today's run covers the days since the latest run dated today or before (today only if there is none).";
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
