namespace PlanTracker.Core.Import.Documents;

/// <summary>
/// The app's own .xlsx template: a sheet of the plan's header as label/value rows and a sheet with one row per
/// deliverable. The export writes these words and the reader looks for them, so the two cannot drift apart.
/// </summary>
public static class ExcelTemplate
{
    public const string PlanSheet = "Kế hoạch";
    public const string TaskSheet = "Nhiệm vụ";

    public const string Number = "Số", Title = "Tên", Year = "Năm", IssuedOn = "Ngày ban hành", Issuer = "Cơ quan ban hành",
        SignedBy = "Người ký", SignerTitle = "Chức vụ";

    public static readonly string[] PlanLabels = [Number, Title, Year, IssuedOn, Issuer, SignedBy, SignerTitle];

    /// <summary>The task sheet's columns, in order.</summary>
    public static readonly string[] Columns =
        ["Lĩnh vực", "Tên lĩnh vực", "Mã nhiệm vụ", "Nhiệm vụ", "Sản phẩm", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Ghi chú"];

    /// <summary>Units in one cell are joined with this, never a comma: group names hold commas ("UBND quận, huyện").</summary>
    public const string UnitSeparator = "; ";
}
