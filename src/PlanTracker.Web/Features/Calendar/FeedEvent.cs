using System.Globalization;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace PlanTracker.Web.Features.Calendar;

/// <summary>
/// One all-day deadline in a calendar feed. Everything in it comes from stored data (no clock, no row order), so an
/// unchanged item writes the same bytes on every refresh: calendar apps poll feeds every few hours.
/// </summary>
public sealed record FeedEvent(string Uid, DateOnly Date, string Summary, string Description, string? Url, int Sequence, DateTime StampUtc, bool Done);

public static class IcsWriter
{
    /// <summary>Alarms before an open deadline, in days; a finished item keeps its event (history) but no alarm.</summary>
    public static readonly int[] AlarmDaysBefore = [7, 1];

    public static string Write(string name, IEnumerable<FeedEvent> events)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//PlanTracker//Lich han CCHC//VI" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Ho_Chi_Minh");
        foreach (var e in events.OrderBy(e => e.Date).ThenBy(e => e.Uid, StringComparer.Ordinal))
        {
            var item = new CalendarEvent
            {
                Uid = e.Uid,
                Summary = e.Summary,
                Description = e.Description,
                DtStart = new CalDateTime(e.Date),
                DtEnd = new CalDateTime(e.Date.AddDays(1)),
                DtStamp = new CalDateTime(DateTime.SpecifyKind(e.StampUtc, DateTimeKind.Utc)),
                Sequence = e.Sequence,
                Transparency = TransparencyType.Transparent,
            };
            if (e.Url is not null) item.Url = new Uri(e.Url);
            if (!e.Done)
                foreach (var days in AlarmDaysBefore)
                    item.Alarms.Add(new Alarm
                    {
                        Action = AlarmAction.Display,
                        Description = e.Summary,
                        Trigger = new Trigger(Duration.FromDays(-days)),
                    });
            calendar.Events.Add(item);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>A quoted ETag from what the feed's content depends on, so that a 304 costs one small query.</summary>
    public static string ETag(string stamp) =>
        "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(stamp)))[..32] + "\"";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
