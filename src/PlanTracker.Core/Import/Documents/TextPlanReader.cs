using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PlanTracker.Core.Import.Documents;

/// <summary>
/// Reads a plan from text copied out of a PDF, where the table's cells arrive cut into lines: each cell's lines in
/// column order (activity, product, lead, coordinating, deadline), the first lines of neighbouring cells sometimes
/// on one line with a wide gap, and the header row repeated at every page break. The header is read from the
/// letterhead; rows are told by their labels ("a)", "- "), cells by the column widths, unit names and deadline words.
/// </summary>
public static partial class TextPlanReader
{

    public static DocumentReading Read(string text) => Read(text, null);

    /// <param name="unitNames">The directory's unit and group names and aliases; they tell unit cells from products.</param>
    public static DocumentReading Read(string text, IEnumerable<string>? unitNames)
    {
        var lines = text.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var problems = new List<ReadingProblem>();
        var header = TextLetterhead.Read(lines);
        var plan = new PlanFile { Plan = header, Objectives = [], Sections = [], Duties = [] };

        var start = Array.FindIndex(lines, IsHeaderLine);
        if (start < 0)
        {
            problems.Add(new("Toàn văn bản", "Không tìm thấy bảng nhiệm vụ: không có dòng tiêu đề bảng gồm “Hoạt động” (hoặc “Nội dung”, “Nhiệm vụ”) và “Sản phẩm”."));
            return new DocumentReading(plan, problems);
        }
        var rows = new TextRowReader(new TextUnits(unitNames), header.Year ?? DateTime.Today.Year);
        rows.ReadTable(lines, start, plan.Sections, problems);
        if (plan.Sections.Count == 0)
            problems.Add(new(Place(start + 1, start + 1), "Tìm thấy tiêu đề bảng nhiệm vụ nhưng không đọc được dòng lĩnh vực (“1 Cải cách thể chế”) hay nhiệm vụ (“a) ...”) nào sau nó."));
        return new DocumentReading(plan, problems);
    }

    internal static string Place(int first, int last) => first == last ? $"Dòng {first}" : $"Dòng {first}–{last}";

    private static bool IsHeaderLine(string line) =>
        line.Contains("Sản phẩm", StringComparison.Ordinal)
        && (line.Contains("Hoạt động", StringComparison.Ordinal) || line.Contains("Nội dung", StringComparison.Ordinal) || line.Contains("Nhiệm vụ", StringComparison.Ordinal));
}

/// <summary>The plan's number, date, issuer, title and signer, from the letterhead and the signature.</summary>
internal static partial class TextLetterhead
{
    public static PlanHeaderDto Read(string[] lines)
    {
        var header = new PlanHeaderDto();
        var text = lines.Select(TextCells.Collapse).Where(l => l.Length > 0).ToList();
        var head = text.Take(40).ToList();
        foreach (var line in head)
        {
            if (header.Number is null && Number().Match(line) is { Success: true } n) header.Number = n.Groups[1].Value;
            if (header.IssuedOn is null && Date().Match(line) is { Success: true } d
                && DateOnly.TryParseExact($"{d.Groups[3].Value}-{int.Parse(d.Groups[2].Value, CultureInfo.InvariantCulture):00}-{int.Parse(d.Groups[1].Value, CultureInfo.InvariantCulture):00}", "yyyy-MM-dd", out var date))
                header.IssuedOn = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        var issuer = head.FindIndex(l => l.StartsWith("ỦY BAN NHÂN DÂN", StringComparison.Ordinal) || l.StartsWith("UỶ BAN NHÂN DÂN", StringComparison.Ordinal));
        if (issuer >= 0)
        {
            var words = Cut(head[issuer], "CỘNG HÒA");
            if (issuer + 1 < head.Count && Cut(head[issuer + 1], "Độc lập") is { Length: > 0 } place && !place.Any(char.IsLower))
                words += " " + place;
            header.Issuer = SentenceCase(words);
        }
        var title = head.FindIndex(l => l is "KẾ HOẠCH");
        if (title >= 0 && title + 1 < head.Count) header.Title = head[title + 1];
        if (header.Title is not null && Year().Match(header.Title) is { Success: true } y) header.Year = int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture);
        else if (header.IssuedOn is not null) header.Year = int.Parse(header.IssuedOn[..4], CultureInfo.InvariantCulture);

        var tail = text.Skip(Math.Max(0, text.Count - 40)).ToList();
        var signer = tail.FindLastIndex(l => l is "CHỦ TỊCH" or "PHÓ CHỦ TỊCH" or "KT. CHỦ TỊCH");
        if (signer >= 0)
        {
            header.SignerTitle = SentenceCase(tail[signer].Replace("KT. ", "", StringComparison.Ordinal));
            header.SignedBy = tail.Skip(signer + 1).LastOrDefault(l => l.Split(' ').Length is >= 2 and <= 5 && l.Split(' ').All(w => char.IsUpper(w[0])));
        }
        return header;
    }

    private static string Cut(string line, string before)
    {
        var at = line.IndexOf(before, StringComparison.Ordinal);
        return (at >= 0 ? line[..at] : line).Trim();
    }

    /// <summary>"ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ" → "Ủy ban nhân dân thành phố Cần Thơ": the kinds lower-case, the place name capitalised.</summary>
    private static string SentenceCase(string upper)
    {
        var lower = upper.ToLower(CultureInfo.GetCultureInfo("vi-VN")).Replace("uỷ", "ủy", StringComparison.Ordinal);
        var m = Kind().Match(lower);
        var result = m.Success ? m.Value + CultureInfo.GetCultureInfo("vi-VN").TextInfo.ToTitleCase(lower[m.Length..]) : lower;
        return char.ToUpper(result[0], CultureInfo.GetCultureInfo("vi-VN")) + result[1..];
    }

    [GeneratedRegex(@"^(ủy ban nhân dân|chủ tịch|phó chủ tịch)\s*(thành phố|tỉnh|quận|huyện|thị xã|xã|phường|thị trấn)?\s*")]
    private static partial Regex Kind();

    [GeneratedRegex(@"Số:\s*(\d+/[^\s,]+)")]
    private static partial Regex Number();

    [GeneratedRegex(@"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")]
    private static partial Regex Date();

    [GeneratedRegex(@"năm\s+(\d{4})")]
    private static partial Regex Year();
}
