namespace PlanTracker.Core.Plans;

/// <summary>Orders task codes as the plan does: "2.b" before "2.m" before "2.m.1", numbers numerically.</summary>
public sealed class TaskCodeOrder : IComparer<string>
{
    public static readonly TaskCodeOrder Instance = new();

    /// <summary>
    /// Each distinct code's place in plan order, to sort many items by a number: comparing codes part by part for
    /// every pair is what makes sorting 200,000 items slow.
    /// </summary>
    public static Func<string, int> Ranks(IEnumerable<string> codes)
    {
        // Each code split and parsed once, not once per comparison (the same order as Compare; OrderBy is stable).
        var ranks = codes.Distinct().Select(code => (code, parts: Parts(code))).OrderBy(x => x.parts, PartsOrder)
            .Select((x, i) => (x.code, i)).ToDictionary(x => x.code, x => x.i);
        return code => ranks[code];
    }

    private static (int, string)[] Parts(string code) => [.. code.Split('.').Select(Key)];

    private static readonly Comparer<(int, string)[]> PartsOrder = Comparer<(int, string)[]>.Create((a, b) =>
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = a[i].CompareTo(b[i]);
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    });
    private const string Letters = "aăâbcdđeêghiklmnoôơpqrstuưvxy";

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('.');
        var b = (y ?? "").Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = Key(a[i]).CompareTo(Key(b[i]));
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }

    private static (int, string) Key(string part) =>
        int.TryParse(part, out var n) ? (n, "") : (part.Length == 1 && Letters.Contains(part) ? 100000 + Letters.IndexOf(part, StringComparison.Ordinal) : 200000, part);
}
