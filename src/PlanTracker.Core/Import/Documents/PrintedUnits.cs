using PlanTracker.Core.Text;

namespace PlanTracker.Core.Import.Documents;

/// <summary>
/// Splits a printed unit cell into unit names as seed/README.md says: at ";" and at the commas between units, but
/// not inside group names that hold a comma ("Sở, ngành TP", "Sở, ban, ngành TP", "UBND quận, huyện",
/// "UBND xã, phường, thị trấn", "Bệnh viện đa khoa TP, quận, huyện"). A piece after a comma stays with the name
/// before it when it begins with a word that only continues a list of unit kinds (ngành, huyện, phường...), or
/// when the name before is a bare kind ("Sở").
/// </summary>
public static class PrintedUnits
{
    private static readonly string[] Continuations =
        ["ban", "nganh", "quan", "huyen", "thi xa", "thi tran", "xa", "phuong", "thanh pho", "tinh"];

    private static readonly string[] BareKinds = ["so", "ban", "nganh", "co quan", "don vi"];

    public static List<string> Split(string? cell)
    {
        var units = new List<string>();
        foreach (var part in VietnameseText.Clean(cell).Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var names = new List<string>();
            foreach (var piece in part.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (names.Count > 0 && (Continues(piece) || BareKinds.Contains(VietnameseText.SearchKey(names[^1]))))
                    names[^1] += ", " + piece;
                else
                    names.Add(piece);
            }
            units.AddRange(names.Select(n => n.TrimEnd('.')).Where(n => n.Length > 0));
        }
        return units;
    }

    private static bool Continues(string piece)
    {
        if (piece.Length == 0 || !char.IsLower(piece[0])) return false;
        var key = VietnameseText.SearchKey(piece);
        return Continuations.Any(c => key == c || key.StartsWith(c + " ", StringComparison.Ordinal));
    }
}
