using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Features.Calendar;

namespace PlanTracker.Tests.Features.Calendar;

/// <summary>The feed's own RFC 5545 writer, without a server: its bytes, and what Ical.Net and python3-icalendar read from them.</summary>
public class IcsWriterTests
{
    private const string Name = "Hạn CCHC - Sở Tư pháp";
    private static readonly DateTime Stamp = new(2019, 3, 4, 5, 6, 7, DateTimeKind.Utc);
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static FeedEvent Event(string uid, string summary, bool done = false, string description = "Kế hoạch: 163/KH-UBND", DateOnly? date = null) =>
        new(uid, date ?? new DateOnly(2019, 10, 1), summary, description, "http://localhost:5080/tasks/5", 3, Stamp, done);

    private static string Text(byte[] ics) => StrictUtf8.GetString(ics);

    /// <summary>The physical lines, each decoded alone: a fold inside a UTF-8 sequence would throw.</summary>
    private static List<byte[]> Lines(byte[] ics)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i + 1 < ics.Length; i++)
            if (ics[i] == '\r' && ics[i + 1] == '\n')
            {
                lines.Add(ics[start..i]);
                start = i + 2;
            }
        Assert.Equal(ics.Length, start); // every line, the last too, ends with CRLF
        return lines;
    }

    [Fact]
    public void A_long_Vietnamese_summary_is_folded_at_75_octets_between_characters_and_reads_back_whole()
    {
        var summary = "[Phối hợp] 1.2.3 (Quý I): Xây dựng, ban hành kế hoạch cải cách hành chính năm 2019 của Ủy ban nhân dân thành phố Cần Thơ, "
            + "rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Tư pháp";

        var ics = IcsWriter.Write(Name, [Event("deliverable-1-2-once@plantracker", summary)]);

        var lines = Lines(ics);
        Assert.All(lines, line => Assert.True(line.Length <= IcsWriter.LineOctets, $"{line.Length} octets: {Text(line)}"));
        Assert.All(lines, line => StrictUtf8.GetString(line));
        var summaryLines = lines.SkipWhile(l => !Text(l).StartsWith("SUMMARY:", StringComparison.Ordinal))
            .TakeWhile((l, i) => i == 0 || l[0] == ' ').ToList();
        Assert.True(summaryLines.Count >= 3);
        // A fold before a multi-octet character leaves its line short of 75 octets, where a cut at 75 would split it.
        Assert.Contains(summaryLines.Zip(summaryLines.Skip(1)), pair => pair.First.Length < IcsWriter.LineOctets && pair.Second[1] >= 0x80);
        var read = Ical.Net.Calendar.Load(Text(ics))!.Events.Single();
        Assert.Equal(summary, read.Summary);
        Assert.All(read.Alarms, a => Assert.Equal(summary, a.Description));
    }

    [Fact]
    public void Backslash_semicolon_comma_and_line_breaks_are_escaped_in_text_and_read_back_as_written()
    {
        const string summary = @"Sửa a\b; c, d";
        const string description = "Dòng một\nDòng hai\r\nDòng ba";

        var ics = Text(IcsWriter.Write("Lịch; thử, một", [Event("report-1-2-Q1@plantracker", summary, description: description)]));

        Assert.Contains("\r\nSUMMARY:Sửa a\\\\b\\; c\\, d\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDESCRIPTION:Dòng một\\nDòng hai\\nDòng ba\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nX-WR-CALNAME:Lịch\\; thử\\, một\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nURL:http://localhost:5080/tasks/5\r\n", ics, StringComparison.Ordinal);
        var calendar = Ical.Net.Calendar.Load(ics)!;
        var read = calendar.Events.Single();
        Assert.Equal(summary, read.Summary);
        Assert.Equal("Dòng một\nDòng hai\nDòng ba", read.Description);
        Assert.Equal("Lịch; thử, một", calendar.Properties["X-WR-CALNAME"]!.Value);
    }

    [Fact]
    public void An_empty_feed_is_the_calendar_with_its_name_and_time_zone()
    {
        var ics = Text(IcsWriter.Write("x", []));

        Assert.Equal("BEGIN:VCALENDAR\r\nPRODID:-//PlanTracker//Lich han CCHC//VI\r\nVERSION:2.0\r\nX-WR-CALNAME:x\r\n"
            + "X-WR-TIMEZONE:Asia/Ho_Chi_Minh\r\nEND:VCALENDAR\r\n", ics);
        Assert.Empty(Ical.Net.Calendar.Load(ics)!.Events);
    }

    [Fact]
    public void Only_open_items_have_alarms_seven_days_and_one_day_before()
    {
        var ics = Text(IcsWriter.Write(Name, [Event("deliverable-1-2-once@plantracker", "Mở"), Event("deliverable-3-2-once@plantracker", "[Đã xong] Xong", done: true)]));

        var events = Ical.Net.Calendar.Load(ics)!.Events.ToDictionary(e => e.Summary!);
        Assert.Equal(["-P7D", "-P1D"], events["Mở"].Alarms.Select(a => a.Trigger!.Duration!.ToString()!));
        Assert.All(events["Mở"].Alarms, a => Assert.Equal("DISPLAY", a.Action));
        Assert.Empty(events["[Đã xong] Xong"].Alarms);
        Assert.Equal(2, ics.Split("BEGIN:VALARM").Length - 1);
    }

    /// <summary>The bytes Ical.Net 5.2.4's CalendarSerializer wrote for this event (taken from it once): the same lines, order and folds.</summary>
    [Fact]
    public void An_event_is_written_byte_for_byte_as_Ical_Net_wrote_it()
    {
        var ics = IcsWriter.Write(@"Hạn CCHC - Sở Tư pháp, thử; a\b", [new("deliverable-1-2-once@plantracker", new DateOnly(2019, 10, 1),
            @"[Phối hợp] 1.2.3 (Quý I): Xây dựng, ban hành; kế hoạch \ cải cách hành chính năm 2019 của Ủy ban nhân dân thành phố Cần Thơ",
            "Kế hoạch: 163/KH-UBND\nNhiệm vụ 1.2: Tổ chức, thực hiện; xem \\ tiếp\nhttp://localhost:5080/tasks/5",
            "http://localhost:5080/tasks/5", 3, Stamp, false)]);

        string[] alarm = ["BEGIN:VALARM", "ACTION:DISPLAY", @"DESCRIPTION:[Phối hợp] 1.2.3 (Quý I): Xây dựng\, ban hành\; kế h",
            @" oạch \\ cải cách hành chính năm 2019 của Ủy ban nhân dân th", " ành phố Cần Thơ"];
        string[] expected = ["BEGIN:VCALENDAR", "PRODID:-//PlanTracker//Lich han CCHC//VI", "VERSION:2.0", @"X-WR-CALNAME:Hạn CCHC - Sở Tư pháp\, thử\; a\\b",
            "X-WR-TIMEZONE:Asia/Ho_Chi_Minh", "BEGIN:VEVENT", @"DESCRIPTION:Kế hoạch: 163/KH-UBND\nNhiệm vụ 1.2: Tổ chức\, th",
            @" ực hiện\; xem \\ tiếp\nhttp://localhost:5080/tasks/5", "DTEND;VALUE=DATE:20191002", "DTSTAMP:20190304T050607Z",
            "DTSTART;VALUE=DATE:20191001", "SEQUENCE:3", @"SUMMARY:[Phối hợp] 1.2.3 (Quý I): Xây dựng\, ban hành\; kế hoạ",
            @" ch \\ cải cách hành chính năm 2019 của Ủy ban nhân dân thành ", " phố Cần Thơ", "TRANSP:TRANSPARENT",
            "UID:deliverable-1-2-once@plantracker", "URL:http://localhost:5080/tasks/5", .. alarm, "TRIGGER:-P7D", "END:VALARM",
            .. alarm, "TRIGGER:-P1D", "END:VALARM", "END:VEVENT", "END:VCALENDAR", ""];
        Assert.Equal(string.Join("\r\n", expected), Text(ics));
    }

    [Fact]
    public async Task A_feed_of_3000_events_is_in_date_order_the_same_bytes_from_any_input_order_and_read_alike_by_Ical_Net_and_python_icalendar()
    {
        var events = Enumerable.Range(0, 3000).Select(i => Event($"deliverable-{i}-623-once@plantracker",
            $"{(i % 5 == 0 ? "[Đã xong] " : "")}{i / 100}.{i % 100}: Rà soát, đánh giá; công khai thủ tục hành chính số {i} của Ủy ban nhân dân thành phố",
            done: i % 5 == 0, description: $"Kế hoạch: 163/KH-UBND\nNhiệm vụ {i}: Thực hiện \\ báo cáo, kiểm tra; đôn đốc\nHạn: {i % 28 + 1:00}/10/2019",
            date: new DateOnly(2019, 1, 1).AddDays(i * 7919 % 365))).ToList();

        var ics = IcsWriter.Write(Name, events);

        Assert.Equal(ics, IcsWriter.Write(Name, Enumerable.Reverse(events)));
        Assert.All(Lines(ics), line => Assert.True(line.Length <= IcsWriter.LineOctets));
        var expected = events.OrderBy(e => e.Date).ThenBy(e => e.Uid, StringComparer.Ordinal).ToList();
        var read = Ical.Net.Calendar.Load(Text(ics))!.Events.ToList();
        Assert.Equal(expected.Select(e => (e.Uid, e.Summary, e.Description, e.Date, e.Sequence, e.Done ? 0 : 2)),
            read.Select(e => (e.Uid!, e.Summary!, e.Description!, e.DtStart!.Date, e.Sequence, e.Alarms.Count)));
        using var folder = new TempFolder();
        var file = folder.File("feed.ics");
        await File.WriteAllBytesAsync(file, ics);
        var python = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            [Path.Combine(RepoPaths.Root, "tests", "PlanTracker.Tests", "Features", "Calendar", "read_ics.py"), file])
        { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 })!;
        var output = python.StandardOutput.ReadToEndAsync();
        var errors = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, errors);
        var byPython = JsonSerializer.Deserialize<List<JsonElement>>(await output)!;
        Assert.Equal(expected.Select(e => (e.Uid, e.Summary, e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 1, true, e.Sequence,
                string.Join(',', e.Done ? [] : IcsWriter.AlarmDaysBefore.Select(d => -d * 86400)))),
            byPython.Select(e => (e.GetProperty("uid").GetString()!, e.GetProperty("summary").GetString()!, e.GetProperty("dtstart").GetString()!,
                e.GetProperty("days").GetInt32(), e.GetProperty("allDay").GetBoolean(), e.GetProperty("sequence").GetInt32(),
                string.Join(',', e.GetProperty("alarms").EnumerateArray().Select(a => a.GetInt32())))));
    }
}
