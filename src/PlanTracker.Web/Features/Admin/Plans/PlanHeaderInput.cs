using System.Globalization;
using System.Text.RegularExpressions;
namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>The plan header as typed in a form; every field a string so that all messages are Vietnamese.</summary>
public sealed partial class PlanHeaderInput
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public string? Number { get; set; }
    public string? Title { get; set; }
    /// <summary>A year ("2019"), or a programme's period ("2021-2025").</summary>
    public string? Year { get; set; }
    public string? IssuedOn { get; set; }
    public string? Issuer { get; set; }
    public string? SignedBy { get; set; }
    public string? SignerTitle { get; set; }
    /// <summary>"Sở Nội vụ xác nhận hoàn thành"; null when the form did not carry the field, which leaves the setting as it is.</summary>
    public bool? VerifiesCompletions { get; set; }
    /// <summary>"Công khai tiến độ" (the public progress page); null when the form did not carry the field, which leaves it as it is.</summary>
    public bool? PublicProgress { get; set; }
    /// <summary>The plan's Version when the form was opened.</summary>
    public int Version { get; set; }

    public static PlanHeaderInput Of(Core.Plans.Plan plan) => new()
    {
        Number = plan.Number,
        Title = plan.Title,
        Year = plan.EndYear > plan.Year ? $"{plan.Year}-{plan.EndYear}" : plan.Year.ToString(CultureInfo.InvariantCulture),
        IssuedOn = plan.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Issuer = plan.Issuer,
        SignedBy = plan.SignedBy,
        SignerTitle = plan.SignerTitle,
        VerifiesCompletions = plan.VerifiesCompletions,
        PublicProgress = plan.PublicProgress,
        Version = plan.Version,
    };

    public PlanHeader? Check(Problems problems)
    {
        var number = problems.Required(Number, 64, "số kế hoạch (ví dụ 163/KH-UBND)");
        var title = problems.Required(Title, 500, "tên kế hoạch");
        var (year, endYear) = Period(problems);
        var issuedOn = problems.Date(IssuedOn, "ngày ban hành");
        var issuer = problems.Optional(Issuer, 200, "cơ quan ban hành");
        var signedBy = problems.Optional(SignedBy, 200, "người ký");
        var signerTitle = problems.Optional(SignerTitle, 100, "chức vụ người ký");
        return problems.Any ? null : new PlanHeader(number!, title!, year!.Value, endYear!.Value, issuedOn, issuer, signedBy, signerTitle);
    }

    /// <summary>"2019" is a year; "2021-2025" (or with "–") is a programme's period.</summary>
    private (int? Year, int? EndYear) Period(Problems problems)
    {
        if (PeriodPattern().Match(Year ?? "") is not { Success: true } period)
        {
            var year = problems.Number(Year, MinYear, MaxYear, "năm kế hoạch");
            return (year, year);
        }
        var (from, to) = (int.Parse(period.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(period.Groups[2].Value, CultureInfo.InvariantCulture));
        if (from is < MinYear or > MaxYear || to is < MinYear or > MaxYear || to <= from)
        {
            problems.Add($"Giai đoạn kế hoạch phải gồm hai năm từ {MinYear} đến {MaxYear}, năm đầu trước năm cuối (ví dụ 2021-2025).");
            return (null, null);
        }
        return (from, to);
    }

    [GeneratedRegex(@"^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$")]
    private static partial Regex PeriodPattern();
}

/// <summary>A plan header as checked: a period longer than its first year makes a programme.</summary>
public sealed record PlanHeader(string Number, string Title, int Year, int EndYear, DateOnly? IssuedOn, string? Issuer, string? SignedBy, string? SignerTitle)
{
    public Core.Plans.PlanKind Kind => EndYear > Year ? Core.Plans.PlanKind.Programme : Core.Plans.PlanKind.CityAnnual;
}
