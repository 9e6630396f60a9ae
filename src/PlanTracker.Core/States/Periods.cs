using System.Globalization;
using PlanTracker.Core.Deadlines;

namespace PlanTracker.Core.States;

/// <summary>
/// The periods a deliverable is tracked in: one for a one-off deadline, one per occurrence for a recurring deadline
/// ("Hàng quý", "Hằng năm", ...) or a list ("Quý II, Quý IV năm 2020"). Keys name the period: "Q1", "M3", "H1" within
/// one year, with the year in front ("2022-Q1") when the deadline spans several, and the year alone for a yearly one.
/// A recurring deadline's occurrences follow from its stored start, due and kind; a list's are read again from its text.
/// </summary>
public static class Periods
{
    public sealed record Period(string Key, DateOnly? Start, DateOnly? Due);

    public static IReadOnlyList<Period> Of(DeadlineKind kind, DateOnly? start, DateOnly? due, string? text = null)
    {
        if (!kind.HasOccurrences() || start is not { } first || due is not { } last)
            return [new Period("", start, due)];
        var occurrences = kind == DeadlineKind.List
            ? DeadlineParser.Parse(text, first.Year, last.Year).Occurrences.Where(o => o.Start >= first && o.Due <= last).ToList()
            : DeadlineParser.Occurrences(kind, first, last);
        if (occurrences.Count == 0) return [new Period("", start, due)];
        var withYear = first.Year != last.Year;
        return [.. occurrences.Select(o => new Period(Key(o, withYear), o.Start, o.Due))];
    }

    public static IReadOnlyList<Period> Of(Deliverable d) => Of(d.DeadlineKind, d.DeadlineStart, d.DeadlineDue, d.DeadlineText);

    private static string Key(DeadlineOccurrence o, bool withYear)
    {
        var months = (o.Due.Year - o.Start.Year) * 12 + o.Due.Month - o.Start.Month + 1;
        var prefix = withYear ? o.Start.Year.ToString(CultureInfo.InvariantCulture) + "-" : "";
        return months switch
        {
            1 => $"{prefix}M{o.Start.Month}",
            3 => $"{prefix}Q{(o.Start.Month + 2) / 3}",
            6 => $"{prefix}H{(o.Start.Month + 5) / 6}",
            12 => o.Start.Year.ToString(CultureInfo.InvariantCulture),
            _ => o.Due.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The quarter keys an ongoing deliverable takes progress notes for.</summary>
    public static readonly string[] Quarters = ["Q1", "Q2", "Q3", "Q4"];

    public static string Label(string key)
    {
        var (year, period) = key.Length > 5 && key[4] == '-' ? (key[..4], key[5..]) : ("", key);
        var label = period switch
        {
            "" => "",
            ['Q', var n] => $"Quý {n}",
            ['M', .. var m] => $"Tháng {m}",
            "H1" => "6 tháng đầu năm",
            "H2" => "6 tháng cuối năm",
            [_, _, _, _] => $"Năm {period}",
            _ => period,
        };
        return year.Length == 0 ? label : period[0] == 'H' ? $"{label} {year}" : $"{label}/{year}";
    }
}
