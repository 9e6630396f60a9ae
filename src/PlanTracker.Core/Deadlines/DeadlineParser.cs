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
    /// <summary>Reads a deadline of a one-year plan.</summary>
    public static ParsedDeadline Parse(string? text, int planYear) => Parse(text, planYear, planYear);

    /// <summary>
    /// Reads a deadline of a plan running from <paramref name="fromYear"/> to <paramref name="toYear"/>: a recurring
    /// deadline without a year of its own ("Hằng năm") has one occurrence per period in those years; a text without
    /// a year ("Quý I") means the first year.
    /// </summary>
    public static ParsedDeadline Parse(string? text, int fromYear, int toYear)
    {
        var printed = VietnameseText.Clean(text);
        if (printed.Length == 0) return ParsedDeadline.Unparsed(printed);
        if (fromYear is < MinYear or > MaxYear) fromYear = DateTime.Today.Year;
        if (toYear < fromYear || toYear > MaxYear) toYear = fromYear;
        var period = new PlanPeriod(fromYear, toYear);

        var whole = Read(printed, period);
        if (whole is not null) return whole;

        // "Trong năm 2019, theo chỉ đạo của Thành ủy": a readable deadline followed by a qualifier.
        var cut = printed.IndexOfAny([',', ';', '(']);
        if (cut > 0)
        {
            var head = Read(printed[..cut], period);
            if (head is not null && head.Kind != DeadlineKind.Unparsed)
                return head with { Text = printed, Note = printed[cut..].Trim(' ', ',', ';', '(', ')') };
        }
        return ParsedDeadline.Unparsed(printed);
    }

    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    /// <summary>The occurrences of a recurring deadline from the start of its first period to the end of its last.</summary>
    public static IReadOnlyList<DeadlineOccurrence> Occurrences(DeadlineKind kind, DateOnly first, DateOnly last)
    {
        var months = kind switch
        {
            DeadlineKind.RecurringMonthly => 1,
            DeadlineKind.RecurringQuarterly => 3,
            DeadlineKind.RecurringHalfYearly => 6,
            DeadlineKind.RecurringYearly => 12,
            _ => 0,
        };
        if (months == 0) return [];
        var occurrences = new List<DeadlineOccurrence>();
        for (var start = new DateOnly(first.Year, (first.Month - 1) / months * months + 1, 1); start <= last; start = start.AddMonths(months))
            occurrences.Add(new DeadlineOccurrence(start, start.AddMonths(months).AddDays(-1)));
        return occurrences;
    }

    private sealed record PlanPeriod(int From, int To);

    private static ParsedDeadline? Read(string printed, PlanPeriod period)
    {
        var f = VietnameseText.SearchKey(printed).TrimEnd('.', ' ', ';', ',');
        var planYear = period.From;

        try
        {
            return ReadOngoing(printed, f)
                ?? ReadSetLater(printed, f)
                ?? ReadRecurring(printed, f, period)
                ?? ReadWindow(printed, f, planYear)
                ?? ReadYearWindow(printed, f)
                ?? ReadList(printed, f, planYear)
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

    /// <summary>"Hàng quý", "Hằng năm", "Hàng tháng", "Định kỳ 6 tháng": one occurrence per period of the plan's years, or of the year named.</summary>
    private static ParsedDeadline? ReadRecurring(string printed, string f, PlanPeriod period)
    {
        var (m, kind) = RecurringQuarterlyPattern().Match(f) is { Success: true } q ? (q, DeadlineKind.RecurringQuarterly)
            : RecurringMonthlyPattern().Match(f) is { Success: true } mo ? (mo, DeadlineKind.RecurringMonthly)
            : RecurringHalfYearlyPattern().Match(f) is { Success: true } h ? (h, DeadlineKind.RecurringHalfYearly)
            : RecurringYearlyPattern().Match(f) is { Success: true } y ? (y, DeadlineKind.RecurringYearly)
            : (null, DeadlineKind.Unparsed);
        if (m is null) return null;
        var (from, to) = m.Groups["y"].Success ? (YearOr(m.Groups["y"], 0), YearOr(m.Groups["y"], 0)) : (period.From, period.To);
        var occurrences = Occurrences(kind, new DateOnly(from, 1, 1), new DateOnly(to, 12, 31));
        return new(printed, kind, occurrences[0].Start, occurrences[^1].Due, occurrences, null);
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

    /// <summary>"Giai đoạn 2021-2025", "2021 - 2025": from the first day of the first year to the last day of the last.</summary>
    private static ParsedDeadline? ReadYearWindow(string printed, string f)
    {
        var m = YearWindowPattern().Match(f);
        if (!m.Success) return null;
        var (first, last) = (YearOr(m.Groups["y1"], 0), YearOr(m.Groups["y2"], 0));
        return last <= first || last > MaxYear ? null
            : new(printed, DeadlineKind.Window, new DateOnly(first, 1, 1), new DateOnly(last, 12, 31), [], null);
    }

    /// <summary>
    /// "Quý II, Quý IV năm 2020", "Tháng 3 và tháng 9 năm 2022": one occurrence per named period, in time order. A period
    /// without a year takes the year of the next one that has one ("năm 2020" above covers both quarters), else the plan year.
    /// </summary>
    private static ParsedDeadline? ReadList(string printed, string f, int planYear)
    {
        var parts = ListSeparator().Split(f);
        if (parts.Length < 2) return null;
        var matches = parts.Select(p => ListItemPattern().Match(p.Trim())).ToList();
        if (matches.Any(m => !m.Success)) return null;

        var occurrences = new List<DeadlineOccurrence>();
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            var year = matches.Skip(i).FirstOrDefault(n => n.Groups["y"].Success) is { } named ? YearOr(named.Groups["y"], planYear) : planYear;
            if (m.Groups["q"].Success)
            {
                var q = QuarterNumber(m.Groups["q"].Value);
                occurrences.Add(new(QuarterStart(year, q), QuarterEnd(year, q)));
            }
            else if (m.Groups["half"].Success)
                occurrences.Add(m.Groups["half"].Value == "dau" ? new(new(year, 1, 1), new(year, 6, 30)) : new(new(year, 7, 1), new(year, 12, 31)));
            else
            {
                var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
                occurrences.Add(new(new DateOnly(year, month, 1), MonthEnd(year, month)));
            }
        }
        occurrences = [.. occurrences.Distinct().OrderBy(o => o.Due).ThenBy(o => o.Start)];
        return new(printed, DeadlineKind.List, occurrences.Min(o => o.Start), occurrences[^1].Due, occurrences, null);
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

    [GeneratedRegex(@"^(?:dinh ky\s*)?(?:hang|moi)\s*thang(?:\s*(?:nam|/)\s*(?<y>\d{4}))?$")]
    private static partial Regex RecurringMonthlyPattern();

    [GeneratedRegex(@"^(?:(?:dinh ky\s*)?(?:0?6|sau)\s*thang\s*(?:mot|1)\s*lan|(?:0?6|sau)\s*thang\s*/\s*lan|dinh ky\s*(?:0?6|sau)\s*thang|(?:hang|moi)\s*(?:0?6|sau)\s*thang)(?:\s*(?:nam|/)\s*(?<y>\d{4}))?$")]
    private static partial Regex RecurringHalfYearlyPattern();

    [GeneratedRegex(@"^(?:dinh ky\s*)?(?:hang|moi)\s*nam$")]
    private static partial Regex RecurringYearlyPattern();

    [GeneratedRegex(@"^(?:(?:trong\s*)?giai doan\s*|tu\s*(?:nam\s*)?)?(?<y1>\d{4})\s*(?:-|–|den\s*(?:nam\s*)?)\s*(?<y2>\d{4})$")]
    private static partial Regex YearWindowPattern();

    [GeneratedRegex(@"\s*(?:,|;|&|\bva\b)\s*")]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"^(?:quy\s*(?<q>iv|iii|ii|i|[1-4])|thang\s*(?<m>1[0-2]|0?[1-9])|(?:06|6) thang (?<half>dau|cuoi) nam)(?:\s*(?:nam|/|-)?\s*(?<y>\d{4}))?$")]
    private static partial Regex ListItemPattern();

    [GeneratedRegex(@"^(?:tu\s+)?(?:quy\s*(?<q1>iv|iii|ii|i|[1-4])|thang\s*(?<m1>1[0-2]|0?[1-9]))(?:\s*(?:nam|/)\s*(?<y1>\d{4}))?\s*(?:-|–|den)\s*(?:(?:quy\s*)?(?<q2>iv|iii|ii|i|[1-4])(?!\d)|thang\s*(?<m2>1[0-2]|0?[1-9]))(?:\s*(?:nam|/)\s*(?<y2>\d{4}))?$")]
    private static partial Regex WindowPattern();

    [GeneratedRegex(@"^(?:trong |trong\s+|cuoi |het |truoc het )?quy\s*(?<q>iv|iii|ii|i|[1-4])(?:\s*(?:nam|/|-)\s*(?<y>\d{4}))?$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(?:trong )?(?:06|6) thang (?<half>dau|cuoi) nam(?:\s*(?<y>\d{4}))?$")]
    private static partial Regex HalfYearPattern();

    [GeneratedRegex(@"^(?:trong |cuoi |truoc het )?thang\s*(?<m>1[0-2]|0?[1-9])(?:\s*(?:nam|/|-)\s*(?<y>\d{4}))?$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(?:trong |trong ca |ca |cuoi |hang )?nam(?:\s*(?<y>\d{4}))?$|^(?<y>\d{4})$|^den (?:het |cuoi )?nam\s*(?<y>\d{4})$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(?:(?:truoc|den|han|cham nhat|trong)\s+)?(?:(?:ngay)\s+)?(?<d>3[01]|[12]\d|0?[1-9])\s*[/.-]\s*(?<m>1[0-2]|0?[1-9])(?:\s*[/.-]\s*(?<y>\d{4}))?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?:(?:truoc|den|han|cham nhat)\s+)?ngay\s+(?<d>3[01]|[12]\d|0?[1-9])\s+thang\s+(?<m>1[0-2]|0?[1-9])(?:\s+nam\s+(?<y>\d{4}))?$")]
    private static partial Regex LongDatePattern();
}
