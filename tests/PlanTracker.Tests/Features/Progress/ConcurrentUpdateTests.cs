using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.Plans;
using PlanTracker.Core.Progress;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Progress;

/// <summary>Several units saving at the same moment: every save lands, none fails on a busy database.</summary>
public class ConcurrentUpdateTests(ConcurrentUpdateTests.Host host) : IClassFixture<ConcurrentUpdateTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    [Fact]
    public async Task Status_updates_posted_at_the_same_time_are_all_saved()
    {
        List<(int Deliverable, int Unit)> targets;
        await using (var db = host.NewDbContext())
            targets = (await db.TaskAssignments.AsNoTracking()
                    .Where(a => a.Role == AssignmentRole.Lead && a.UnitId != null)
                    .SelectMany(a => a.Task!.Deliverables.Where(d => d.DeadlineKind != DeadlineKind.RecurringQuarterly && d.DeadlineKind != DeadlineKind.Ongoing),
                        (a, d) => new { Deliverable = d.Id, Unit = a.UnitId!.Value })
                    .Take(12).ToListAsync())
                .Select(t => (t.Deliverable, t.Unit)).ToList();
        var admin = await host.AdminAsync();

        var responses = await Task.WhenAll(targets.Select((t, i) => admin.PostFormAsync(
            $"/deliverables/{t.Deliverable}/progress?unit={t.Unit}&period=",
            ("Unit", $"{t.Unit}"), ("Period", ""), ("Input.Version", "0"), ("Input.Status", "InProgress"),
            ("Input.ProgressPercent", $"{10 + i}"), ("Input.ResultText", $"Cập nhật đồng thời {i}"))));

        Assert.Equal(12, targets.Count);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var after = host.NewDbContext();
        var saved = await after.Progress.AsNoTracking().Where(p => p.Period == "" && p.Status == ProgressStatus.InProgress)
            .Select(p => new { p.DeliverableId, p.UnitId, p.ProgressPercent }).ToListAsync();
        Assert.All(targets.Select((t, i) => (t.Deliverable, t.Unit, Percent: 10 + i)),
            t => Assert.Contains(saved, s => s.DeliverableId == t.Deliverable && s.UnitId == t.Unit && s.ProgressPercent == t.Percent));
        Assert.Equal(12, await after.ChangeRecords.CountAsync(c => c.Action == "ProgressUpdated"));
    }
}
