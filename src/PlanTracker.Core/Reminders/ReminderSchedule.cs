namespace PlanTracker.Core.Reminders;

/// <summary>
/// When the rules fire. A run covers the occurrence dates in (after, upTo]; of an item's occurrences
/// there, only the latest matters, so a missed week gives one line about the item as it stands now.
/// </summary>
public static class ReminderSchedule
{
    /// <summary>The latest "due soon" or "overdue" occurrence of a due date inside the window.</summary>
    public static (bool Overdue, DateOnly On)? Latest(DateOnly due, int[] daysBefore, int overdueStep, DateOnly after, DateOnly upTo)
    {
        if (upTo > due)
        {
            var first = due.AddDays(1);
            var latest = first.AddDays((upTo.DayNumber - first.DayNumber) / overdueStep * overdueStep);
            return latest > after ? (true, latest) : null;
        }
        DateOnly? soon = null;
        foreach (var days in daysBefore)
        {
            var on = due.AddDays(-days);
            if (on > after && on <= upTo && (soon is null || on > soon)) soon = on;
        }
        return soon is { } s ? (false, s) : null;
    }

    /// <summary>The latest given weekday inside the window.</summary>
    public static DateOnly? LatestWeekday(DayOfWeek day, DateOnly after, DateOnly upTo)
    {
        var back = ((int)upTo.DayOfWeek - (int)day + 7) % 7;
        var on = upTo.AddDays(-back);
        return on > after ? on : null;
    }
}
