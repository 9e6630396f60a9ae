using PlanTracker.Core.History;
using PlanTracker.Core.States;
using PlanTracker.Core.Units;

namespace PlanTracker.Web.Features.UnitPlans;

/// <summary>
/// Starts a unit's own annual plan from the city plan (Plan 163, III.1.a: every unit turns the city plan into its
/// own and sends it to Sở Nội vụ by 31/01): one task per city task the unit leads or coordinates, directly or through
/// a group, with its products and deadlines, each citing its city task and led by the unit so that it is tracked.
/// </summary>
public static class UnitPlanStarter
{
    /// <summary>The number a new unit plan carries until the unit gives it its own; refused on submission.</summary>
    public const string PlaceholderPrefix = "…/KH-";

    public static bool IsPlaceholder(string number) => number.StartsWith('…');

    /// <summary>The unit's plan for the city plan, if it has one (there is at most one).</summary>
    public static Task<Plan?> ExistingAsync(PlanTrackerDbContext db, int cityPlanId, int unitId) =>
        db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Kind == PlanKind.UnitAnnual && p.UnitId == unitId && p.ParentPlanId == cityPlanId);

    /// <summary>The live city tasks the unit leads or coordinates (or holds the one role asked for), in plan order.</summary>
    public static Task<List<PlanTask>> CityTasksOfAsync(PlanTrackerDbContext db, int cityPlanId, int unitId, AssignmentRole? role = null) =>
        db.Tasks.AsNoTracking().AssignedTo(db, unitId, role)
            .Where(t => t.Section!.PlanId == cityPlanId && !t.IsRetired && !t.Section.IsRetired)
            .Include(t => t.Section)
            .Include(t => t.Deliverables.Where(d => !d.IsRetired).OrderBy(d => d.SortOrder).ThenBy(d => d.Id))
            .OrderBy(t => t.Section!.SortOrder).ThenBy(t => t.SortOrder).ThenBy(t => t.Id)
            .ToListAsync();

    /// <summary>Saves the draft plan, its sections and its tasks with its history record, in the caller's transaction.</summary>
    public static async Task<Plan> StartAsync(PlanTrackerDbContext db, Actor actor, DateTime nowUtc, Plan city, Unit unit)
    {
        var plan = new Plan
        {
            Number = PlaceholderPrefix + unit.Code,
            Title = $"Kế hoạch cải cách hành chính năm {city.Year} của {unit.Name}",
            Year = city.Year,
            EndYear = city.EndYear,
            Kind = PlanKind.UnitAnnual,
            Status = PlanStatus.Draft,
            UnitId = unit.Id,
            ParentPlanId = city.Id,
            VerifiesCompletions = true,
            Issuer = unit.Name,
            CreatedAtUtc = nowUtc,
        };
        var sections = await db.Sections.AsNoTracking().Where(s => s.PlanId == city.Id && !s.IsRetired).OrderBy(s => s.SortOrder).ToListAsync();
        var bySection = sections.ToDictionary(s => s.Id, s => new Section { Number = s.Number, Title = s.Title, SortOrder = s.SortOrder });
        plan.Sections.AddRange(bySection.Values);

        var cityTasks = await CityTasksOfAsync(db, city.Id, unit.Id);
        foreach (var (cityTask, order) in cityTasks.Select((t, i) => (t, i)))
            bySection[cityTask.SectionId].Tasks.Add(new PlanTask
            {
                Code = cityTask.Code,
                Activity = cityTask.Activity,
                SortOrder = order,
                Assignments = [LeadOf(unit)],
                Citations = [new TaskCitation { CitedTaskId = cityTask.Id }],
                Deliverables = cityTask.Deliverables.Select(d => new Deliverable
                {
                    Product = d.Product, Note = d.Note, SortOrder = d.SortOrder, DeadlineText = d.DeadlineText, DeadlineKind = d.DeadlineKind,
                    DeadlineStart = d.DeadlineStart, DeadlineDue = d.DeadlineDue, DeadlineNote = d.DeadlineNote,
                }).ToList(),
            });
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        db.Record(actor, nowUtc, ChangeKind.UnitPlanStarted, plan.Id,
            $"Lập kế hoạch CCHC năm {city.Year} của {unit.Name} từ kế hoạch {city.Number}: {cityTasks.Count} nhiệm vụ của thành phố",
            after: new { CityPlan = city.Number, ParentPlanId = city.Id, UnitId = unit.Id, CitedTaskIds = cityTasks.Select(t => t.Id).ToArray() },
            planId: plan.Id);
        await db.SaveChangesAsync();
        return plan;
    }

    /// <summary>The unit leads every task of its own plan, so that its progress is recorded like any other.</summary>
    public static TaskAssignment LeadOf(Unit unit) => new() { Role = AssignmentRole.Lead, PrintedName = unit.Name, UnitId = unit.Id };
}
