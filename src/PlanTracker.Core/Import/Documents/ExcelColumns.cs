using PlanTracker.Core.Text;

namespace PlanTracker.Core.Import.Documents;

internal enum ExcelColumn { Code, Label, SectionNumber, SectionTitle, Activity, Product, Lead, Coordinating, Deadline, Note }

/// <summary>
/// A task table's header row, found by its wording in any order (diacritics folded, case ignored):
/// "Nội dung"/"Nhiệm vụ"/"Hoạt động", "Sản phẩm", "Cơ quan/Đơn vị chủ trì", "Cơ quan/Đơn vị phối hợp",
/// "Thời hạn"/"Thời gian hoàn thành", and optionally "STT"/"TT", "Mã", "Lĩnh vực", "Ghi chú".
/// </summary>
internal sealed record ExcelHeader(int Row, Dictionary<ExcelColumn, int> Columns, List<(int Column, string Text)> Extra)
{
    public static readonly (ExcelColumn Column, string Name)[] Required =
    [
        (ExcelColumn.Activity, "Nhiệm vụ (Nội dung)"), (ExcelColumn.Product, "Sản phẩm"),
        (ExcelColumn.Lead, "Đơn vị chủ trì"), (ExcelColumn.Deadline, "Thời hạn (Thời gian hoàn thành)"),
    ];

    /// <summary>Rows searched for the header: a title and a letterhead may sit above it.</summary>
    private const int SearchedRows = 40;

    public IEnumerable<string> Missing => Required.Where(r => !Columns.ContainsKey(r.Column)).Select(r => r.Name);

    /// <summary>The row that names the most task columns, if one names two or more, one being the task or the product.</summary>
    public static ExcelHeader? Find(ExcelGrid grid)
    {
        ExcelHeader? best = null;
        for (var row = 1; row <= Math.Min(grid.RowCount, SearchedRows); row++)
        {
            var header = Read(grid, row);
            if (header.Columns.Count >= 2 && (header.Columns.ContainsKey(ExcelColumn.Activity) || header.Columns.ContainsKey(ExcelColumn.Product))
                && header.Columns.Count > (best?.Columns.Count ?? 0))
                best = header;
        }
        return best;
    }

    /// <summary>Whether the row repeats this header (a sheet pasted from a table that went over several pages).</summary>
    public bool IsRepeatedIn(ExcelGrid grid, int row) =>
        row != Row && Columns.Values.Count(c => grid[row, c].Length > 0
            && VietnameseText.SearchKey(grid[row, c]) == VietnameseText.SearchKey(grid[Row, c])) >= Math.Min(3, Columns.Count);

    private static ExcelHeader Read(ExcelGrid grid, int row)
    {
        var columns = new Dictionary<ExcelColumn, int>();
        var extra = new List<(int, string)>();
        for (var c = 1; c <= grid.ColumnCount; c++)
        {
            var text = grid[row, c];
            if (text.Length == 0 || (c > 1 && grid[row, c - 1] == text && grid.IsMergedAcross(row))) continue;
            if (Recognise(VietnameseText.SearchKey(text)) is { } column && columns.TryAdd(column, c)) continue;
            extra.Add((c, VietnameseText.Clean(text)));
        }
        return new ExcelHeader(row, columns, extra);
    }

    /// <summary>The template's own columns (code, section, note), else the task table's as the Word reader knows them.</summary>
    private static ExcelColumn? Recognise(string key) => key switch
    {
        "ma" or "ma so" => ExcelColumn.Code,
        _ when key.StartsWith("ma ", StringComparison.Ordinal) => ExcelColumn.Code,
        _ when key.Contains("ten linh vuc", StringComparison.Ordinal) => ExcelColumn.SectionTitle,
        _ when key.Contains("linh vuc", StringComparison.Ordinal) => ExcelColumn.SectionNumber,
        _ when key.Contains("ghi chu", StringComparison.Ordinal) => ExcelColumn.Note,
        _ => WordColumns.Kind(key) switch
        {
            WordColumn.Label => ExcelColumn.Label,
            WordColumn.Activity => ExcelColumn.Activity,
            WordColumn.Product => ExcelColumn.Product,
            WordColumn.Lead => ExcelColumn.Lead,
            WordColumn.Coordinating => ExcelColumn.Coordinating,
            WordColumn.Deadline => ExcelColumn.Deadline,
            _ => null,
        },
    };
}
