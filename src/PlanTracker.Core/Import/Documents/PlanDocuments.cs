using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;

namespace PlanTracker.Core.Import.Documents;

/// <summary>
/// Reads a plan from the document it was issued as: a Word file, an Excel sheet or text pasted from a PDF. The kind
/// is told by the content, not by the name, so a renamed file is refused with a message rather than misread.
/// A plan file in the seed's JSON format (seed/README.md) is read too: plans travel as data, as the seed does.
/// </summary>
public static class PlanDocuments
{
    public static readonly string[] Extensions = [".docx", ".xlsx", ".txt", ".json"];

    public static DocumentReading Read(Stream content, DocumentLimits limits)
    {
        using var buffer = Buffer(content, limits);
        var head = new byte[8];
        var read = buffer.Read(head, 0, head.Length);
        buffer.Position = 0;
        if (read >= 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
            throw new DocumentRefusedException("Tệp được bảo vệ bằng mật khẩu hoặc là tệp Word/Excel đời cũ (.doc, .xls). Hãy mở tệp, bỏ mật khẩu và lưu lại dưới dạng .docx hoặc .xlsx rồi tải lên lại.");
        if (read >= 2 && head[0] == (byte)'P' && head[1] == (byte)'K')
            return ReadPackage(buffer, limits);
        if (read == 0)
            throw new DocumentRefusedException("Tệp trống.");
        var text = ReadText(buffer);
        if (text.AsSpan().TrimStart().StartsWith("{")) return ReadJson(text);
        try { return TextPlanReader.Read(text); }
        catch (Exception e) when (e is not DocumentRefusedException and not OutOfMemoryException)
        {
            throw new DocumentRefusedException("Không đọc được văn bản đã dán: cách trình bày của bảng quá khác thường. Hãy tải lên tệp Word (.docx) hoặc Excel (.xlsx) của kế hoạch.");
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>A seed-format plan file; a syntax or type error becomes a problem placed at its line.</summary>
    private static DocumentReading ReadJson(string text)
    {
        try
        {
            var plan = JsonSerializer.Deserialize<PlanFile>(text, JsonOptions);
            return plan is null
                ? new DocumentReading(new PlanFile(), [new ReadingProblem("Tệp JSON", "Tệp JSON không chứa kế hoạch (giá trị null).")])
                : new DocumentReading(plan, []);
        }
        catch (JsonException e)
        {
            var place = e.LineNumber is { } line ? $"Dòng {line + 1}" : "Tệp JSON";
            var path = e.Path is { Length: > 0 } p ? $" (tại {p})" : "";
            return new DocumentReading(new PlanFile(), [new ReadingProblem(place, $"Tệp JSON không đúng định dạng tệp kế hoạch{path}.")]);
        }
    }

    public static DocumentReading ReadText(string text) => TextPlanReader.Read(text);

    private static DocumentReading ReadPackage(MemoryStream buffer, DocumentLimits limits)
    {
        var kind = PackageKind(buffer, limits);
        buffer.Position = 0;
        try
        {
            if (kind == "word")
            {
                using var word = WordprocessingDocument.Open(buffer, false);
                return WordPlanReader.Read(word);
            }
            using var excel = SpreadsheetDocument.Open(buffer, false);
            return ExcelPlanReader.Read(excel);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException)
        {
            throw new DocumentRefusedException("Tệp bị hỏng hoặc không phải tệp Word (.docx) hay Excel (.xlsx) hợp lệ.");
        }
        catch (Exception e) when (e is not DocumentRefusedException and not OutOfMemoryException)
        {
            // Beyond a broken package, OpenXml throws FormatException, OverflowException... on an attribute value it
            // cannot parse (a hand-edited or odd word processor's document): the admin gets a message, never a 500.
            throw new DocumentRefusedException("Tệp bị hỏng hoặc có nội dung không đọc được (giá trị lạ trong tệp Word/Excel). Hãy mở tệp, lưu lại dưới dạng .docx hoặc .xlsx rồi tải lên lại.");
        }
    }

    /// <summary>"word" or "excel", from the package's parts; refuses a zip that is neither or expands past the limit.</summary>
    private static string PackageKind(MemoryStream buffer, DocumentLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            long expanded = 0;
            foreach (var entry in zip.Entries)
            {
                expanded += entry.Length;
                if (expanded > limits.MaxExpandedBytes)
                    throw new DocumentRefusedException($"Tệp giải nén ra quá lớn (hơn {limits.MaxExpandedBytes / (1024 * 1024)} MB); tệp này không được đọc.");
            }
            if (zip.GetEntry("word/document.xml") is not null) return "word";
            if (zip.GetEntry("xl/workbook.xml") is not null) return "excel";
            throw new DocumentRefusedException("Tệp nén không phải tệp Word (.docx) hay Excel (.xlsx).");
        }
        catch (InvalidDataException)
        {
            throw new DocumentRefusedException("Tệp bị hỏng hoặc không phải tệp Word (.docx) hay Excel (.xlsx) hợp lệ.");
        }
    }

    /// <summary>The file in memory (it is read more than once), refused past the size limit without reading it all.</summary>
    private static MemoryStream Buffer(Stream content, DocumentLimits limits)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > limits.MaxBytes)
                throw new DocumentRefusedException($"Tệp lớn hơn giới hạn {limits.MaxBytes / (1024 * 1024)} MB.");
            buffer.Write(chunk, 0, n);
        }
        buffer.Position = 0;
        return buffer;
    }

    private static string ReadText(MemoryStream buffer)
    {
        var bytes = buffer.ToArray();
        if (Array.IndexOf(bytes, (byte)0) >= 0)
            throw new DocumentRefusedException("Tệp không phải văn bản, Word (.docx) hay Excel (.xlsx); không đọc được.");
        try { return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF'); }
        catch (DecoderFallbackException)
        {
            throw new DocumentRefusedException("Tệp văn bản không ở dạng UTF-8; hãy lưu lại với mã UTF-8.");
        }
    }
}
