namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>A duty of section III ("Tổ chức thực hiện") as typed in its form.</summary>
public sealed class DutyInput : IVersionedForm
{
    public string? Code { get; set; }
    /// <summary>The units as printed, one a line.</summary>
    public string? Units { get; set; }
    public string? Text { get; set; }
    public string? Product { get; set; }
    public string? Recipient { get; set; }
    public string? DeadlineText { get; set; }
    public List<string> Periods { get; set; } = [];
    public string? Note { get; set; }
    /// <summary>The duty's Version when the form was opened.</summary>
    public int Version { get; set; }

    public static DutyInput Of(PlanDuty d) => new()
    {
        Code = d.Code, Units = string.Join("\n", UnitNames(d.PrintedUnits)), Text = d.Text, Product = d.Product,
        Recipient = d.Recipient, DeadlineText = d.DeadlineText, Note = d.Note, Version = d.Version,
        Periods = [.. (d.Periods ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
    };

    public sealed record Valid(string Code, string PrintedUnits, string Text, string? Product, string? Recipient, string DeadlineText, string? Periods, string? Note);

    /// <summary>Checks the fields, and that no other duty of the plan has the code (the database refuses it too).</summary>
    public async Task<Valid?> CheckAsync(PlanTrackerDbContext db, int planId, int? dutyId, Problems problems)
    {
        var code = problems.Required(Code, 32, "mã (ví dụ III.1.a)");
        var units = string.Join("; ", UnitNames(Units ?? "").Select(Core.Text.VietnameseText.Clean));
        if (units.Length > 2000) problems.Add("Đơn vị thực hiện dài quá 2000 ký tự.");
        var text = problems.Required(Text, 4000, "nội dung");
        var product = problems.Optional(Product, 2000, "sản phẩm");
        var recipient = problems.Optional(Recipient, 200, "nơi nhận");
        var deadline = problems.Required(DeadlineText, 300, "thời hạn (ghi đúng như văn bản, ví dụ trước ngày 31/01/2020, Định kỳ)");
        var note = problems.Optional(Note, 2000, "ghi chú");
        var periods = StatementEdits.Periods.Select(p => p.Code).Where(Periods.Contains).ToList();
        if (Periods.Except(periods).Any()) problems.Add("Kỳ báo cáo chỉ gồm Quý I, 6 tháng, Quý III và Năm.");
        if (code is not null
            && await db.PlanDuties.AsNoTracking().AnyAsync(d => d.PlanId == planId && d.Code == code && d.Id != dutyId))
            problems.Add($"Kế hoạch đã có nhiệm vụ tổ chức thực hiện mã {code}; mỗi mã chỉ dùng một lần trong một kế hoạch. Hãy chọn mã khác.");
        return problems.Any ? null
            : new(code!, units, text!, product, recipient, deadline!, periods.Count == 0 ? null : string.Join(",", periods), note);
    }

    /// <summary>Names separated by lines or by the "; " they are stored with.</summary>
    private static string[] UnitNames(string units) =>
        units.Split(['\n', '\r', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
