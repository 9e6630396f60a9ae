using System.Globalization;

namespace PlanTracker.Core.Monitoring;

/// <summary>
/// How the provincial PAR Index (Chỉ số CCHC, QĐ 2498/QĐ-BNV) scores the criteria PlanTracker can measure, bound from
/// the "ParIndex" settings so that Sở Nội vụ changes the rule when Bộ Nội vụ changes it, without a new release.
/// </summary>
public sealed class ParIndexOptions
{
    public const string Section = "ParIndex";

    /// <summary>The criteria the app measures: "1.2" (periodic reports on time) and "1.6" (assigned tasks done on time).</summary>
    public static readonly string[] MeasuredCodes = ["1.2", "1.6"];

    public List<ParCriterion> Criteria { get; set; } = [];

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public ParCriterion? Find(string code) => Criteria.FirstOrDefault(c => c.Code == code);

    /// <summary>Every problem with the settings, each naming its place ("ParIndex:Criteria:0:Bands:1"); empty when valid.</summary>
    public List<string> Problems()
    {
        var problems = new List<string>();
        if (Criteria.Count == 0) problems.Add($"{Section}:Criteria is empty: give the bands of criteria {string.Join(" and ", MeasuredCodes)}.");
        for (var i = 0; i < Criteria.Count; i++)
        {
            var c = Criteria[i];
            var at = $"{Section}:Criteria:{i}";
            if (!MeasuredCodes.Contains(c.Code))
                problems.Add($"{at}:Code is \"{c.Code}\"; PlanTracker measures only criteria {string.Join(" and ", MeasuredCodes)}.");
            else if (Criteria.FindIndex(o => o.Code == c.Code) != i)
                problems.Add($"{at}:Code \"{c.Code}\" is given twice.");
            if (string.IsNullOrWhiteSpace(c.Name)) problems.Add($"{at}:Name is empty.");
            if (c.MaxPoints <= 0) problems.Add($"{at}:MaxPoints must be above 0 (it is {N(c.MaxPoints)}).");
            if (c.Bands.Count == 0) problems.Add($"{at}:Bands is empty: give at least the band for a rate of 100%.");
            for (var b = 0; b < c.Bands.Count; b++)
            {
                var band = c.Bands[b];
                var bandAt = $"{at}:Bands:{b}";
                if (band.MinRate is < 0 or > 1) problems.Add($"{bandAt}:MinRate must be between 0 and 1 (it is {N(band.MinRate)}).");
                if (band.Points < 0 || band.Points > c.MaxPoints)
                    problems.Add($"{bandAt}:Points must be between 0 and MaxPoints {N(c.MaxPoints)} (it is {N(band.Points)}).");
                if (b > 0 && band.MinRate >= c.Bands[b - 1].MinRate)
                    problems.Add($"{bandAt}:MinRate {N(band.MinRate)} must be below the previous band's {N(c.Bands[b - 1].MinRate)}: bands go from the highest rate down.");
                if (b > 0 && band.Points > c.Bands[b - 1].Points)
                    problems.Add($"{bandAt}:Points {N(band.Points)} must not be above the previous band's {N(c.Bands[b - 1].Points)}: a lower rate never earns more.");
            }
        }
        return problems;
    }
}

/// <summary>One criterion: its code and name as QĐ 2498 prints them, its maximum and the points each band of the rate earns.</summary>
public sealed class ParCriterion
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal MaxPoints { get; set; }
    /// <summary>From the highest rate down; a rate below the last band earns 0.</summary>
    public List<ParBand> Bands { get; set; } = [];
}

/// <summary>A rate of at least <see cref="MinRate"/> (0 to 1) earns <see cref="Points"/>.</summary>
public sealed class ParBand
{
    public decimal MinRate { get; set; }
    public decimal Points { get; set; }
}

/// <summary>The projected points on one criterion: the city's rate, the points it earns, the maximum and what is lost.</summary>
public sealed record ParProjection(ParCriterion Criterion, decimal? Rate, decimal Points)
{
    public decimal Lost => Criterion.MaxPoints - Points;
}

public static class ParScoring
{
    private static readonly CultureInfo Vi = new("vi-VN");

    /// <summary>
    /// The points a rate earns: those of the first band (highest first) whose MinRate it reaches, 0 below them all.
    /// Nothing due yet (a null rate) loses nothing yet: the projection is the maximum, and the page says why.
    /// </summary>
    public static ParProjection Project(ParCriterion criterion, decimal? rate)
    {
        if (rate is not { } r) return new(criterion, null, criterion.MaxPoints);
        var band = criterion.Bands.FirstOrDefault(b => r >= b.MinRate);
        return new(criterion, r, band?.Points ?? 0);
    }

    /// <summary>The rule in Vietnamese: "Tỷ lệ 100%: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm."</summary>
    public static string Rule(ParCriterion criterion)
    {
        var parts = new List<string>();
        for (var i = 0; i < criterion.Bands.Count; i++)
        {
            var band = criterion.Bands[i];
            var range = i == 0
                ? band.MinRate >= 1 ? $"tỷ lệ {Percent(band.MinRate)}" : $"tỷ lệ từ {Percent(band.MinRate)} trở lên"
                : $"từ {Percent(band.MinRate)} đến dưới {Percent(criterion.Bands[i - 1].MinRate)}";
            parts.Add($"{range}: {Number(band.Points)} điểm");
        }
        if (criterion.Bands.LastOrDefault() is { MinRate: > 0 } last) parts.Add($"dưới {Percent(last.MinRate)}: 0 điểm");
        var text = string.Join("; ", parts);
        return text.Length == 0 ? "" : char.ToUpper(text[0], Vi) + text[1..] + ".";
    }

    public static string Percent(decimal rate) => (rate * 100).ToString("0.#", Vi) + "%";

    public static string Number(decimal points) => points.ToString("0.##", Vi);
}
