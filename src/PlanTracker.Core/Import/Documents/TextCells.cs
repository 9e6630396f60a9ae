using System.Text;
using System.Text.RegularExpressions;

namespace PlanTracker.Core.Import.Documents;

/// <summary>A piece of a table cell: one line of text copied out of a PDF, or the part of it between wide gaps.</summary>
/// <param name="Line">1-based line number in the pasted text.</param>
/// <param name="Text">The piece, trimmed.</param>
/// <param name="SharesLine">Another cell's piece stands before it on the same line.</param>
/// <param name="EndsCell">The line ended in a wide gap or a blank line followed: the cell ends here.</param>
internal sealed record TextPiece(int Line, string Text, bool SharesLine, bool EndsCell)
{
    public string FirstWord => Text.Split(' ')[0];
}

internal static partial class TextCells
{
    public static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    /// <summary>The pieces of a cell joined with spaces; a word cut after a hyphen ("07-" / "KH/TW") is joined whole.</summary>
    public static string Join(IEnumerable<TextPiece> pieces)
    {
        var text = new StringBuilder();
        foreach (var piece in pieces)
        {
            if (text.Length > 0 && !(text[^1] == '-' && text.Length > 1 && text[^2] != ' ')) text.Append(' ');
            text.Append(piece.Text);
        }
        return Collapse(text.ToString());
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
