namespace PlanTracker.Web.Features.Shared;

/// <summary>The fields an edit really changed, kept as before/after for the history record.</summary>
public sealed class FieldChanges
{
    private readonly Dictionary<string, object?> before = [];
    private readonly Dictionary<string, object?> after = [];
    private readonly List<string> labels = [];

    public bool Any => before.Count > 0;
    public IReadOnlyDictionary<string, object?> Before => before;
    public IReadOnlyDictionary<string, object?> After => after;
    /// <summary>The Vietnamese names of the changed fields, for the one-line summary.</summary>
    public string Labels => string.Join(", ", labels);

    public FieldChanges Add<T>(string field, string label, T old, T @new)
    {
        if (EqualityComparer<T>.Default.Equals(old, @new)) return this;
        before[field] = old;
        after[field] = @new;
        labels.Add(label);
        return this;
    }
}
