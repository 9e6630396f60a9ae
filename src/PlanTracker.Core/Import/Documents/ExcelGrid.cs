using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PlanTracker.Core.Import.Documents;

/// <summary>
/// One worksheet as text cells by row and column (1-based), whatever program wrote it: shared or inline strings,
/// numbers, booleans and dates (a date becomes "dd/MM/yyyy", the form the deadline parser reads). A merged range
/// gives its value to every cell it covers, and remembers which cells were covered from above and which rows are
/// merged across the table (a section row).
/// </summary>
internal sealed partial class ExcelGrid
{
    private readonly Dictionary<(int Row, int Column), string> cells = [];
    private readonly HashSet<(int Row, int Column)> coveredFromAbove = [];
    private readonly HashSet<int> mergedAcross = [];

    private ExcelGrid(string name) => Name = name;

    public string Name { get; }
    public int RowCount { get; private set; }
    public int ColumnCount { get; private set; }

    /// <summary>The cell's text, NFC, line breaks kept; "" when empty.</summary>
    public string this[int row, int column] => cells.GetValueOrDefault((row, column), "");

    public bool IsCoveredFromAbove(int row, int column) => coveredFromAbove.Contains((row, column));

    /// <summary>Whether a merged range starting on this row spans three columns or more.</summary>
    public bool IsMergedAcross(int row) => mergedAcross.Contains(row);

    public string Place(int row) => $"Trang tính {Name}, dòng {row}";

    /// <summary>Every worksheet of the workbook, in the workbook's order (chart sheets left out).</summary>
    public static List<ExcelGrid> ReadAll(SpreadsheetDocument workbook)
    {
        var book = workbook.WorkbookPart;
        if (book?.Workbook?.Sheets is null) return [];
        var strings = book.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(StringItemText).ToList() ?? [];
        var dateStyles = DateStyles(book.WorkbookStylesPart?.Stylesheet);
        var grids = new List<ExcelGrid>();
        foreach (var sheet in book.Workbook.Sheets.Elements<Sheet>())
            if (sheet.Id?.Value is { } id && book.GetPartById(id) is WorksheetPart part)
                grids.Add(Read(sheet.Name?.Value ?? "", part.Worksheet, strings, dateStyles));
        return grids;
    }

    private static ExcelGrid Read(string name, Worksheet worksheet, List<string> strings, HashSet<uint> dateStyles)
    {
        var grid = new ExcelGrid(name);
        var rowNumber = 0;
        foreach (var row in worksheet.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
        {
            rowNumber = row.RowIndex?.Value is { } index ? (int)index : rowNumber + 1;
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? Reference(reference).Column : column + 1;
                var text = Text(cell, strings, dateStyles);
                if (text.Length > 0) grid.Set(rowNumber, column, text);
            }
        }
        foreach (var merge in worksheet.Elements<MergeCells>().SelectMany(m => m.Elements<MergeCell>()))
        {
            if (merge.Reference?.Value?.Split(':') is not [var from, var to]) continue;
            var (top, left) = Reference(from);
            var (bottom, right) = Reference(to);
            if (right - left >= 2) grid.mergedAcross.Add(top);
            var value = grid[top, left];
            for (var r = top; r <= bottom; r++)
                for (var c = left; c <= right; c++)
                {
                    if (r == top && c == left) continue;
                    if (r > top) grid.coveredFromAbove.Add((r, c));
                    if (value.Length > 0) grid.Set(r, c, value);
                }
        }
        return grid;
    }

    private void Set(int row, int column, string text)
    {
        cells[(row, column)] = text;
        RowCount = Math.Max(RowCount, row);
        ColumnCount = Math.Max(ColumnCount, column);
    }

    private static string Text(Cell cell, List<string> strings, HashSet<uint> dateStyles)
    {
        var value = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        string text;
        if (type == CellValues.SharedString)
            text = int.TryParse(value, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count ? strings[i] : "";
        else if (type == CellValues.InlineString)
            text = cell.InlineString is { } inline ? StringItemText(inline) : value;
        else if (type == CellValues.Boolean)
            text = value == "1" ? "TRUE" : "FALSE";
        else if (type == CellValues.Date)
            text = DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : value;
        else if (type is null || type == CellValues.Number)
            text = cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
                && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466
                ? DateTime.FromOADate(serial).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
                : value;
        else
            text = value;
        return Core.Text.VietnameseText.XmlSafe(text).Normalize(NormalizationForm.FormC).Trim();
    }

    /// <summary>A string item's text: its own text or its runs', without phonetic guides.</summary>
    private static string StringItemText(OpenXmlElement item) =>
        string.Concat(item.Elements<DocumentFormat.OpenXml.Spreadsheet.Text>().Select(t => t.Text).Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? "")));

    /// <summary>The cell styles whose number format shows a date: built-in 14–22 and 45–47, or a format with d or y.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? styles)
    {
        var dateFormats = new HashSet<uint> { 14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47 };
        foreach (var format in styles?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
            if (format.NumberFormatId?.Value is { } id && IsDateFormat(format.FormatCode?.Value)) dateFormats.Add(id);
        var result = new HashSet<uint>();
        var index = 0u;
        foreach (var xf in styles?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            if (xf.NumberFormatId?.Value is { } id && dateFormats.Contains(id)) result.Add(index);
            index++;
        }
        return result;
    }

    private static bool IsDateFormat(string? code)
    {
        if (code is null) return false;
        var bare = Literals().Replace(code, "").ToLowerInvariant();
        return bare.Contains('d') || bare.Contains('y');
    }

    /// <summary>"B12" → (12, 2).</summary>
    private static (int Row, int Column) Reference(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        _ = int.TryParse(reference.AsSpan(i), CultureInfo.InvariantCulture, out var row);
        return (row, column);
    }

    [GeneratedRegex("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.")]
    private static partial Regex Literals();
}
