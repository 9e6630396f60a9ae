using DocumentFormat.OpenXml.Wordprocessing;
using PlanTracker.Core.Text;

namespace PlanTracker.Core.Import.Documents;

/// <summary>
/// One cell of a Word table at a grid position: its printed lines, and whether it continues a cell merged down
/// from the row above (w:vMerge). A cell spanning several grid columns (w:gridSpan) is one cell.
/// </summary>
internal sealed record WordCell(IReadOnlyList<string> Lines, bool MergedFromAbove, int Span)
{
    public string Text => VietnameseText.Clean(string.Join(" ", Lines));
    public bool IsEmpty => Text.Length == 0;
}

/// <summary>A table row laid on the table grid: <see cref="Cells"/>[column] is the cell covering that column.</summary>
internal sealed record WordRow(int Number, WordCell?[] Cells, bool RepeatedHeader)
{
    public WordCell? At(int? column) => column is int c && c < Cells.Length ? Cells[c] : null;
    /// <summary>The text of the cell at the column, "" when it continues a cell merged down from above.</summary>
    public string TextAt(int? column) => At(column) is { MergedFromAbove: false } cell ? cell.Text : "";
    public bool MergedAt(int? column) => At(column) is { MergedFromAbove: true };

    /// <summary>The distinct cells of the row, left to right (a spanning cell once).</summary>
    public IEnumerable<WordCell> Distinct() => Cells.Where(c => c is not null).Distinct(ReferenceEqualityComparer.Instance).Cast<WordCell>();
}

internal static class WordTable
{
    public static List<WordRow> Rows(Table table)
    {
        var width = table.GetFirstChild<TableGrid>()?.Elements<GridColumn>().Count() ?? 0;
        var rows = new List<WordRow>();
        foreach (var (index, tr) in table.Elements<TableRow>().Index())
        {
            var cells = new List<WordCell?>();
            var above = rows.Count > 0 ? rows[^1].Cells : [];
            var before = tr.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            for (var i = 0; i < before; i++) cells.Add(null);
            foreach (var tc in tr.Elements<TableCell>())
            {
                var span = Math.Max(1, tc.TableCellProperties?.GridSpan?.Val?.Value ?? 1);
                var merge = tc.TableCellProperties?.VerticalMerge;
                var continued = merge is not null && (merge.Val?.InnerText ?? "continue") == "continue";
                // A continuing cell carries the lines of the cell it continues, so that a merged deadline reaches every row.
                var lines = continued && cells.Count < above.Length && above[cells.Count] is { } origin ? origin.Lines : Lines(tc);
                var cell = new WordCell(lines, continued, span);
                for (var i = 0; i < span; i++) cells.Add(cell);
            }
            while (cells.Count < width) cells.Add(null);
            // Read as text: LibreOffice writes w:val="true", which the SDK's enum does not parse.
            var header = tr.TableRowProperties?.GetFirstChild<TableHeader>() is { } h && (h.Val?.InnerText ?? "on") is "on" or "true" or "1";
            rows.Add(new WordRow(index + 1, [.. cells], header));
        }
        return rows;
    }


    /// <summary>The lines of a cell or paragraph: each paragraph, cut again at line breaks, cleaned; empty lines dropped.</summary>
    public static List<string> Lines(DocumentFormat.OpenXml.OpenXmlElement container)
    {
        var lines = new List<string>();
        IEnumerable<Paragraph> paragraphs = container is Paragraph p ? [p] : container.Descendants<Paragraph>();
        foreach (var paragraph in paragraphs)
        {
            var line = new System.Text.StringBuilder();
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case DocumentFormat.OpenXml.Wordprocessing.Text t: line.Append(t.Text); break;
                    case TabChar: line.Append(' '); break;
                    case Break or CarriageReturn:
                        Add(lines, line.ToString()); line.Clear(); break;
                }
            }
            Add(lines, line.ToString());
        }
        return lines;
    }

    private static void Add(List<string> lines, string line)
    {
        var clean = VietnameseText.Clean(line);
        if (clean.Length > 0) lines.Add(clean);
    }
}
