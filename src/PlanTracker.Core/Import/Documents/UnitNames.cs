using PlanTracker.Core.Text;

namespace PlanTracker.Core.Import.Documents;

/// <summary>
/// A unit cell as printed, split into one name per unit or unit group (seed/README.md): at ";" and line breaks, and
/// at a comma unless the comma is inside a group name ("Sở, ngành TP", "UBND quận, huyện", "UBND xã, phường, thị
/// trấn", "Bệnh viện đa khoa TP, quận, huyện"): there the comma is followed by an administrative word. A comma inside
/// parentheses never splits, nor one after a bare kind ("Sở, ban, ngành"). On Plan 163 this gives every one of the
/// 113 printed unit lists back from its cell. The one rule for the Word, Excel and text readers.
/// </summary>
public static class UnitNames
{
    public static List<string> Split(string? cell)
    {
        var names = new List<string>();
        foreach (var line in (cell ?? "").Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var part = VietnameseText.Clean(line).TrimStart('-', '+', '•', '–', ' ').TrimEnd('.', ',', ' ');
            foreach (var name in SplitAtCommas(part))
                if (name.Length > 0 && !names.Contains(name, StringComparer.Ordinal)) names.Add(name);
        }
        return names;
    }

    private static IEnumerable<string> SplitAtCommas(string text)
    {
        var start = 0;
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth = Math.Max(0, depth - 1);
            else if (text[i] == ',' && depth == 0 && StartsName(text, i + 1) && !BareKinds.Contains(VietnameseText.SearchKey(text[start..i])))
            {
                yield return text[start..i].Trim();
                start = i + 1;
            }
        }
        yield return text[start..].Trim();
    }

    /// <summary>The words that continue a group name after a comma.</summary>
    private static readonly string[] GroupWords = ["ngành", "ban", "sở", "quận", "huyện", "xã", "phường", "thị trấn", "thị xã", "thành phố", "tỉnh", "đoàn thể"];

    /// <summary>A kind alone before a comma is the start of a group name ("Sở, ban, ngành TP").</summary>
    private static readonly string[] BareKinds = ["so", "ban", "nganh", "co quan", "don vi"];

    private static bool StartsName(string text, int from)
    {
        var rest = text[from..].TrimStart();
        return !GroupWords.Any(w => rest.StartsWith(w, StringComparison.Ordinal) && (rest.Length == w.Length || rest[w.Length] is ' ' or ',' or ')'));
    }
}
