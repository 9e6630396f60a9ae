using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PlanTracker.Web.Features.Reports.Export;

/// <summary>
/// Writes an .xlsx one sheet at a time, streaming rows (a province-scale list has 100,000 of them).
/// Strings are inline, numbers are numbers, dates are real dates shown dd/mm/yyyy, the font is Times New Roman.
/// </summary>
public sealed class XlsxBuilder : IDisposable
{
    public const uint Plain = 0, Header = 1, Date = 2, Percent = 3, Text = 4, Title = 5, Number = 6, Bold = 7;

    private const string Styles = """
        <x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></x:numFmts>
        <x:fonts count="3">
          <x:font><x:sz val="12"/><x:name val="Times New Roman"/></x:font>
          <x:font><x:b/><x:sz val="12"/><x:name val="Times New Roman"/></x:font>
          <x:font><x:b/><x:sz val="14"/><x:name val="Times New Roman"/></x:font>
        </x:fonts>
        <x:fills count="3">
          <x:fill><x:patternFill patternType="none"/></x:fill>
          <x:fill><x:patternFill patternType="gray125"/></x:fill>
          <x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFDDE4EE"/><x:bgColor indexed="64"/></x:patternFill></x:fill>
        </x:fills>
        <x:borders count="2">
          <x:border><x:left/><x:right/><x:top/><x:bottom/><x:diagonal/></x:border>
          <x:border><x:left style="thin"><x:color auto="1"/></x:left><x:right style="thin"><x:color auto="1"/></x:right><x:top style="thin"><x:color auto="1"/></x:top><x:bottom style="thin"><x:color auto="1"/></x:bottom><x:diagonal/></x:border>
        </x:borders>
        <x:cellStyleXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellStyleXfs>
        <x:cellXfs count="8">
          <x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
          <x:xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><x:alignment horizontal="center" vertical="center" wrapText="1"/></x:xf>
          <x:xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><x:alignment vertical="top"/></x:xf>
          <x:xf numFmtId="10" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><x:alignment vertical="top"/></x:xf>
          <x:xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><x:alignment vertical="top" wrapText="1"/></x:xf>
          <x:xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
          <x:xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><x:alignment vertical="top"/></x:xf>
          <x:xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><x:alignment vertical="top" wrapText="1"/></x:xf>
        </x:cellXfs>
        <x:cellStyles count="1"><x:cellStyle name="Normal" xfId="0" builtinId="0"/></x:cellStyles>
        </x:styleSheet>
        """;

    private readonly SpreadsheetDocument document;
    private readonly WorkbookPart workbook;
    private readonly Sheets sheets;
    private readonly HashSet<string> names = new(StringComparer.OrdinalIgnoreCase);
    private SheetWriter? open;

    public XlsxBuilder(Stream output)
    {
        document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        document.CompressionOption = System.IO.Packaging.CompressionOption.Fast;
        workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        sheets = workbook.Workbook.AppendChild(new Sheets());
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(Styles);
    }

    /// <summary>Starts a sheet (closing the previous one) with column widths in characters.</summary>
    public SheetWriter Sheet(string name, params double[] widths) => Start(name, 0, widths);

    /// <summary>
    /// Starts a sheet holding one table whose header is on <paramref name="headerRow"/> (1-based): printed landscape
    /// with the header row repeated on every page, the panes frozen below it and a filter on its columns.
    /// </summary>
    public SheetWriter TableSheet(string name, int headerRow, params double[] widths) => Start(name, headerRow, widths);

    private SheetWriter Start(string name, int headerRow, double[] widths)
    {
        open?.Close();
        var part = workbook.AddNewPart<WorksheetPart>();
        var unique = UniqueName(name);
        if (headerRow > 0)
            printTitles.Add(new DefinedName($"'{unique.Replace("'", "''", StringComparison.Ordinal)}'!${headerRow}:${headerRow}")
                { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)sheets.ChildElements.Count });
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = unique });
        return open = new SheetWriter(part, widths, headerRow);
    }

    private readonly List<DefinedName> printTitles = [];

    private string UniqueName(string name)
    {
        // Excel: at most 31 characters, none of : \ / ? * [ ]
        var clean = new string(XmlSafe(name).Select(c => ":\\/?*[]".Contains(c) ? ' ' : c).ToArray()).Trim();
        clean = clean.Length > 31 ? XmlSafe(clean[..31]).TrimEnd() : clean; // a cut may split a surrogate pair
        var unique = clean;
        for (var i = 2; !names.Add(unique); i++) unique = $"{(clean.Length > 27 ? XmlSafe(clean[..27]) : clean)} ({i})";
        return unique;
    }

    public void Dispose()
    {
        open?.Close();
        if (printTitles.Count > 0) workbook.Workbook.Append(new DefinedNames(printTitles));
        workbook.Workbook.Save();
        document.Dispose();
    }

    /// <summary>A value with a style other than its type's default; a null value still gets the style (borders).</summary>
    public static object Styled(object? value, uint style) => new StyledValue(value, style);

    public static object DateOrBlank(DateOnly? date) => Styled(date, Date);
    public static object NumberOrBlank(decimal? value) => Styled(value, Number);

    internal sealed record StyledValue(object? Value, uint Style);

    /// <summary>Every text a writer puts in a cell, paragraph or sheet name goes through this (see <see cref="Core.Text.VietnameseText.XmlSafe"/>).</summary>
    public static string XmlSafe(string? text) => Core.Text.VietnameseText.XmlSafe(text);
}

/// <summary>
/// Rows of one sheet, written straight to the part as XML: a province-scale list has hundreds of thousands of rows,
/// and building an object per cell costs several times the writing. A cell value is a string, a number, a DateOnly,
/// or <see cref="XlsxBuilder.Styled"/>.
/// </summary>
public sealed class SheetWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private readonly Stream stream;
    private readonly XmlWriter xml;
    private readonly List<string> merges = [];
    private readonly int headerRow;
    private int headerColumns;
    private uint? tableEnd;
    private bool closed;
    private uint row;

    internal SheetWriter(WorksheetPart part, double[] widths, int headerRow = 0)
    {
        this.headerRow = headerRow;
        stream = part.GetStream(FileMode.Create, FileAccess.Write);
        xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(true);
        xml.WriteStartElement("worksheet", Main);
        if (headerRow > 0)
            // The panes are frozen below the header, so it stays in view however far the table scrolls.
            xml.WriteRaw(FormattableString.Invariant(
                $"<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"{headerRow}\" topLeftCell=\"A{headerRow + 1}\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/></sheetView></sheetViews>"));
        if (widths.Length > 0)
            xml.WriteRaw("<cols>" + string.Concat(widths.Select((w, i) => FormattableString.Invariant($"<col min=\"{i + 1}\" max=\"{i + 1}\" width=\"{w}\" customWidth=\"1\"/>"))) + "</cols>");
        xml.WriteStartElement("sheetData", Main);
    }

    /// <summary>A title line across the first columns.</summary>
    public void Title(string text, int across = 6)
    {
        Row((text, XlsxBuilder.Title));
        if (across > 1) merges.Add($"A{row}:{ColumnName(across - 1)}{row}");
    }

    /// <summary>An empty row; the first one after the table's header ends the table (its filter's range).</summary>
    public void Blank()
    {
        if (headerRow > 0 && row >= headerRow) tableEnd ??= row;
        Row();
    }

    public void Headers(params string[] headers)
    {
        Row(headers.Select(h => (object?)(h, XlsxBuilder.Header)).ToArray());
        if (row == headerRow) headerColumns = headers.Length;
    }

    public void Row(params object?[] cells)
    {
        row++;
        var number = Invariant(row);
        xml.WriteStartElement("row", Main);
        xml.WriteAttributeString("r", number);
        for (var i = 0; i < cells.Length; i++) Cell(i, number, cells[i]);
        xml.WriteEndElement();
    }

    // A province-scale sheet has millions of cells: their column names and style numbers are made once.
    private static readonly string[] ColumnNames = [.. Enumerable.Range(0, 32).Select(ColumnName)];
    private static readonly string[] StyleNumbers = [.. Enumerable.Range(0, 8).Select(s => Invariant(s))];

    private void Cell(int column, string rowNumber, object? value)
    {
        var style = (uint?)null;
        if (value is XlsxBuilder.StyledValue sv) (value, style) = (sv.Value, sv.Style);
        else if (value is ValueTuple<string, uint> ts) (value, style) = (ts.Item1, ts.Item2);
        if (value is null && style is null) return;
        var (typeStyle, number) = value switch
        {
            null => (0u, null),
            string => (XlsxBuilder.Text, null),
            DateOnly date => (XlsxBuilder.Date, date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
            int n => (XlsxBuilder.Number, n.ToString(CultureInfo.InvariantCulture)),
            decimal d => (XlsxBuilder.Number, d.ToString(CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException($"Cannot write a {value.GetType().Name} to a cell."),
        };

        xml.WriteStartElement("c", Main);
        xml.WriteStartAttribute("r"); // the reference, "B12", without making its string
        xml.WriteString(column < ColumnNames.Length ? ColumnNames[column] : ColumnName(column));
        xml.WriteString(rowNumber);
        xml.WriteEndAttribute();
        var styleNumber = style ?? typeStyle;
        xml.WriteAttributeString("s", styleNumber < StyleNumbers.Length ? StyleNumbers[styleNumber] : Invariant(styleNumber));
        if (value is string text)
        {
            xml.WriteAttributeString("t", "inlineStr");
            xml.WriteStartElement("is", Main);
            xml.WriteStartElement("t", Main);
            xml.WriteAttributeString("xml", "space", null, "preserve");
            xml.WriteString(XlsxBuilder.XmlSafe(text));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        else if (number is not null) xml.WriteElementString("v", Main, number);
        xml.WriteEndElement();
    }

    private static string Invariant(long n) => n.ToString(CultureInfo.InvariantCulture);

    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    internal void Close()
    {
        if (closed) return;
        closed = true;
        xml.WriteEndElement(); // sheetData
        if (headerColumns > 0)
            xml.WriteRaw($"<autoFilter ref=\"A{Invariant(headerRow)}:{ColumnName(headerColumns - 1)}{Invariant(Math.Max(tableEnd ?? row, (uint)headerRow))}\"/>");
        if (merges.Count > 0)
            xml.WriteRaw($"<mergeCells count=\"{Invariant(merges.Count)}\">" + string.Concat(merges.Select(m => $"<mergeCell ref=\"{m}\"/>")) + "</mergeCells>");
        if (headerRow > 0)
            // A4 landscape: the item sheets have 13 columns.
            xml.WriteRaw("<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/><pageSetup paperSize=\"9\" orientation=\"landscape\"/>");
        xml.WriteEndElement(); // worksheet
        xml.Dispose();
        stream.Dispose();
    }
}
