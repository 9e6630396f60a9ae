using PlanTracker.Core.Text;

namespace PlanTracker.Core.Import.Documents;

internal enum WordColumn { Label, Activity, Product, Lead, Coordinating, Deadline }

/// <summary>
/// The columns of a task table, found from its header row by their words, diacritics folded and case ignored,
/// whatever their order ("Nội dung"/"Nhiệm vụ"/"Hoạt động", "Cơ quan chủ trì"/"Đơn vị chủ trì (tham mưu)", ...).
/// </summary>
internal sealed record WordColumns(IReadOnlyDictionary<WordColumn, int> Found, IReadOnlyList<string> Extra)
{
    public static readonly WordColumn[] Required = [WordColumn.Activity, WordColumn.Product, WordColumn.Lead, WordColumn.Deadline];

    public int? this[WordColumn column] => Found.TryGetValue(column, out var i) ? i : null;
    public bool Complete => Required.All(Found.ContainsKey);
    public IEnumerable<WordColumn> Missing => Required.Where(c => !Found.ContainsKey(c));

    /// <summary>The columns a header row names; null when the row names fewer than two (it is not a header).</summary>
    public static WordColumns? FromHeader(WordRow row)
    {
        var found = new Dictionary<WordColumn, int>();
        var extra = new List<string>();
        for (var i = 0; i < row.Cells.Length; i++)
        {
            var cell = row.Cells[i];
            if (cell is null || (i > 0 && ReferenceEquals(row.Cells[i - 1], cell)) || cell.IsEmpty) continue;
            if (Kind(cell.Text) is WordColumn kind && !found.ContainsKey(kind)) found[kind] = i;
            else extra.Add(cell.Text);
        }
        return found.Count(f => f.Key != WordColumn.Label) >= 2 ? new WordColumns(found, extra) : null;
    }

    /// <summary>The column a header names, by its words without diacritics; the Excel reader asks the same.</summary>
    public static WordColumn? Kind(string header)
    {
        var key = VietnameseText.SearchKey(header).Trim('.', ':', ' ');
        if (key is "tt" or "stt" or "so tt" or "so thu tu" or "thu tu") return WordColumn.Label;
        if (key.Contains("chu tri", StringComparison.Ordinal)) return WordColumn.Lead;
        if (key.Contains("phoi hop", StringComparison.Ordinal)) return WordColumn.Coordinating;
        if (key.Contains("san pham", StringComparison.Ordinal) || key.Contains("ket qua dau ra", StringComparison.Ordinal)) return WordColumn.Product;
        if (key.Contains("thoi gian", StringComparison.Ordinal) || key.Contains("thoi han", StringComparison.Ordinal) || key.Contains("tien do", StringComparison.Ordinal))
            return WordColumn.Deadline;
        if (key.Contains("noi dung", StringComparison.Ordinal) || key.Contains("nhiem vu", StringComparison.Ordinal) || key.Contains("hoat dong", StringComparison.Ordinal))
            return WordColumn.Activity;
        return null;
    }

    /// <summary>A column's name as a person knows it, for messages.</summary>
    public static string Name(WordColumn column) => column switch
    {
        WordColumn.Label => "TT",
        WordColumn.Activity => "Nội dung/Nhiệm vụ",
        WordColumn.Product => "Sản phẩm",
        WordColumn.Lead => "Cơ quan chủ trì",
        WordColumn.Coordinating => "Cơ quan phối hợp",
        _ => "Thời gian hoàn thành/Thời hạn",
    };

    /// <summary>Whether another table's header names the same columns: the task table continued on another page.</summary>
    public bool SameAs(WordColumns other) =>
        Found.Count == other.Found.Count && Found.All(f => other.Found.TryGetValue(f.Key, out var i) && i == f.Value);
}
