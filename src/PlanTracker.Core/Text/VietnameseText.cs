using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace PlanTracker.Core.Text;

/// <summary>The few text foldings that Vietnamese data needs to compare and search reliably.</summary>
public static partial class VietnameseText
{
    /// <summary>NFC with runs of whitespace collapsed to one space: the form every stored string takes.</summary>
    public static string Clean(string? text) =>
        text is null ? "" : Whitespace().Replace(XmlSafe(text).Normalize(NormalizationForm.FormC), " ").Trim();

    /// <summary>
    /// The text without the characters XML 1.0 cannot carry: C0 controls other than tab, line feed and carriage
    /// return, U+FFFE, U+FFFF and lone surrogates. Every exported .docx/.xlsx is XML, and one such character in a
    /// stored result once made every export answer 500; <see cref="string.Normalize()"/> throws on some of them.
    /// </summary>
    public static string XmlSafe(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var firstBad = FirstUnsafe(text);
        if (firstBad < 0) return text;
        var safe = new StringBuilder(text.Length);
        safe.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
                safe.Append(text, i++, 2);
            else if (XmlConvert.IsXmlChar(text[i]))
                safe.Append(text[i]);
        }
        return safe.ToString();
    }

    private static int FirstUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) continue;
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) { i++; continue; }
            return i;
        }
        return -1;
    }

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
