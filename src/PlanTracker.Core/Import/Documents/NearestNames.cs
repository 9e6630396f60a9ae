using PlanTracker.Core.Text;

namespace PlanTracker.Core.Import.Documents;

/// <summary>
/// The names closest to one the directory does not know, for the preview's "add as alias": compared without
/// diacritics or case (<see cref="VietnameseText.SearchKey"/>), so "So Tu Phap" still finds "Sở Tư pháp".
/// </summary>
public static class NearestNames
{
    /// <summary>The <paramref name="count"/> owners whose best name is most like <paramref name="name"/>, best first.</summary>
    public static IReadOnlyList<T> Nearest<T>(string name, IEnumerable<(T Owner, string Name)> candidates, int count = 3) where T : notnull
    {
        var key = VietnameseText.SearchKey(name);
        return [.. candidates
            .Select(c => (c.Owner, Score: Similarity(key, VietnameseText.SearchKey(c.Name))))
            .GroupBy(c => c.Owner)
            .Select(g => (Owner: g.Key, Score: g.Max(c => c.Score)))
            .Where(c => c.Score > 0.3)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Owner.ToString(), StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.Owner)];
    }

    /// <summary>1 minus the edit distance over the longer length: 1 for equal keys, 0 for nothing in common.</summary>
    public static double Similarity(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0) return 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return 1 - (double)previous[b.Length] / Math.Max(a.Length, b.Length);
    }
}
