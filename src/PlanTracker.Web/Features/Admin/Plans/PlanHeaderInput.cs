using PlanTracker.Web.Features.Shared;
namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>The plan header as typed in a form; every field a string so that all messages are Vietnamese.</summary>
public sealed class PlanHeaderInput
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public string? Number { get; set; }
    public string? Title { get; set; }
    public string? Year { get; set; }
    public string? IssuedOn { get; set; }
    public string? Issuer { get; set; }
    public string? SignedBy { get; set; }
    public string? SignerTitle { get; set; }
    /// <summary>The plan's Version when the form was opened.</summary>
    public int Version { get; set; }

    public static PlanHeaderInput Of(Core.Plans.Plan plan) => new()
    {
        Number = plan.Number,
        Title = plan.Title,
        Year = plan.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IssuedOn = plan.IssuedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Issuer = plan.Issuer,
        SignedBy = plan.SignedBy,
        SignerTitle = plan.SignerTitle,
        Version = plan.Version,
    };

    public PlanHeader? Check(Problems problems)
    {
        var number = problems.Required(Number, 64, "số kế hoạch (ví dụ 163/KH-UBND)");
        var title = problems.Required(Title, 500, "tên kế hoạch");
        var year = problems.Number(Year, MinYear, MaxYear, "năm kế hoạch");
        var issuedOn = problems.Date(IssuedOn, "ngày ban hành");
        var issuer = problems.Optional(Issuer, 200, "cơ quan ban hành");
        var signedBy = problems.Optional(SignedBy, 200, "người ký");
        var signerTitle = problems.Optional(SignerTitle, 100, "chức vụ người ký");
        return problems.Any ? null : new PlanHeader(number!, title!, year!.Value, issuedOn, issuer, signedBy, signerTitle);
    }
}

public sealed record PlanHeader(string Number, string Title, int Year, DateOnly? IssuedOn, string? Issuer, string? SignedBy, string? SignerTitle);
