using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Plans;

namespace PlanTracker.Tests.Support;

/// <summary>Small plans beside the seeded Plan 163, written straight to the database: one section, one task, one product.</summary>
public static class PlanMaking
{
    public sealed record MadePlan(int PlanId, int TaskId, int DeliverableId);

    public static async Task<MadePlan> AddPlanAsync(this PlanTrackerFactory host, string number, int year, PlanStatus status,
        PlanKind kind = PlanKind.CityAnnual, int? endYear = null, string leadUnit = "STP", string deadline = "Quý IV")
    {
        await using var db = host.NewDbContext();
        return await AddPlanAsync(db, number, year, status, kind, endYear, leadUnit, deadline);
    }

    public static async Task<MadePlan> AddPlanAsync(PlanTrackerDbContext db, string number, int year, PlanStatus status,
        PlanKind kind = PlanKind.CityAnnual, int? endYear = null, string leadUnit = "STP", string deadline = "Quý IV")
    {
        var unit = await db.Units.SingleAsync(u => u.Code == leadUnit);
        var deliverable = new Deliverable { Product = $"Sản phẩm của kế hoạch {number}" };
        deliverable.DeadlineText = deadline;
        deliverable.ApplyDeadline(DeadlineParser.Parse(deadline, year));
        var task = new PlanTask
        {
            Code = "1.a", Activity = $"Nhiệm vụ thử của kế hoạch {number}",
            Deliverables = [deliverable],
            Assignments = [new TaskAssignment { Role = AssignmentRole.Lead, PrintedName = unit.Name, UnitId = unit.Id }],
        };
        var plan = new Plan
        {
            Number = number, Title = $"Kế hoạch thử {number}", Year = year, EndYear = endYear ?? year, Kind = kind, Status = status,
            CreatedAtUtc = DateTime.UtcNow,
            Sections = [new Section { Number = 1, Title = "Cải cách thể chế", Tasks = [task] }],
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return new(plan.Id, task.Id, deliverable.Id);
    }

    public static async Task SetStatusAsync(this PlanTrackerFactory host, int planId, PlanStatus status)
    {
        await using var db = host.NewDbContext();
        await db.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, status));
    }
}
