using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PlanTracker.Core.Text;

/// <summary>The few text foldings that Vietnamese data needs to compare and search reliably.</summary>
public static partial class VietnameseText
{
    /// <summary>NFC with runs of whitespace collapsed to one space: the form every stored string takes.</summary>
    public static string Clean(string? text) =>
        text is null ? "" : Whitespace().Replace(text.Normalize(NormalizationForm.FormC), " ").Trim();

    /// <summary>Key for matching unit names: <see cref="Clean"/> and lower-case, diacritics kept.</summary>
    public static string NameKey(string? text) => Clean(text).ToLowerInvariant();

    /// <summary>
    /// Key for search: lower-case ASCII without diacritics ("Sở Tư pháp" → "so tu phap"), so that
    /// people can type with or without accents.
    /// </summary>
    public static string SearchKey(string? text)
    {
        var decomposed = Clean(text).Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(c switch { 'đ' => 'd', 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
        }
        return folded.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
