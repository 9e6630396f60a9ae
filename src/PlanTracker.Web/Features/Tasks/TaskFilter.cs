using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Plans;
using PlanTracker.Core.Text;

namespace PlanTracker.Web.Features.Tasks;

/// <summary>
/// The task list's filters, as they arrive in the query string. A unit filter also finds the tasks
/// assigned to a group the unit belongs to ("UBND quận, huyện" finds Ninh Kiều's tasks).
/// </summary>
public sealed class TaskFilter
{
    public int? Plan { get; set; }
    public int? Section { get; set; }
    public int? Unit { get; set; }
    public AssignmentRole? Role { get; set; }
    /// <summary>A deadline quarter written "2019-Q4".</summary>
    public string? Quarter { get; set; }
    public DeadlineKind? Kind { get; set; }
    public string? Q { get; set; }

    public async Task<IQueryable<PlanTask>> ApplyAsync(PlanTrackerDbContext db, IQueryable<PlanTask> tasks, int planId)
    {
        tasks = tasks.Where(t => t.Section!.PlanId == planId && !t.IsRetired && !t.Section.IsRetired);
        if (Section is { } number)
            tasks = tasks.Where(t => t.Section!.Number == number);

        if (Unit is { } unitId)
        {
            var groupIds = await db.UnitGroupMembers.Where(m => m.UnitId == unitId).Select(m => (int?)m.UnitGroupId).ToListAsync();
            var role = Role;
            tasks = tasks.Where(t => t.Assignments.Any(a =>
                (role == null || a.Role == role) && (a.UnitId == unitId || groupIds.Contains(a.UnitGroupId))));
        }
        else if (Role is { } onlyRole)
            tasks = tasks.Where(t => t.Assignments.Any(a => a.Role == onlyRole));

        if (Kind is { } kind)
            tasks = tasks.Where(t => t.Deliverables.Any(d => d.DeadlineKind == kind));

        if (TryParseQuarter(Quarter, out var first, out var last))
            tasks = tasks.Where(t => t.Deliverables.Any(d =>
                d.DeadlineKind == DeadlineKind.RecurringQuarterly
                    ? d.DeadlineStart <= last && d.DeadlineDue >= first
                    : d.DeadlineDue >= first && d.DeadlineDue <= last));

        if (VietnameseText.SearchKey(Q) is { Length: > 0 } key)
            tasks = tasks.Where(t => t.SearchText.Contains(key));

        return tasks;
    }

    public static bool TryParseQuarter(string? text, out DateOnly first, out DateOnly last)
    {
        first = last = default;
        var parts = text?.Split("-Q", StringSplitOptions.TrimEntries);
        if (parts is not [var y, var q]
            || !int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2200
            || !int.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out var quarter) || quarter is < 1 or > 4)
            return false;
        first = new DateOnly(year, quarter * 3 - 2, 1);
        last = first.AddMonths(3).AddDays(-1);
        return true;
    }

    public static string QuarterLabel(DateOnly day) => $"{day.Year}-Q{(day.Month + 2) / 3}";
}
