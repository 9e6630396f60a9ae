using System.Buffers;
using System.Globalization;
using System.Text;
using static System.FormattableString;

namespace PlanTracker.Web.Features.Calendar;

/// <summary>
/// One all-day deadline in a calendar feed. Everything in it comes from stored data (no clock, no row order), so an
/// unchanged item writes the same bytes on every refresh: calendar apps poll feeds every few hours.
/// </summary>
public sealed record FeedEvent(string Uid, DateOnly Date, string Summary, string Description, string? Url, int Sequence, DateTime StampUtc, bool Done);

/// <summary>
/// Writes a feed as RFC 5545 text straight into UTF-8 bytes: the lines and their order as Ical.Net 5 wrote them (the
/// event's properties in alphabetical order), without building an object graph and a string per event first.
/// </summary>
public static class IcsWriter
{
    /// <summary>Alarms before an open deadline, in days; a finished item keeps its event (history) but no alarm.</summary>
    public static readonly int[] AlarmDaysBefore = [7, 1];

    /// <summary>RFC 5545 3.1: a content line is folded so that no line is longer than 75 octets, CRLF excluded.</summary>
    public const int LineOctets = 75;

    public static byte[] Write(string name, IEnumerable<FeedEvent> events)
    {
        var sorted = events.OrderBy(e => e.Date).ThenBy(e => e.Uid, StringComparer.Ordinal).ToList();
        var output = new Output(EstimateOctets(name, sorted));
        output.Line("BEGIN:VCALENDAR");
        output.Line("PRODID:-//PlanTracker//Lich han CCHC//VI");
        output.Line("VERSION:2.0");
        output.Text("X-WR-CALNAME", name);
        output.Line("X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
        foreach (var e in sorted)
        {
            output.Line("BEGIN:VEVENT");
            output.Text("DESCRIPTION", e.Description);
            output.Line(Invariant($"DTEND;VALUE=DATE:{e.Date.AddDays(1):yyyyMMdd}"));
            output.Line(Invariant($"DTSTAMP:{e.StampUtc:yyyyMMdd'T'HHmmss}Z"));
            output.Line(Invariant($"DTSTART;VALUE=DATE:{e.Date:yyyyMMdd}"));
            output.Line(Invariant($"SEQUENCE:{e.Sequence}"));
            output.Text("SUMMARY", e.Summary);
            output.Line("TRANSP:TRANSPARENT");
            output.Text("UID", e.Uid);
            if (e.Url is not null) output.Value("URL", e.Url);
            if (!e.Done)
                foreach (var days in AlarmDaysBefore)
                {
                    output.Line("BEGIN:VALARM");
                    output.Line("ACTION:DISPLAY");
                    output.Text("DESCRIPTION", e.Summary);
                    output.Line(Invariant($"TRIGGER:-P{days}D"));
                    output.Line("END:VALARM");
                }
            output.Line("END:VEVENT");
        }
        output.Line("END:VCALENDAR");
        return output.ToArray();
    }

    /// <summary>A little above the written size, so that the buffer is allocated once (the busiest feed at 100k is ~3.9 MB).</summary>
    private static int EstimateOctets(string name, List<FeedEvent> events)
    {
        var octets = 256 + 2 * Encoding.UTF8.GetByteCount(name);
        foreach (var e in events)
        {
            var summary = Encoding.UTF8.GetByteCount(e.Summary);
            octets += 400 + (e.Done ? 1 : 3) * summary + Encoding.UTF8.GetByteCount(e.Description) + 2 * (e.Uid.Length + (e.Url?.Length ?? 0));
        }
        return octets + octets / 16; // escapes and folds
    }

    /// <summary>A quoted ETag from what the feed's content depends on, so that a 304 costs one small query.</summary>
    public static string ETag(string stamp) =>
        "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(stamp)))[..32] + "\"";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private sealed class Output(int capacity)
    {
        private readonly ArrayBufferWriter<byte> buffer = new(capacity);
        private int column;

        /// <summary>A line of ASCII that is never longer than a content line may be.</summary>
        public void Line(string line)
        {
            Append(line, escape: false);
            End();
        }

        /// <summary>A TEXT value: backslash, semicolon and comma escaped, a line break written as \n.</summary>
        public void Text(string property, string value)
        {
            Append(property, escape: false);
            Append(":", escape: false);
            Append(value, escape: true);
            End();
        }

        /// <summary>A value written as it is (a URI).</summary>
        public void Value(string property, string value)
        {
            Append(property, escape: false);
            Append(":", escape: false);
            Append(value, escape: false);
            End();
        }

        private void Append(string text, bool escape)
        {
            Span<byte> octets = stackalloc byte[4];
            foreach (var rune in text.EnumerateRunes())
            {
                var value = rune.Value;
                if (escape)
                {
                    if (value == '\r') continue; // CRLF as \n, as LF
                    if (value is '\\' or ';' or ',' or '\n')
                    {
                        Put((byte)'\\');
                        Put(value == '\n' ? (byte)'n' : (byte)value);
                        continue;
                    }
                }
                if (value < 0x80)
                {
                    Put((byte)value);
                    continue;
                }
                var length = rune.EncodeToUtf8(octets);
                if (column + length > LineOctets) Fold();
                octets[..length].CopyTo(buffer.GetSpan(length));
                buffer.Advance(length);
                column += length;
            }
        }

        private void Put(byte octet)
        {
            if (column + 1 > LineOctets) Fold();
            buffer.GetSpan(1)[0] = octet;
            buffer.Advance(1);
            column++;
        }

        /// <summary>CRLF and one space: a reader joins the two lines again; the space counts in the next line's octets.</summary>
        private void Fold()
        {
            "\r\n "u8.CopyTo(buffer.GetSpan(3));
            buffer.Advance(3);
            column = 1;
        }

        private void End()
        {
            "\r\n"u8.CopyTo(buffer.GetSpan(2));
            buffer.Advance(2);
            column = 0;
        }

        public byte[] ToArray() => buffer.WrittenSpan.ToArray();
    }
}
