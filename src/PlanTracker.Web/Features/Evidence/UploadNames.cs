using System.Globalization;
using System.Text;

namespace PlanTracker.Web.Features.Evidence;

/// <summary>
/// The name an uploaded file is known by, for evidence and report files alike. A name is shown on pages, in
/// history and in the download's Content-Disposition, so it keeps no control characters (C0, DEL, C1), no
/// format characters (bidirectional overrides such as U+202E, which make "gpj.exe" read as "exe.jpg"; zero-width
/// characters; U+FEFF) and no line separators; the extension is read from the cleaned name too.
/// </summary>
public static class UploadNames
{
    /// <summary>Used when nothing is left of the name but its extension.</summary>
    public const string DefaultStem = "tep-dinh-kem";

    /// <summary>The FileName columns hold 255 characters.</summary>
    public const int MaxLength = 255;

    public static string Clean(string? uploaded)
    {
        var raw = uploaded ?? "";
        // Browsers on Windows once sent the whole path; on Linux Path.GetFileName keeps everything before a '\'.
        raw = raw[(raw.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(raw.Length);
        foreach (var rune in raw.EnumerateRunes()) // a lone surrogate comes out as U+FFFD
            if (!IsStripped(rune)) kept.Append(rune.ToString());
        var name = kept.ToString().Trim();

        var extension = Path.GetExtension(name);
        var stem = name[..^extension.Length].Trim().TrimEnd('.');
        if (stem.Length == 0) stem = DefaultStem;
        if (stem.Length + extension.Length > MaxLength)
            stem = stem[..Math.Max(1, MaxLength - extension.Length)];
        if (stem.Length > 1 && char.IsHighSurrogate(stem[^1])) stem = stem[..^1]; // not half a letter
        name = stem + extension;
        return name.Length <= MaxLength ? name : name[..MaxLength];
    }

    private static bool IsStripped(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        || (rune.Value & 0xFFFE) == 0xFFFE; // U+FFFE, U+FFFF and their kin: noncharacters XML cannot carry
}
