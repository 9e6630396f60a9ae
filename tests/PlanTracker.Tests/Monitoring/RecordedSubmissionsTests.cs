using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Monitoring;

/// <summary>The compiled periodic report reads the submissions units record, with the reminders' due dates and units.</summary>
public class RecordedSubmissionsTests(RecordedSubmissionsTests.Host host) : IClassFixture<RecordedSubmissionsTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-04-15";
    }

    private async Task RecordAsync(string unitCode, DateOnly submittedOn)
    {
        await using var db = host.NewDbContext();
        db.Set<ReportSubmission>().Add(new ReportSubmission
        {
            PlanId = await db.Plans.Select(p => p.Id).SingleAsync(), UnitId = await host.UnitIdAsync(unitCode), PeriodKey = "2019-Q1",
            DocumentNumber = $"1/BC-{unitCode}", DocumentDate = submittedOn, SubmittedOn = submittedOn, RecordedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Units_that_recorded_their_Q1_report_show_on_time_or_late_and_the_others_missing()
    {
        await RecordAsync("STP", new DateOnly(2019, 3, 18)); // due 18/03/2019: two working days after 14/03
        await RecordAsync("STC", new DateOnly(2019, 3, 19));
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTracker.Core.Data.PlanTrackerDbContext>();
        var schedule = scope.ServiceProvider.GetRequiredService<ReportSchedule>();
        var plan = await db.Plans.SingleAsync();
        var q1 = schedule.Find("2019-Q1")!;

        var rows = (await PeriodicReport.BuildAsync(db, schedule.Options, plan, q1, new DateOnly(2019, 4, 15))).Submissions;

        Assert.Equal(new DateOnly(2019, 3, 18), q1.Due);
        Assert.Equal(ReportState.OnTime, rows.Single(r => r.UnitName == "Sở Tư pháp").State);
        Assert.Equal(ReportState.Late, rows.Single(r => r.UnitName == "Sở Tài chính").State);
        Assert.Equal(ReportState.Missing, rows.Single(r => r.UnitName == "Sở Y tế").State);
        Assert.DoesNotContain(rows, r => r.UnitName == "Sở Nội vụ"); // it receives the reports
        var html = await (await host.AdminAsync()).GetStringAsync($"/reports/periodic?plan={plan.Id}&period=2019-Q1");
        Assert.Contains("Trễ hạn", html);
        Assert.Contains("Đúng hạn", html);
        Assert.Contains("Chưa nộp", html);
    }

    [Fact]
    public async Task Plan_163s_duty_makes_every_sở_ngành_and_district_owe_its_reports_but_Sở_Nội_vụ()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTracker.Core.Data.PlanTrackerDbContext>();
        var schedule = scope.ServiceProvider.GetRequiredService<ReportSchedule>();
        var plan = await db.Plans.SingleAsync();
        var group = await db.UnitGroupMembers.Where(m => m.UnitGroup!.Code == "SO_NGANH_QUAN_HUYEN" && m.Unit!.Code != "SNV")
            .Select(m => m.UnitId).ToListAsync();

        var owedBy = await ReportObligations.OwedByAsync(db, plan.Id, schedule.Options);

        Assert.NotEmpty(group);
        foreach (var period in schedule.Of(2019)) Assert.Equal(group.Order(), owedBy(period).Order());
    }

    [Fact]
    public async Task Without_a_duty_the_plans_lead_units_owe_its_reports()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTracker.Core.Data.PlanTrackerDbContext>();
        var schedule = scope.ServiceProvider.GetRequiredService<ReportSchedule>();
        var plan = await db.Plans.SingleAsync();
        var snv = await host.UnitIdAsync("SNV");
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.PlanDuties.Where(d => d.PlanId == plan.Id).ExecuteDeleteAsync();
        var taskIds = await db.Tasks.Where(t => t.Section!.PlanId == plan.Id).Select(t => t.Id).ToArrayAsync();
        var leads = (await PlanTracker.Core.States.WorkItems.LeadUnitsByTaskAsync(db, taskIds)).Values.SelectMany(u => u).ToHashSet();

        var owedBy = await ReportObligations.OwedByAsync(db, plan.Id, schedule.Options);

        Assert.Contains(snv, leads);
        Assert.Equal(leads.Where(u => u != snv).Order(), owedBy(schedule.Find("2019-Q3")!).Order());
        Assert.Equal(leads.Where(u => u != snv).Order(), owedBy(schedule.Find("2019-PLAN")!).Order());
        await transaction.RollbackAsync();
    }
}
