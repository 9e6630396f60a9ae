namespace PlanTracker.Web.Features.Admin.Plans;

/// <summary>
/// A section's tasks in reading order: each lettered task followed by its sub-items. SortOrder runs
/// through the whole section in that order, as the importer writes it.
/// </summary>
public static class TaskOrder
{
    public static List<PlanTask> Flatten(IReadOnlyCollection<PlanTask> tasks)
    {
        var ids = tasks.Select(t => t.Id).ToHashSet();
        var subs = tasks.Where(t => t.ParentTaskId is { } p && ids.Contains(p))
            .ToLookup(t => t.ParentTaskId!.Value);
        var flat = new List<PlanTask>(tasks.Count);
        foreach (var top in Sorted(tasks.Where(t => t.ParentTaskId is not { } p || !ids.Contains(p))))
        {
            flat.Add(top);
            flat.AddRange(Sorted(subs[top.Id]));
        }
        return flat;
    }

    /// <summary>Writes SortOrder 0, 1, 2 ... in reading order.</summary>
    public static void Renumber(IReadOnlyCollection<PlanTask> tasks)
    {
        foreach (var (task, i) in Flatten(tasks).Select((t, i) => (t, i)))
            task.SortOrder = i;
    }

    /// <summary>
    /// Moves a task one place up or down among its active siblings (a lettered task takes its sub-items
    /// along), then renumbers the section. False when it is already first or last.
    /// </summary>
    public static bool Move(IReadOnlyCollection<PlanTask> sectionTasks, PlanTask task, bool up)
    {
        Renumber(sectionTasks);
        var siblings = Sorted(sectionTasks.Where(t => t.ParentTaskId == task.ParentTaskId)).ToList();
        if (!Ordering.SwapWithActiveNeighbour(siblings, task, up, t => !t.IsRetired)) return false;
        // Siblings take each other's places; the flattening then carries sub-items along with their parent.
        var slots = siblings.Select(t => t.SortOrder).Order().ToList();
        foreach (var (sibling, i) in siblings.Select((t, i) => (t, i))) sibling.SortOrder = slots[i];
        Renumber(sectionTasks);
        return true;
    }

    private static IEnumerable<PlanTask> Sorted(IEnumerable<PlanTask> tasks) => tasks.OrderBy(t => t.SortOrder).ThenBy(t => t.Id);
}

public static class Ordering
{
    /// <summary>Swaps the item with the nearest active item above or below it in the list.</summary>
    public static bool SwapWithActiveNeighbour<T>(List<T> ordered, T item, bool up, Func<T, bool> isActive)
    {
        var index = ordered.IndexOf(item);
        if (index < 0) return false;
        var step = up ? -1 : 1;
        var other = index + step;
        while (other >= 0 && other < ordered.Count && !isActive(ordered[other])) other += step;
        if (other < 0 || other >= ordered.Count) return false;
        (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
        return true;
    }

    /// <summary>Moves an item among its list (sections of a plan, deliverables of a task) and renumbers it 0..n-1.</summary>
    public static bool Move<T>(IEnumerable<T> items, T item, bool up, Func<T, int> order, Func<T, int> id,
        Func<T, bool> isActive, Action<T, int> setOrder)
    {
        var ordered = items.OrderBy(order).ThenBy(id).ToList();
        if (!SwapWithActiveNeighbour(ordered, item, up, isActive)) return false;
        foreach (var (x, i) in ordered.Select((x, i) => (x, i))) setOrder(x, i);
        return true;
    }
}
