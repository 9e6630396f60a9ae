using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Plans;
using PlanTracker.Core.States;
using PlanTracker.Tests.Features.Reminders.Support;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Deadlines;

/// <summary>
/// A "Hằng năm" deliverable of a 2021–2025 programme is tracked once a year, like a quarter of "Hàng quý": on
/// 07/03/2023 the 2021 occurrence is done, the 2022 one missed and overdue, the 2023 one not yet due.
/// </summary>
public class RecurringDeadlineTests
{
    private static readonly DateOnly Today = new(2023, 3, 7);

    private static async Task<(int PlanId, int TaskId, int DeliverableId)> ArrangeProgrammeAsync(ReminderHost host)
    {
        await using var db = host.NewDbContext();
        var unit = await db.Units.SingleAsync(u => u.Code == "STP");
        var plan = new Plan
        {
            Number = "4168/QĐ-UBND", Title = "Kế hoạch CCHC giai đoạn 2021-2025", Year = 2021, EndYear = 2025, Kind = PlanKind.Programme,
            CreatedAtUtc = DateTime.UtcNow,
        };
        var section = new Section { Plan = plan, Number = 1, Title = "Cải cách thể chế", SortOrder = 0 };
        var task = new PlanTask { Section = section, Code = "1.a", Activity = "Rà soát văn bản quy phạm pháp luật", SortOrder = 0 };
        var deliverable = new Deliverable { Product = "Báo cáo rà soát", SortOrder = 0 };
        deliverable.ApplyDeadline(DeadlineParser.Parse("Hằng năm", plan.Year, plan.EndYear));
        task.Deliverables.Add(deliverable);
        task.Assignments.Add(new TaskAssignment { Role = AssignmentRole.Lead, PrintedName = unit.Name, UnitId = unit.Id });
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        await host.MarkDoneAsync(deliverable.Id, "STP", new DateOnly(2021, 12, 20), period: "2021");
        return (plan.Id, task.Id, deliverable.Id);
    }

    [Fact]
    public async Task The_task_list_shows_the_missed_year_overdue_and_the_next_not_yet_due()
    {
        using var host = new ReminderHost();
        host.Time.SetMorning(Today);
        var (planId, _, _) = await ArrangeProgrammeAsync(host);

        var html = await (await host.ViewerAsync()).GetStringAsync($"/tasks?Plan={planId}&State=all&AsOf=2023-03-07");

        var rows = PageText.Parse(html).QuerySelectorAll("table.items tbody tr")
            .Select(r => (Period: r.Children[1].TextContent.Split(" · ")[^1].Trim(), State: r.GetAttribute("data-state")))
            .ToList();
        Assert.Equal(
            [("Năm 2021", "DoneOnTime"), ("Năm 2022", "Overdue"), ("Năm 2023", "InProgress"), ("Năm 2024", "InProgress"), ("Năm 2025", "InProgress")],
            rows);
    }

    [Fact]
    public async Task The_reminders_preview_chases_the_missed_year_only()
    {
        using var host = new ReminderHost();
        host.Settings["Reminders:OverdueEveryDays"] = "1"; // an overdue line every day, so that any day shows it
        host.Time.SetMorning(Today);
        var (_, _, deliverableId) = await ArrangeProgrammeAsync(host);

        var preview = await host.Runner.PreviewAsync();

        var lines = preview.Digests.SelectMany(d => d.Lines).Where(l => l.Work?.DeliverableId == deliverableId).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal(("2022", new DateOnly(2022, 12, 31), DeliverableState.Overdue), (l.Work!.Period, l.Due, l.Work.State)));
        var digest = Assert.Single(preview.Digests, d => d.UnitName == "Sở Tư pháp");
        Assert.Contains("Nhiệm vụ 1.a (Năm 2022) – Kế hoạch 4168/QĐ-UBND giai đoạn 2021–2025: Rà soát văn bản quy phạm pháp luật", digest.Text);
        Assert.DoesNotContain("(Năm 2023)", digest.Text);
    }
}
