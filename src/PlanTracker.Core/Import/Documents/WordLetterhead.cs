using System.Globalization;
using System.Text.RegularExpressions;
using PlanTracker.Core.Text;

namespace PlanTracker.Core.Import.Documents;

/// <summary>
/// The plan's header read from the letterhead lines before the task table (Nghị định 30/2020 layout): the issuer
/// on the top left, "Số: 163/KH-UBND", "Cần Thơ, ngày 28 tháng 12 năm 2018", then "KẾ HOẠCH" and the title.
/// </summary>
internal static partial class WordLetterhead
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly string[] Localities = ["tinh", "thanh pho", "quan", "huyen", "thi xa", "xa", "phuong", "thi tran"];

    public static PlanHeaderDto Read(IReadOnlyList<string> lines, List<ReadingProblem> problems)
    {
        const string place = "Phần đầu văn bản";
        var header = new PlanHeaderDto();
        header.Number = lines.Select(l => Number().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value.TrimEnd('.', ',');
        if (header.Number is null) problems.Add(ReadingProblem.Warning(place, "Không tìm thấy số văn bản (dòng “Số: …”)."));

        var date = lines.Select(l => DateLine().Match(l)).FirstOrDefault(m => m.Success);
        if (date is not null && DateOnly.TryParseExact($"{date.Groups[3].Value}-{int.Parse(date.Groups[2].Value, CultureInfo.InvariantCulture):00}-{int.Parse(date.Groups[1].Value, CultureInfo.InvariantCulture):00}",
                "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var issued))
            header.IssuedOn = issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        else problems.Add(ReadingProblem.Warning(place, "Không đọc được ngày ban hành (dòng “…, ngày … tháng … năm …”)."));

        var issuer = lines.SkipWhile(l => l.Length == 0).TakeWhile(l => !StopsIssuer(l)).ToList();
        if (issuer.Count > 0) header.Issuer = SentenceCase(string.Join(" ", issuer));

        var plan = lines.ToList().FindIndex(l => VietnameseText.SearchKey(l) == "ke hoach");
        if (plan >= 0)
        {
            var title = lines.Skip(plan + 1).TakeWhile(l => !StopsTitle(l)).Take(3).ToList();
            if (title.Count > 0) header.Title = VietnameseText.Clean(string.Join(" ", title));
        }
        if (header.Title is null) problems.Add(ReadingProblem.Warning(place, "Không tìm thấy tên kế hoạch (dòng sau chữ “KẾ HOẠCH”)."));

        if (header.Title is not null && Period().Match(header.Title) is { Success: true } period)
        {
            header.Kind = "programme";
            header.Year = int.Parse(period.Groups[1].Value, CultureInfo.InvariantCulture);
            header.EndYear = int.Parse(period.Groups[2].Value, CultureInfo.InvariantCulture);
        }
        else if (header.Title is not null && Year().Match(header.Title) is { Success: true } year)
            header.Year = int.Parse(year.Groups[1].Value, CultureInfo.InvariantCulture);
        else if (header.IssuedOn is not null)
            header.Year = int.Parse(header.IssuedOn[..4], CultureInfo.InvariantCulture);
        return header;
    }

    private static bool StopsIssuer(string line)
    {
        var key = VietnameseText.SearchKey(line);
        return key.Length == 0 || key.StartsWith("so", StringComparison.Ordinal) && Number().IsMatch(line)
            || key.StartsWith("cong hoa", StringComparison.Ordinal) || key.StartsWith("doc lap", StringComparison.Ordinal)
            || key == "ke hoach" || Rule().IsMatch(line) || DateLine().IsMatch(line);
    }

    private static bool StopsTitle(string line) =>
        line.Length == 0 || Rule().IsMatch(line) || VietnameseText.SearchKey(line).StartsWith("can cu", StringComparison.Ordinal) || Heading().IsMatch(line) || line.Length > 300;

    /// <summary>
    /// An issuer printed in capitals in the sentence case the seed uses ("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ" →
    /// "Ủy ban nhân dân thành phố Cần Thơ"): lower case, the place name after a locality word capitalised,
    /// abbreviations (UBND, HĐND) kept. Mixed case is kept as printed.
    /// </summary>
    internal static string SentenceCase(string printed)
    {
        var text = VietnameseText.Clean(printed);
        if (!string.Equals(text, text.ToUpper(Vietnamese), StringComparison.Ordinal)) return text;
        var words = text.Split(' ');
        var result = new List<string>();
        var placeName = false;
        foreach (var (i, word) in words.Index())
        {
            var lower = word.ToLower(Vietnamese);
            var abbreviation = word is "UBND" or "HĐND" or "TP" or "TP.";
            result.Add(abbreviation ? word : placeName || i == 0 ? Capital(lower) : lower);
            var sofar = VietnameseText.SearchKey(string.Join(" ", result));
            if (!placeName && Localities.Any(l => sofar.EndsWith(" " + l, StringComparison.Ordinal))) placeName = true;
        }
        return string.Join(" ", result);
    }

    private static string Capital(string word) => word.Length == 0 ? word : char.ToUpper(word[0], Vietnamese) + word[1..];

    [GeneratedRegex(@"^Số\s*:?\s*(\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex Number();

    [GeneratedRegex(@"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^[-_–—=.*\s]{3,}$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^([IVX]+|\d+)\.\s")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b")]
    private static partial Regex Period();

    [GeneratedRegex(@"\b((?:19|20)\d{2})\b")]
    private static partial Regex Year();
}
