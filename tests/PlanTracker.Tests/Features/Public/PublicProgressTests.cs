using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Plans;
using PlanTracker.Core.Progress;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Public;

/// <summary>
/// Issue 16, point 6: the public progress page of a plan, opted in by Sở Nội vụ on the plan editor. Today is frozen
/// at 01/10/2019. The seeded Plan 163 has two of Sở Tư pháp's products done (one late, one on time); each test
/// turns its opt-in on or off itself.
/// </summary>
public partial class PublicProgressTests(PublicProgressTests.Host host) : IClassFixture<PublicProgressTests.Host>
{
    /// <summary>A person's name on a progress record: it must never reach the public page.</summary>
    private const string UpdatedBy = "Phạm Văn Đức";

    public sealed class Host : PlanTrackerFactory
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private HttpClient? admin;

        public Host() => Settings["Clock:Today"] = "2019-10-01";

        /// <summary>The seeded plan as it is now, with its completions added on first use.</summary>
        public async Task<Plan> Plan163Async()
        {
            await gate.WaitAsync();
            try
            {
                await using var db = NewDbContext();
                var plan = await db.Plans.AsNoTracking().OrderBy(p => p.Id).FirstAsync();
                if (!await db.Progress.AnyAsync(p => p.UpdatedByName == UpdatedBy))
                {
                    var stp = await db.Units.Where(u => u.Code == "STP").Select(u => u.Id).SingleAsync();
                    var deliverables = await db.Deliverables.Where(d => d.Task!.Code == "1.a" && d.Task.Section!.PlanId == plan.Id)
                        .OrderBy(d => d.SortOrder).Select(d => d.Id).ToListAsync();
                    foreach (var (deliverable, done) in new[] { (deliverables[0], new DateOnly(2019, 2, 1)), (deliverables[1], new DateOnly(2019, 9, 1)) })
                        db.Progress.Add(new DeliverableProgress
                        {
                            DeliverableId = deliverable, Period = "", UnitId = stp, Status = ProgressStatus.Done, ProgressPercent = 100,
                            CompletedOn = done, ResultText = "Đã ban hành", UpdatedAtUtc = done.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc),
                            UpdatedByName = UpdatedBy,
                        });
                    await db.SaveChangesAsync();
                }
                return plan;
            }
            finally { gate.Release(); }
        }

        public async Task<HttpClient> AdminClientAsync() => admin ??= await AdminAsync();

        /// <summary>Sets the opt-in straight in the database, as a second server would see it: no cache is told.</summary>
        public async Task SetPublicAsync(int planId, bool on)
        {
            await using var db = NewDbContext();
            await db.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(u => u.SetProperty(p => p.PublicProgress, on));
        }
    }

    private static string PageUrl(int planId) => $"/public/plans/{planId}";

    /// <summary>The editor's header form with its fields as they are and the opt-in set, as the admin page posts it.</summary>
    private static List<KeyValuePair<string, string>> Header(Plan plan, bool on) =>
    [
        new("Header.Number", plan.Number), new("Header.Title", plan.Title),
        new("Header.Year", plan.Year.ToString(CultureInfo.InvariantCulture)),
        new("Header.IssuedOn", plan.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
        new("Header.Issuer", plan.Issuer ?? ""), new("Header.SignedBy", plan.SignedBy ?? ""), new("Header.SignerTitle", plan.SignerTitle ?? ""),
        new("Header.PublicProgress", on ? "true" : "false"), new("Header.Version", plan.Version.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>Sở Nội vụ turns the opt-in on or off on the plan editor (the page's own form, with its anti-forgery token).</summary>
    private async Task<Plan> OptAsync(bool on)
    {
        var plan = await host.Plan163Async();
        var admin = await host.AdminClientAsync();
        var response = await admin.PostFormAsync($"/admin/plans/{plan.Id}", Header(plan, on), $"/admin/plans/{plan.Id}?handler=Header");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.NewDbContext();
        Assert.Equal(on, (await db.Plans.AsNoTracking().SingleAsync(p => p.Id == plan.Id)).PublicProgress);
        return plan;
    }

    private async Task<HttpResponseMessage> AnonymousGetAsync(string url) => await host.NewClient().GetAsync(url);

    [Fact]
    public async Task A_plan_is_not_public_until_an_admin_opts_it_in()
    {
        var plan = await host.Plan163Async();
        await host.SetPublicAsync(plan.Id, false);

        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousGetAsync(PageUrl(plan.Id))).StatusCode);
        var list = PageText.Parse(await (await AnonymousGetAsync("/public")).Content.ReadAsStringAsync());
        Assert.Null(list.QuerySelector($"li[data-plan=\"{plan.Id}\"]"));
        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousGetAsync(PageUrl(987_654))).StatusCode);
    }

    [Fact]
    public async Task Once_opted_in_anyone_sees_the_dashboards_counts_per_section_and_unit_for_today()
    {
        var plan = await host.Plan163Async();
        await host.SetPublicAsync(plan.Id, false);
        await OptAsync(true);

        var response = await AnonymousGetAsync(PageUrl(plan.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PageText.Parse(await response.Content.ReadAsStringAsync());
        var dashboard = await (await host.AdminClientAsync()).GetDocumentAsync($"/dashboard?Plan={plan.Id}&AsOf=2019-10-01");

        Assert.Contains("163/KH-UBND", page.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Equal(plan.Title, page.Find("#plan-title").TextContent);
        Assert.Equal("Ủy ban nhân dân thành phố Cần Thơ", page.Find("#plan-issuer").TextContent);
        Assert.Equal("01/10/2019", page.Find("#as-of").TextContent);
        Assert.Matches(@"Số liệu cập nhật lúc \d{2}:\d{2} 01/10/2019", PageText.Text(page.Find("#freshness")));

        var sections = page.QuerySelectorAll("#section-table tbody tr[data-section]");
        Assert.Equal(7, sections.Length);
        foreach (var row in sections)
        {
            var theirs = dashboard.Find($"#section-table tr[data-section=\"{row.GetAttribute("data-section")}\"]");
            Assert.Equal(DashboardFigures(theirs, theirs.QuerySelectorAll("td")[^1]), PublicFigures(row));
        }
        var units = page.QuerySelectorAll("#unit-table tbody tr[data-unit]");
        Assert.Equal(dashboard.QuerySelectorAll("#unit-table tbody tr[data-unit]").Length, units.Length);
        foreach (var row in units)
        {
            var theirs = dashboard.Find($"#unit-table tr[data-unit=\"{row.GetAttribute("data-unit")}\"]");
            Assert.Equal(theirs.QuerySelector("td")!.TextContent.Trim(), row.Find("th").TextContent.Trim());
            Assert.Equal(DashboardFigures(theirs, theirs.Find("td[data-rate]")), PublicFigures(row));
        }
        // The completions are there: Sở Tư pháp has one product done late and one on time, so a rate of 50%.
        var stp = await host.UnitIdAsync("STP");
        var stpRow = page.Find($"#unit-table tr[data-unit=\"{stp}\"]");
        Assert.Equal("1", stpRow.Find("td[data-state=DoneOnTime]").TextContent);
        Assert.Equal("1", stpRow.Find("td[data-state=DoneLate]").TextContent);

        await using var db = host.NewDbContext();
        var record = await db.ChangeRecords.AsNoTracking().Where(r => r.Summary.Contains("công khai tiến độ")).OrderByDescending(r => r.Id).FirstAsync();
        Assert.Contains("PublicProgress", record.AfterJson ?? "", StringComparison.Ordinal);
    }

    /// <summary>Total, each state and the rate of a dashboard row (its figures are links).</summary>
    private static string DashboardFigures(IElement row, IElement rate) =>
        string.Join(" ", [row.QuerySelectorAll("td.num")[0].TextContent.Trim(),
            .. row.QuerySelectorAll("td[data-state]").Select(c => $"{c.GetAttribute("data-state")}={c.TextContent.Trim()}"), rate.TextContent.Trim()]);

    private static string PublicFigures(IElement row) =>
        string.Join(" ", [row.Find("td[data-figure=total]").TextContent.Trim(),
            .. row.QuerySelectorAll("td[data-state]").Select(c => $"{c.GetAttribute("data-state")}={c.TextContent.Trim()}"),
            row.Find("td[data-figure=rate]").TextContent.Trim()]);

    [Theory]
    [InlineData(Roles.UnitEditor, "STP")]
    [InlineData(Roles.Viewer, null)]
    public async Task Only_an_admin_may_opt_a_plan_in(string role, string? unit)
    {
        var plan = await host.Plan163Async();
        await host.SetPublicAsync(plan.Id, false);
        var client = await host.SignedInClientAsync(role, unit);

        // The token comes from a page they may open (the sign-out form is on every page).
        var response = await client.PostFormAsync("/plans", Header(plan, true), $"/admin/plans/{plan.Id}?handler=Header");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousGetAsync(PageUrl(plan.Id))).StatusCode);
    }

    [Fact]
    public async Task The_opt_in_needs_the_forms_anti_forgery_token()
    {
        var plan = await host.Plan163Async();
        await host.SetPublicAsync(plan.Id, false);
        var admin = await host.AdminClientAsync();

        var response = await admin.PostAsync($"/admin/plans/{plan.Id}?handler=Header", new FormUrlEncodedContent(Header(plan, true)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousGetAsync(PageUrl(plan.Id))).StatusCode);
    }

    [Fact]
    public async Task An_opt_in_from_a_form_opened_before_another_edit_is_refused_with_both_versions()
    {
        var plan = await host.Plan163Async();
        await host.SetPublicAsync(plan.Id, false);
        var stale = await host.Plan163Async(); // the form as opened...
        await OptAsync(true);                   // ...then someone else turns it on
        await OptAsync(false);                  // ...and off again

        var response = await (await host.AdminClientAsync()).PostFormAsync($"/admin/plans/{plan.Id}", Header(stale, true),
            $"/admin/plans/{plan.Id}?handler=Header");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = PageText.Parse(await response.Content.ReadAsStringAsync()).QuerySelectorAll("section.conflict tr.differs")
            .Single(r => r.Find("th").TextContent == "Công khai tiến độ");
        Assert.Equal(("Không", "Có"), (row.Find("td.saved").TextContent, row.Find("td.yours").TextContent));
        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousGetAsync(PageUrl(plan.Id))).StatusCode);
    }

    [Fact]
    public async Task Turning_it_off_hides_the_page_at_once()
    {
        var plan = await OptAsync(true);
        Assert.Equal(HttpStatusCode.OK, (await AnonymousGetAsync(PageUrl(plan.Id))).StatusCode); // its figures are now kept

        await OptAsync(false);

        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousGetAsync(PageUrl(plan.Id))).StatusCode);
        var list = PageText.Parse(await (await AnonymousGetAsync("/public")).Content.ReadAsStringAsync());
        Assert.Null(list.QuerySelector($"li[data-plan=\"{plan.Id}\"]"));
    }

    [Fact]
    public async Task The_page_names_no_person_and_shows_no_comment_evidence_or_signed_in_link()
    {
        var plan = await host.Plan163Async();
        var stp = await host.UnitIdAsync("STP");
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var (taskId, deliverableId) = await LedByStpAsync(plan.Id, stp);
        const string comment = "Ý kiến của chị Trần Thị Cúc: đã trình dự thảo";
        const string fileName = "bien-ban-hop-Le-Van-Tam.pdf";
        var commented = await editor.PostFormAsync($"/tasks/{taskId}", [new("CommentText", comment)], $"/tasks/{taskId}?handler=Comment");
        var uploaded = await UploadEvidenceAsync(editor, deliverableId, stp, fileName);
        Assert.Equal(HttpStatusCode.Redirect, commented.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        await host.SetPublicAsync(plan.Id, false);
        await OptAsync(true); // evicts the kept figures: the page is built after the comment and the upload

        var html = await (await AnonymousGetAsync(PageUrl(plan.Id))).Content.ReadAsStringAsync();
        var list = await (await AnonymousGetAsync("/public")).Content.ReadAsStringAsync();

        List<string> names;
        await using (var db = host.NewDbContext())
        {
            Assert.True(await db.Comments.AnyAsync(c => c.Text == comment));
            Assert.True(await db.Attachments.AnyAsync(a => a.FileName == fileName));
            names = await db.Users.Select(u => u.DisplayName).ToListAsync();
            names.AddRange(await db.Attachments.Select(a => a.UploadedByName).ToListAsync());
        }
        names.AddRange([UpdatedBy, plan.SignedBy!, "Trần Thị Cúc", "Le-Van-Tam"]);
        Assert.Contains(names, n => n.Contains('@', StringComparison.Ordinal)); // the test users' names hold their e-mail
        foreach (var text in new[] { html, list })
        {
            Assert.DoesNotMatch(EmailAddress(), text);
            foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n)))
                Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(comment, text, StringComparison.Ordinal);
            Assert.DoesNotContain(fileName, text, StringComparison.Ordinal);
            Assert.DoesNotContain("/attachments", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("/evidence", text, StringComparison.OrdinalIgnoreCase);
            var document = PageText.Parse(text);
            Assert.Empty(document.QuerySelectorAll("form"));
            // Every link stays on the public pages; the page's own styles are the only other addresses.
            Assert.All(document.QuerySelectorAll("a[href]"), a => Assert.StartsWith("/public", a.GetAttribute("href"), StringComparison.Ordinal));
            Assert.All(document.QuerySelectorAll("[src], link[href]"),
                e => Assert.StartsWith("/css/", e.GetAttribute("src") ?? e.GetAttribute("href"), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_missing_or_closed_public_page_answers_404_in_the_public_frame_with_a_way_back_to_the_list()
    {
        var plan = await host.Plan163Async();
        await host.SetPublicAsync(plan.Id, false);

        foreach (var url in new[] { PageUrl(plan.Id), PageUrl(999_999), "/public/khong-co-trang-nay" })
        {
            var response = await AnonymousGetAsync(url);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var document = PageText.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains("public", document.Body!.ClassList);
            Assert.Contains("Không tìm thấy", document.Find("h1").TextContent, StringComparison.Ordinal);
            Assert.Null(document.QuerySelector("nav"));
            Assert.NotNull(document.QuerySelector("main a[href=\"/public\"]"));
            Assert.All(document.QuerySelectorAll("a[href]"), a => Assert.StartsWith("/public", a.GetAttribute("href"), StringComparison.Ordinal));
            Assert.All(document.QuerySelectorAll("[src], link[href]"),
                e => Assert.StartsWith("/css/", e.GetAttribute("src") ?? e.GetAttribute("href"), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_draft_plan_is_never_public()
    {
        var draft = await host.AddPlanAsync("901/KH-UBND", 2019, PlanStatus.Draft);
        await host.SetPublicAsync(draft.PlanId, true);

        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousGetAsync(PageUrl(draft.PlanId))).StatusCode);
        var list = PageText.Parse(await (await AnonymousGetAsync("/public")).Content.ReadAsStringAsync());
        Assert.Null(list.QuerySelector($"li[data-plan=\"{draft.PlanId}\"]"));

        await host.SetStatusAsync(draft.PlanId, PlanStatus.Active);
        Assert.Equal(HttpStatusCode.OK, (await AnonymousGetAsync(PageUrl(draft.PlanId))).StatusCode);
    }

    [Fact]
    public async Task The_list_shows_only_the_opted_in_plans_and_links_each_page()
    {
        var opted = await host.AddPlanAsync("902/KH-UBND", 2020, PlanStatus.Active);
        var closed = await host.AddPlanAsync("903/KH-UBND", 2018, PlanStatus.Closed);
        var other = await host.AddPlanAsync("904/KH-UBND", 2020, PlanStatus.Active);
        await host.SetPublicAsync(opted.PlanId, true);
        await host.SetPublicAsync(closed.PlanId, true);

        var response = await AnonymousGetAsync("/public");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = PageText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal($"/public/plans/{opted.PlanId}", list.Find($"li[data-plan=\"{opted.PlanId}\"] a").GetAttribute("href"));
        Assert.NotNull(list.QuerySelector($"li[data-plan=\"{closed.PlanId}\"]"));
        Assert.Null(list.QuerySelector($"li[data-plan=\"{other.PlanId}\"]"));
        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousGetAsync(PageUrl(other.PlanId))).StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    /// <summary>A task of the plan Sở Tư pháp leads itself, other than 1.a (whose completions the fixture keeps), and its first product.</summary>
    private async Task<(int TaskId, int DeliverableId)> LedByStpAsync(int planId, int stp)
    {
        await using var db = host.NewDbContext();
        var task = await db.Tasks.Where(t => t.Section!.PlanId == planId && t.Code != "1.a" && !t.IsRetired
                && t.Assignments.Any(a => a.UnitId == stp && a.Role == AssignmentRole.Lead && !a.IsRetired) && t.Deliverables.Any(d => !d.IsRetired))
            .OrderBy(t => t.Id).Select(t => new { t.Id, Deliverable = t.Deliverables.Where(d => !d.IsRetired).OrderBy(d => d.SortOrder).Select(d => d.Id).First() })
            .FirstAsync();
        return (task.Id, task.Deliverable);
    }

    private static async Task<HttpResponseMessage> UploadEvidenceAsync(HttpClient client, int deliverableId, int unitId, string fileName)
    {
        var url = $"/deliverables/{deliverableId}/progress?unit={unitId}&period=";
        var page = await client.GetStringAsync(url);
        var bytes = new byte[2_000];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
        var form = new MultipartFormDataContent
        {
            { new StringContent(FormPosting.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(unitId.ToString(CultureInfo.InvariantCulture)), "Unit" },
            { new StringContent(""), "Period" },
            { new StringContent(PageText.InputValue(page, "Input.Version")), "Input.Version" },
            { new StringContent("InProgress"), "Input.Status" },
            { new StringContent("10"), "Input.ProgressPercent" },
            { file, "Files", fileName },
        };
        return await client.PostAsync(url, form);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();
}
