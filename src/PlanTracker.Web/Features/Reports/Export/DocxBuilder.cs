using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PlanTracker.Web.Features.Reports.Export;

/// <summary>
/// Writes a .docx in the administrative format of Nghị định 30/2020/NĐ-CP: A4, margins 20/20/30/20 mm,
/// Times New Roman, body 14 pt, the two-column header (issuing body / national title), number and date line.
/// Blocks are streamed, so long tables cost little memory.
/// </summary>
public sealed class DocxBuilder : IDisposable
{
    public const int BodySize = 28, TableSize = 22, HeaderSize = 26; // half-points: 14 pt, 11 pt, 13 pt
    private const int TextWidth = 9071; // twips: 210 mm less 30 mm and 20 mm margins

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private readonly WordprocessingDocument document;
    private readonly Stream stream;
    private readonly XmlWriter xml;
    private bool inTable;

    public DocxBuilder(Stream output)
    {
        document = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        document.CompressionOption = System.IO.Packaging.CompressionOption.Fast;
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunProperties(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                    new FontSize { Val = BodySize.ToString(CultureInfo.InvariantCulture) },
                    new FontSizeComplexScript { Val = BodySize.ToString(CultureInfo.InvariantCulture) },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
        // The body is written straight to the part as XML: a province-scale table has hundreds of thousands of rows.
        stream = main.GetStream(FileMode.Create, FileAccess.Write);
        xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(true);
        xml.WriteStartElement("w", "document", W);
        xml.WriteStartElement("w", "body", W);
    }

    /// <summary>
    /// The NĐ30 header: issuing body on the left, national title on the right, each with its short rule; then the
    /// number (left blank to fill in) and the place and date.
    /// </summary>
    /// <param name="number">The whole number when the document has one ("163/KH-UBND"); otherwise the number is left blank before <paramref name="numberSuffix"/>.</param>
    /// <param name="date">The date of issue; a blank date line when it is not known.</param>
    public void AdministrativeHeader(string parentBody, string issuer, string numberSuffix, string place, DateOnly? date, string? number = null)
    {
        // The header table reaches 0.5 cm into each side margin, as the NĐ30 samples do, so the national title fits one line.
        const int left = 3969, right = 5670, overhang = 284;
        var table = new Table(
            new TableProperties(new TableWidth { Width = (left + right).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableIndentation { Width = -overhang, Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed }, NoBorders()),
            new TableGrid(new GridColumn { Width = left.ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = right.ToString(CultureInfo.InvariantCulture) }),
            new TableRow(
                Cell(left, [.. new[]
                    {
                        parentBody.Length > 0 ? Para(parentBody.ToUpperInvariant(), size: 24, align: JustificationValues.Center) : null,
                        Para(issuer.ToUpperInvariant(), bold: true, size: HeaderSize, align: JustificationValues.Center),
                        Rule(1300),
                    }.OfType<OpenXmlElement>()]),
                Cell(right,
                    Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 24, align: JustificationValues.Center),
                    Para("Độc lập - Tự do - Hạnh phúc", bold: true, size: BodySize, align: JustificationValues.Center),
                    Rule(1250))),
            new TableRow(
                Cell(left, Para(number is null ? $"Số:        /{numberSuffix}" : $"Số: {number}", size: HeaderSize, align: JustificationValues.Center, before: 120)),
                Cell(right, Para($"{place}, {(date is { } d ? VietnameseDate(d) : "ngày      tháng      năm")}", italic: true, size: BodySize, align: JustificationValues.Center, before: 120))));
        Write(table);
    }

    /// <summary>The short rule under the issuer's name, the motto and the title: an empty paragraph's bottom border between indents.</summary>
    private static Paragraph Rule(int indent) => Para("", size: 4, ruleIndent: indent);

    /// <summary>"ngày 05 tháng 3 năm 2019": NĐ30 writes a 0 before days under 10 and before months 1 and 2.</summary>
    public static string VietnameseDate(DateOnly date) =>
        $"ngày {date.Day:00} tháng {(date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))} năm {date.Year}";

    public void Title(string title, string? subtitle = null)
    {
        Write(Para(title, bold: true, size: BodySize, align: JustificationValues.Center, before: 360));
        if (subtitle is null) return;
        Write(Para(subtitle, bold: true, size: BodySize, align: JustificationValues.Center));
        Write(Rule(3300));
        Write(Para("", size: 12, after: 240));
    }

    public void Heading(string text) => Write(Para(text, bold: true, size: BodySize, before: 200, after: 80, firstLine: 567));

    public void Paragraph(string text, bool italic = false) =>
        Write(Para(text, italic: italic, size: BodySize, align: JustificationValues.Both, after: 80, firstLine: 567));

    /// <summary>Starts the next block on a new page (the appendices).</summary>
    public void PageBreak() => Write(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    public void StartTable(int[] widths, params string[] headers)
    {
        var scale = (double)TextWidth / widths.Sum();
        var twips = widths.Select(w => (int)(w * scale)).ToArray();
        xml.WriteStartElement("w", "tbl", W);
        xml.WriteRaw(new TableProperties(
            new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa }, new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa })).OuterXml);
        xml.WriteRaw(new TableGrid(twips.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })).OuterXml);
        inTable = true;
        currentWidths = twips;
        WriteRow(headers, bold: true, header: true);
    }

    private int[] currentWidths = [];

    /// <summary>A table row; a cell is a string (numbers are formatted by the caller).</summary>
    public void Row(params string?[] cells) => Row(false, cells);

    public void Row(bool bold, params string?[] cells) => WriteRow([.. cells.Select(c => new DocxCell(c))], bold, header: false);

    /// <summary>A row whose cells may span columns or be merged down over the rows below (a task over its products).</summary>
    public void MergedRow(bool bold, params DocxCell[] cells) => WriteRow(cells, bold, header: false);

    private void WriteRow(string?[] cells, bool bold, bool header) => WriteRow([.. cells.Select(c => new DocxCell(c))], bold, header);

    private void WriteRow(DocxCell[] cells, bool bold, bool header)
    {
        // Fixed markup written as it is: a province-scale table has hundreds of thousands of rows.
        xml.WriteRaw($"<w:tr><w:trPr><w:{(header ? "tblHeader" : "cantSplit")}/></w:trPr>");
        var paragraph = header ? "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>" : "<w:p>";
        var run = $"<w:r><w:rPr>{(bold ? "<w:b/>" : "")}<w:sz w:val=\"{TableSize}\"/><w:szCs w:val=\"{TableSize}\"/></w:rPr>";
        var column = 0;
        foreach (var cell in cells)
        {
            var width = 0;
            for (var c = column; c < Math.Min(column + cell.Span, currentWidths.Length); c++) width += currentWidths[c];
            column += cell.Span;
            xml.WriteRaw("<w:tc><w:tcPr><w:tcW w:w=\"");
            xml.WriteRaw(width.ToString(CultureInfo.InvariantCulture));
            xml.WriteRaw("\" w:type=\"dxa\"/>");
            if (cell.Span > 1) xml.WriteRaw(FormattableString.Invariant($"<w:gridSpan w:val=\"{cell.Span}\"/>"));
            xml.WriteRaw(cell.Merge switch { DocxMerge.Start => "<w:vMerge w:val=\"restart\"/></w:tcPr>", DocxMerge.Continue => "<w:vMerge/></w:tcPr>", _ => "</w:tcPr>" });
            xml.WriteRaw(paragraph);
            xml.WriteRaw(run);
            var text = XlsxBuilder.XmlSafe(cell.Text);
            if (!text.Contains('\n', StringComparison.Ordinal)) Text(text); // most cells: one line, no split
            else
            {
                var lines = text.Split('\n');
                for (var l = 0; l < lines.Length; l++)
                {
                    if (l > 0) xml.WriteRaw("<w:br/>");
                    Text(lines[l]);
                }
            }
            xml.WriteRaw("</w:r></w:p></w:tc>");
        }
        xml.WriteRaw("</w:tr>");
    }

    private void Text(string line)
    {
        xml.WriteStartElement("w", "t", W);
        xml.WriteAttributeString("xml", "space", null, "preserve");
        xml.WriteString(line.TrimEnd('\r'));
        xml.WriteEndElement();
    }

    public void EndTable()
    {
        xml.WriteEndElement();
        inTable = false;
        Write(Para("", size: 12));
    }

    /// <summary>"Nơi nhận" on the left, the signer's title on the right, as NĐ30 lays them out.</summary>
    public void Signature(string[] recipients, string signerTitle)
    {
        const int left = 4300, right = TextWidth - left;
        var recipientParas = new List<OpenXmlElement> { Para("Nơi nhận:", bold: true, italic: true, size: 24, before: 240) };
        recipientParas.AddRange(recipients.Select(r => Para(r, size: 22)));
        Write(new Table(
            new TableProperties(new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed }, NoBorders()),
            new TableGrid(new GridColumn { Width = left.ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = right.ToString(CultureInfo.InvariantCulture) }),
            new TableRow(Cell(left, [.. recipientParas]),
                Cell(right, Para(signerTitle.ToUpperInvariant(), bold: true, size: BodySize, align: JustificationValues.Center, before: 240)))));
    }

    private void Write(OpenXmlElement block)
    {
        if (inTable) throw new InvalidOperationException("End the table first.");
        xml.WriteRaw(block.OuterXml);
    }

    private static TableBorders NoBorders() => new(
        new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
        new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });

    private static TableCell Cell(int width, params OpenXmlElement[] content) =>
        new(new OpenXmlElement[] { new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }) }.Concat(content));

    private static Paragraph Para(string text, bool bold = false, bool italic = false, int size = BodySize,
        JustificationValues? align = null, int before = 0, int after = 0, int firstLine = 0, int ruleIndent = 0)
    {
        var props = new ParagraphProperties();
        if (ruleIndent > 0)
            // The short rule under the issuer's name and the motto: a bottom border between indents.
            props.Append(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1 }));
        props.Append(new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture) });
        if (ruleIndent > 0 || firstLine > 0)
            props.Append(new Indentation
            {
                Left = ruleIndent > 0 ? ruleIndent.ToString(CultureInfo.InvariantCulture) : null,
                Right = ruleIndent > 0 ? ruleIndent.ToString(CultureInfo.InvariantCulture) : null,
                FirstLine = firstLine > 0 ? firstLine.ToString(CultureInfo.InvariantCulture) : null,
            });
        if (align is { } a) props.Append(new Justification { Val = a });

        var runProps = new RunProperties();
        if (bold) runProps.Append(new Bold());
        if (italic) runProps.Append(new Italic());
        runProps.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) }, new FontSizeComplexScript { Val = size.ToString(CultureInfo.InvariantCulture) });
        var run = new Run(runProps);
        var lines = XlsxBuilder.XmlSafe(text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i].TrimEnd('\r')) { Space = SpaceProcessingModeValues.Preserve });
        }
        return new Paragraph(props, run);
    }

    public void Dispose()
    {
        if (inTable) EndTable();
        xml.WriteRaw(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }).OuterXml);
        xml.WriteEndElement(); // body
        xml.WriteEndElement(); // document
        xml.Dispose();
        stream.Dispose();
        document.Dispose();
    }
}

/// <summary>A cell of <see cref="DocxBuilder.MergedRow"/>: its text ("\n" for a line break), the columns it spans, how it merges down.</summary>
public readonly record struct DocxCell(string? Text, int Span = 1, DocxMerge Merge = DocxMerge.None);

public enum DocxMerge
{
    None,
    /// <summary>The first row of a cell merged down.</summary>
    Start,
    /// <summary>A row the cell above covers.</summary>
    Continue,
}
