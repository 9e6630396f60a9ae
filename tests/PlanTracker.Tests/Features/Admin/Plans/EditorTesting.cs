using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Data;
using PlanTracker.Core.Deadlines;
using PlanTracker.Core.History;
using PlanTracker.Core.Plans;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Admin.Plans;

/// <summary>Arranging editor tests on the seeded database, and reading back what the editor did.</summary>
public static class EditorTesting
{
    public sealed record ArrangedTask(int PlanId, int SectionId, int SectionNumber, int TaskId, int DeliverableId, int AssignmentId);

    /// <summary>A fresh section of plan 163 with one task "N.a", one deliverable due "Quý IV" and Sở Tư pháp as lead.</summary>
    public static async Task<ArrangedTask> ArrangeTaskAsync(this PlanTrackerFactory host, string activity = "Nhiệm vụ thử")
    {
        await using var db = host.NewDbContext();
        var plan = await db.Plans.OrderBy(p => p.Id).FirstAsync();
        var number = await db.Sections.Where(s => s.PlanId == plan.Id).MaxAsync(s => s.Number) + 1;
        var section = new Section { PlanId = plan.Id, Number = number, Title = $"Lĩnh vực thử {number}", SortOrder = number * 10 };
        var unit = await db.Units.SingleAsync(u => u.Code == "STP");
        var task = new PlanTask { Section = section, Code = $"{number}.a", Activity = activity, SortOrder = 0 };
        var deliverable = new Deliverable { Product = "Báo cáo thử", SortOrder = 0 };
        deliverable.ApplyDeadline(DeadlineParser.Parse("Quý IV", plan.Year));
        task.Deliverables.Add(deliverable);
        var assignment = new TaskAssignment { Role = AssignmentRole.Lead, PrintedName = unit.Name, UnitId = unit.Id };
        task.Assignments.Add(assignment);
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return new(plan.Id, section.Id, number, task.Id, deliverable.Id, assignment.Id);
    }

    public sealed record ArrangedStatements(int ObjectiveId, int IndicatorId, int DutyId);

    /// <summary>An objective with one indicator, and a section III duty, in the given plan; codes unique to this call.</summary>
    public static async Task<ArrangedStatements> ArrangeStatementsAsync(this PlanTrackerFactory host, int planId)
    {
        await using var db = host.NewDbContext();
        var code = Guid.NewGuid().ToString("N")[..12];
        var objective = new Objective { PlanId = planId, Code = code, Text = "Mục tiêu thử" };
        var indicator = new Indicator { Objective = objective, Text = "Chỉ tiêu thử", Target = 50, Unit = "%" };
        var duty = new PlanDuty { PlanId = planId, Code = code, Text = "Nhiệm vụ thử", DeadlineText = "Quý IV" };
        db.AddRange(objective, indicator, duty);
        await db.SaveChangesAsync();
        return new(objective.Id, indicator.Id, duty.Id);
    }

    public static async Task<PlanTask> AddTaskAsync(this PlanTrackerFactory host, int sectionId, string code, int? parentId = null, int sortOrder = 0)
    {
        await using var db = host.NewDbContext();
        var task = new PlanTask { SectionId = sectionId, ParentTaskId = parentId, Code = code, Activity = $"Hoạt động {code}", SortOrder = sortOrder };
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return task;
    }

    public static async Task<List<ChangeRecord>> HistoryAsync(this PlanTrackerFactory host, string entityType, int entityId)
    {
        await using var db = host.NewDbContext();
        return await db.ChangeRecords.AsNoTracking().Where(c => c.EntityType == entityType && c.EntityId == entityId)
            .OrderBy(c => c.Id).ToListAsync();
    }

    public static JsonElement Json(string? json) => JsonDocument.Parse(json ?? "null").RootElement;

    /// <summary>POSTs a form of an editor page (token taken from that page) and follows the redirect, if any.</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> SubmitAsync(this HttpClient client, string pageUrl,
        string? handler, params (string Key, string Value)[] fields)
    {
        var action = handler is null ? pageUrl : $"{pageUrl}{(pageUrl.Contains('?') ? '&' : '?')}handler={handler}";
        var response = await client.PostFormAsync(pageUrl.Split('?')[0], fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), action);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var landed = await client.GetAsync(response.Headers.Location);
            return (response, await landed.Content.ReadAsStringAsync());
        }
        return (response, await response.Content.ReadAsStringAsync());
    }

    public static string Decoded(string html) => WebUtility.HtmlDecode(html);

    /// <summary>Everything the editors can change, as one string: equal before and after means nothing changed.</summary>
    public static async Task<string> FingerprintAsync(this PlanTrackerFactory host)
    {
        await using var db = host.NewDbContext();
        var state = new object[]
        {
            await db.Plans.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Number, p.Title, p.Year, p.IssuedOn, p.Issuer, p.SignedBy, p.SignerTitle }).ToListAsync(),
            await db.Sections.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Number, s.Title, s.SortOrder, s.IsRetired }).ToListAsync(),
            await db.Tasks.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Code, t.Activity, t.Note, t.SortOrder, t.IsRetired, t.Version, t.SearchText, t.ParentTaskId }).ToListAsync(),
            await db.Deliverables.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.Product, d.Note, d.DeadlineText, d.DeadlineKind, d.DeadlineDue, d.SortOrder, d.IsRetired, d.Version }).ToListAsync(),
            await db.TaskAssignments.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Role, a.PrintedName, a.UnitId, a.UnitGroupId, a.IsRetired, a.SortOrder }).ToListAsync(),
            await db.Units.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.Code, u.Name, u.Kind, u.Emails }).ToListAsync(),
            await db.UnitGroups.AsNoTracking().OrderBy(g => g.Id).Select(g => new { g.Id, g.Code, g.Name, g.Description, g.Note }).ToListAsync(),
            await db.UnitAliases.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Alias, a.NameKey, a.UnitId, a.UnitGroupId }).ToListAsync(),
            await db.UnitGroupMembers.AsNoTracking().OrderBy(m => m.UnitGroupId).ThenBy(m => m.UnitId).Select(m => new { m.UnitGroupId, m.UnitId }).ToListAsync(),
            await db.Objectives.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.Code, o.Kind, o.Text, o.SortOrder, o.Version }).ToListAsync(),
            await db.Indicators.AsNoTracking().OrderBy(i => i.Id).Select(i => new { i.Id, i.Text, i.Target, i.Unit, i.Level, i.TargetYear, i.ResponsibleUnitId, i.SortOrder, i.Version }).ToListAsync(),
            await db.Set<IndicatorStep>().AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.IndicatorId, s.Year, s.Target, s.Text }).ToListAsync(),
            await db.PlanDuties.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.Code, d.PrintedUnits, d.Text, d.Product, d.Recipient, d.DeadlineText, d.DeadlineKind, d.DeadlineDue, d.Periods, d.Note, d.Version }).ToListAsync(),
            await db.ChangeRecords.CountAsync(),
        };
        return JsonSerializer.Serialize(state);
    }

    /// <summary>
    /// A refused request: 403, or the cookie handler's redirect to the "no permission" page, which
    /// itself answers 403.
    /// </summary>
    public static async Task AssertForbiddenAsync(HttpClient client, HttpResponseMessage response, string what)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden) return;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what}: expected 403, got {(int)response.StatusCode}");
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery(), StringComparison.OrdinalIgnoreCase);
        var denied = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    public static void AssertSentToSignIn(HttpResponseMessage response, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what}: expected a redirect to sign-in, got {(int)response.StatusCode}");
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery(), StringComparison.OrdinalIgnoreCase);
    }

    private static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
