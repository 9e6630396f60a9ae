using System.Text.RegularExpressions;

namespace PlanTracker.Core.Import.Documents;

/// <summary>The task labels plans print ("a)", "1.", "1.1", "-"), the same for every reader.</summary>
internal static partial class TaskLabels
{
    /// <summary>The order of the letters that label tasks: Vietnamese has đ after d and no f, j, w, z.</summary>
    public const string Letters = "abcdđeghiklmnopqrstuvxy";

    /// <summary>A label printed at the start of the activity ("a) Rà soát", "1.1. Rà soát", "- Rà soát") and the text after it.</summary>
    public static (string Label, string Text)? AtStart(string activity) =>
        Prefixed().Match(activity) is { Success: true } m ? (m.Groups[1].Value, m.Groups[2].Value) : null;

    [GeneratedRegex(@"^([a-zđ]\)|\d+(?:\.\d+)*[.)]|[-–•+])\s*(\S.*)$", RegexOptions.Singleline)]
    private static partial Regex Prefixed();
}
