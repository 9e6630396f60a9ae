using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PlanTracker.Core.Import.Documents;

namespace PlanTracker.Tests.Unit.Import;

public class PlanDocumentsMalformedTests
{
    [Fact]
    public void A_word_table_with_an_attribute_value_OpenXml_cannot_parse_is_refused_in_Vietnamese()
    {
        var broken = Edit(TaskTableDocx(), "word/document.xml", xml => xml.Replace("w:val=\"5\"", "w:val=\"two\"", StringComparison.Ordinal));

        var refused = Assert.Throws<DocumentRefusedException>(() => PlanDocuments.Read(new MemoryStream(broken), new DocumentLimits()));

        Assert.StartsWith("Tệp bị hỏng", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_table_unbroken_is_read()
    {
        var reading = PlanDocuments.Read(new MemoryStream(TaskTableDocx()), new DocumentLimits());

        Assert.Equal("Rà soát văn bản", reading.Plan.Sections!.Single().Tasks!.Single().Activity);
    }

    /// <summary>A task table whose section row spans five columns (w:gridSpan w:val="5").</summary>
    private static byte[] TaskTableDocx()
    {
        var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            static TableCell Cell(string text, int span = 1) => new(
                new TableCellProperties(new GridSpan { Val = span }), new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text))));
            var table = new Table(
                new TableRow(Cell("TT"), Cell("Nội dung"), Cell("Sản phẩm"), Cell("Cơ quan chủ trì"), Cell("Cơ quan phối hợp"), Cell("Thời gian hoàn thành")),
                new TableRow(Cell("I"), Cell("CẢI CÁCH THỂ CHẾ", 5)),
                new TableRow(Cell("1"), Cell("Rà soát văn bản"), Cell("Báo cáo"), Cell("Sở Tư pháp"), Cell("Sở Nội vụ"), Cell("Quý IV")));
            word.AddMainDocumentPart().Document = new Document(new Body(table));
        }
        return stream.ToArray();
    }

    private static byte[] Edit(byte[] package, string part, Func<string, string> edit)
    {
        var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(part)!;
            string xml;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8)) xml = reader.ReadToEnd();
            Assert.Contains("w:val=\"5\"", xml, StringComparison.Ordinal);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(part).Open(), new UTF8Encoding(false));
            writer.Write(edit(xml));
        }
        return stream.ToArray();
    }
}
