using System.Text;
using System.Text.RegularExpressions;

namespace PlanTracker.Core.Import.Documents;

/// <summary>
/// Splits a printed unit cell ("Sở, ngành TP, UBND quận, huyện") into its units and groups. With the directory's
/// names and aliases a cell must be made of known names, so a comma inside a group name ("UBND quận, huyện") is
/// told from a comma between units; without them a part starts a new unit only when it starts with a unit word.
/// </summary>
internal sealed partial class TextUnits
{
    // The words a unit name starts with in CCHC plans; used when no directory is given.
    private static readonly string[] Heads =
    [
        "Sở", "UBND", "Ủy ban", "Uỷ ban", "Văn phòng", "Phòng", "Các Phòng", "Trung tâm", "Cục", "Chi cục", "Bảo hiểm",
        "Hội đồng", "Ban", "Bộ", "Đài", "Báo", "Bệnh viện", "Công an", "Kho bạc", "Thanh tra", "Đơn vị", "Trường",
        "Tòa án", "Viện", "Liên đoàn", "Hội", "cơ quan", "báo đài", "các đơn vị", "các trường", "các bệnh viện", "các cơ quan",
    ];

    private readonly HashSet<string>? known;
    private readonly string[] knownStarts;

    public TextUnits(IEnumerable<string>? names)
    {
        if (names is null) { knownStarts = []; return; }
        known = new HashSet<string>(names.Select(Key), StringComparer.Ordinal);
        knownStarts = [.. known.Select(k => k.Split(' ')[0]).Distinct()];
    }

    /// <summary>The units of a cell as printed, or null when the cell is not a list of units.</summary>
    public List<string>? Split(string cell)
    {
        cell = SpaceBeforePunctuation().Replace(TextCells.Collapse(cell), "$1").Trim(' ', ',', ';', '.');
        if (cell.Length == 0) return null;
        var parts = Parts(cell);
        return known is null ? SplitByHeads(cell, parts) : SplitByDirectory(cell, parts);
    }

    /// <summary>Whether the text starts like a unit name.</summary>
    public bool StartsUnit(string text)
    {
        text = text.TrimStart('-', ' ');
        return known is null
            ? Heads.Any(h => StartsWithWord(text, h))
            : knownStarts.Contains(Key(text).Split(' ')[0]);
    }

    private List<string>? SplitByDirectory(string cell, List<(int Start, int End)> parts)
    {
        // Fewest names covering every part: best[i] is the cover of parts i.. .
        var best = new List<string>?[parts.Count + 1];
        best[parts.Count] = [];
        for (var i = parts.Count - 1; i >= 0; i--)
            for (var j = i; j < parts.Count; j++)
            {
                if (best[j + 1] is not { } rest) continue;
                var name = cell[parts[i].Start..parts[j].End].Trim();
                if (!known!.Contains(Key(name))) continue;
                if (best[i] is null || best[i]!.Count > rest.Count + 1) best[i] = [name, .. rest];
            }
        return best[0];
    }

    /// <summary>
    /// Without a directory, the commas are read by <see cref="UnitNames"/>'s rule (the same for every reader); a "và"
    /// joining two units splits too. A name that does not start with a unit word continues the one before it.
    /// </summary>
    private static List<string>? SplitByHeads(string cell, List<(int Start, int End)> parts)
    {
        var text = new StringBuilder();
        for (var k = 0; k < parts.Count; k++)
        {
            text.Append(cell[parts[k].Start..parts[k].End]);
            if (k + 1 < parts.Count) text.Append(cell[parts[k].End..parts[k + 1].Start].Trim() is "và" or ";" ? "; " : ", ");
        }
        var units = new List<string>();
        foreach (var name in UnitNames.Split(text.ToString()))
        {
            if (Heads.Any(h => StartsWithWord(name, h))) units.Add(name);
            else if (units.Count > 0) units[^1] += ", " + name;
            else return null;
        }
        return units;
    }

    /// <summary>The parts between commas, semicolons and a "và" that joins two units.</summary>
    private List<(int Start, int End)> Parts(string cell)
    {
        var parts = new List<(int, int)>();
        var start = 0;
        foreach (Match m in Separator().Matches(cell))
        {
            if (m.Value.Trim() == "và" && !StartsUnit(cell[(m.Index + m.Length)..])) continue;
            parts.Add((start, m.Index));
            start = m.Index + m.Length;
        }
        parts.Add((start, cell.Length));
        return parts;
    }

    private static bool StartsWithWord(string text, string head) =>
        text.StartsWith(head, StringComparison.Ordinal) && (text.Length == head.Length || !char.IsLetter(text[head.Length]));

    private static string Key(string name) => TextCells.Collapse(name).ToLowerInvariant();

    [GeneratedRegex(@"\s+([,;])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"\s*[,;]\s*|\s+và\s+")]
    private static partial Regex Separator();
}
