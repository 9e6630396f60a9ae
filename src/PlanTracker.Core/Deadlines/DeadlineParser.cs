using System.Globalization;
using System.Text.RegularExpressions;
using PlanTracker.Core.Text;

namespace PlanTracker.Core.Deadlines;

/// <summary>
/// Reads the Vietnamese deadline expressions of CCHC plans ("Quý IV năm 2019", "Hàng quý",
/// "trước ngày 31/01/2019", ...). Matching runs on the diacritic-free folding of the text, so
/// "Quý", "quý" and "Quy" read alike. It never throws: what it cannot read comes back as
/// <see cref="DeadlineKind.Unparsed"/> with the text kept verbatim.
/// </summary>
public static partial class DeadlineParser
{
    public static ParsedDeadline Parse(string? text, int planYear)
    {
        var printed = VietnameseText.Clean(text);
        if (printed.Length == 0) return ParsedDeadline.Unparsed(printed);

        var whole = Read(printed, planYear);
        if (whole is not null) return whole;

        // "Trong năm 2019, theo chỉ đạo của Thành ủy": a readable deadline followed by a qualifier.
        var cut = printed.IndexOfAny([',', ';', '(']);
        if (cut > 0)
        {
            var head = Read(printed[..cut], planYear);
            if (head is not null && head.Kind != DeadlineKind.Unparsed)
                return head with { Text = printed, Note = printed[cut..].Trim(' ', ',', ';', '(', ')') };
        }
        return ParsedDeadline.Unparsed(printed);
    }

    private static ParsedDeadline? Read(string printed, int planYear)
    {
        var f = VietnameseText.SearchKey(printed).TrimEnd('.', ' ', ';', ',');
        if (planYear is < 1900 or > 2200) planYear = DateTime.Today.Year;

        try
        {
            return ReadOngoing(printed, f)
                ?? ReadSetLater(printed, f)
                ?? ReadRecurringQuarterly(printed, f, planYear)
                ?? ReadWindow(printed, f, planYear)
                ?? ReadQuarter(printed, f, planYear)
                ?? ReadHalfYear(printed, f, planYear)
                ?? ReadMonth(printed, f, planYear)
                ?? ReadYear(printed, f, planYear)
                ?? ReadDate(printed, f, planYear);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // a date that does not exist, such as 31/02
        }
    }

    private static ParsedDeadline? ReadOngoing(string printed, string f) =>
        OngoingPattern().IsMatch(f) ? new(printed, DeadlineKind.Ongoing, null, null, [], null) : null;

    private static ParsedDeadline? ReadSetLater(string printed, string f) =>
        SetLaterPattern().IsMatch(f) ? new(printed, DeadlineKind.SetLater, null, null, [], null) : null;

    private static ParsedDeadline? ReadRecurringQuarterly(string printed, string f, int planYear)
    {
        var m = RecurringQuarterlyPattern().Match(f);
        if (!m.Success) return null;
        var year = YearOr(m.Groups["y"], planYear);
        var occurrences = Enumerable.Range(1, 4)
            .Select(q => new DeadlineOccurrence(QuarterStart(year, q), QuarterEnd(year, q)))
            .ToList();
        return new(printed, DeadlineKind.RecurringQuarterly, occurrences[0].Start, occurrences[^1].Due, occurrences, null);
    }

    private static ParsedDeadline? ReadWindow(string printed, string f, int planYear)
    {
        var m = WindowPattern().Match(f);
        if (!m.Success) return null;
        var endYear = YearOr(m.Groups["y2"], planYear);
        var startYear = YearOr(m.Groups["y1"], endYear);
        var (start, _) = PeriodOf(m, "1", startYear);
        var (_, due) = PeriodOf(m, "2", endYear);
        return due < start ? null : new(printed, DeadlineKind.Window, start, due, [], null);
    }

    private static (DateOnly Start, DateOnly End) PeriodOf(Match m, string n, int year)
    {
        if (m.Groups["q" + n].Success)
        {
            var q = QuarterNumber(m.Groups["q" + n].Value);
            return (QuarterStart(year, q), QuarterEnd(year, q));
        }
        var month = int.Parse(m.Groups["m" + n].Value, CultureInfo.InvariantCulture);
        return (new DateOnly(year, month, 1), MonthEnd(year, month));
    }

    private static ParsedDeadline? ReadQuarter(string printed, string f, int planYear)
    {
        var m = QuarterPattern().Match(f);
        if (!m.Success) return null;
        var year = YearOr(m.Groups["y"], planYear);
        var q = QuarterNumber(m.Groups["q"].Value);
        return new(printed, DeadlineKind.Quarter, QuarterStart(year, q), QuarterEnd(year, q), [], null);
    }

    private static ParsedDeadline? ReadHalfYear(string printed, string f, int planYear)
    {
        var m = HalfYearPattern().Match(f);
        if (!m.Success) return null;
        var year = YearOr(m.Groups["y"], planYear);
        var firstHalf = m.Groups["half"].Value == "dau";
        return firstHalf
            ? new(printed, DeadlineKind.HalfYear, new DateOnly(year, 1, 1), new DateOnly(year, 6, 30), [], null)
            : new(printed, DeadlineKind.HalfYear, new DateOnly(year, 7, 1), new DateOnly(year, 12, 31), [], null);
    }

    private static ParsedDeadline? ReadMonth(string printed, string f, int planYear)
    {
        var m = MonthPattern().Match(f);
        if (!m.Success) return null;
        var year = YearOr(m.Groups["y"], planYear);
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        return new(printed, DeadlineKind.Month, new DateOnly(year, month, 1), MonthEnd(year, month), [], null);
    }

    private static ParsedDeadline? ReadYear(string printed, string f, int planYear)
    {
        var m = YearPattern().Match(f);
        if (!m.Success) return null;
        var year = YearOr(m.Groups["y"], planYear);
        return new(printed, DeadlineKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), [], null);
    }

    private static ParsedDeadline? ReadDate(string printed, string f, int planYear)
    {
        var m = DatePattern().Match(f);
        if (!m.Success) m = LongDatePattern().Match(f);
        if (!m.Success) return null;
        var year = YearOr(m.Groups["y"], planYear);
        var due = new DateOnly(year, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture));
        return new(printed, DeadlineKind.Date, null, due, [], null);
    }

    private static int YearOr(Group group, int fallback) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : fallback;

    private static int QuarterNumber(string token) => token switch
    {
        "i" or "1" => 1,
        "ii" or "2" => 2,
        "iii" or "3" => 3,
        _ => 4,
    };

    private static DateOnly QuarterStart(int year, int quarter) => new(year, quarter * 3 - 2, 1);
    private static DateOnly QuarterEnd(int year, int quarter) => MonthEnd(year, quarter * 3);
    private static DateOnly MonthEnd(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    [GeneratedRegex(@"^(thuong xuyen|lien tuc|thuong xuyen, lien tuc)$")]
    private static partial Regex OngoingPattern();

    [GeneratedRegex(@"^(theo|khi co|sau khi|cho) .*(huong dan|chi dao|ke hoach|lo trinh|quy dinh|yeu cau|van ban|thong bao)")]
    private static partial Regex SetLaterPattern();

    [GeneratedRegex(@"^(dinh ky )?hang quy(?:\s*(?:nam|/)\s*(?<y>\d{4}))?$")]
    private static partial Regex RecurringQuarterlyPattern();

    [GeneratedRegex(@"^(?:tu\s+)?(?:quy\s*(?<q1>iv|iii|ii|i|[1-4])|thang\s*(?<m1>1[0-2]|0?[1-9]))(?:\s*(?:nam|/)\s*(?<y1>\d{4}))?\s*(?:-|–|den)\s*(?:(?:quy\s*)?(?<q2>iv|iii|ii|i|[1-4])(?!\d)|thang\s*(?<m2>1[0-2]|0?[1-9]))(?:\s*(?:nam|/)\s*(?<y2>\d{4}))?$")]
    private static partial Regex WindowPattern();

    [GeneratedRegex(@"^(?:trong |trong\s+|cuoi |het |truoc het )?quy\s*(?<q>iv|iii|ii|i|[1-4])(?:\s*(?:nam|/|-)\s*(?<y>\d{4}))?$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(?:trong )?(?:06|6) thang (?<half>dau|cuoi) nam(?:\s*(?<y>\d{4}))?$")]
    private static partial Regex HalfYearPattern();

    [GeneratedRegex(@"^(?:trong |cuoi |truoc het )?thang\s*(?<m>1[0-2]|0?[1-9])(?:\s*(?:nam|/|-)\s*(?<y>\d{4}))?$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(?:trong |trong ca |ca |cuoi |hang )?nam(?:\s*(?<y>\d{4}))?$|^(?<y>\d{4})$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(?:(?:truoc|den|han|cham nhat|trong)\s+)?(?:(?:ngay)\s+)?(?<d>3[01]|[12]\d|0?[1-9])\s*[/.-]\s*(?<m>1[0-2]|0?[1-9])(?:\s*[/.-]\s*(?<y>\d{4}))?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?:(?:truoc|den|han|cham nhat)\s+)?ngay\s+(?<d>3[01]|[12]\d|0?[1-9])\s+thang\s+(?<m>1[0-2]|0?[1-9])(?:\s+nam\s+(?<y>\d{4}))?$")]
    private static partial Regex LongDatePattern();
}
