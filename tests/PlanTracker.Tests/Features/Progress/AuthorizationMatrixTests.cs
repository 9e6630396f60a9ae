using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.Progress;
using PlanTracker.Core.Reminders;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Progress;

/// <summary>
/// Each role against each action, on task 1.a (led by Sở Tư pháp, coordinated by "Sở, ngành TP" and
/// "UBND quận, huyện"). Cục Thuế is named on 1.a neither directly nor through a group. Unit-level actions
/// (reports, scorecard, indicator values) are tried on Sở Tư pháp: the lead editor is its editor, the others are not.
/// </summary>
public class AuthorizationMatrixTests(AuthorizationMatrixTests.Host host) : IClassFixture<AuthorizationMatrixTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Clock:Today"] = "2019-10-01";
    }

    public enum Who { Anonymous, Admin, Viewer, LeadEditor, CoordinatingEditor, OtherUnitEditor }

    private async Task<HttpClient> ClientAsync(Who who) => who switch
    {
        Who.Anonymous => host.NewClient(),
        Who.Admin => await host.AdminAsync(),
        Who.Viewer => await host.ViewerAsync(),
        Who.LeadEditor => await host.SignedInClientAsync(Roles.UnitEditor, "STP"),
        Who.CoordinatingEditor => await host.SignedInClientAsync(Roles.UnitEditor, "UBND_NINHKIEU"),
        _ => await host.SignedInClientAsync(Roles.UnitEditor, "CUCTHUE"), // in no group named on 1.a
    };

    /// <summary>An evidence file on 1.a uploaded straight into the store, so that downloads can be tried.</summary>
    private async Task<int> EvidenceOn1aAsync()
    {
        var (_, deliverableId) = await host.DeliverableAsync("1.a", 1);
        await using var db = host.NewDbContext();
        if (await db.Attachments.FirstOrDefaultAsync(a => a.DeliverableId == deliverableId) is { } existing) return existing.Id;
        var folder = Path.Combine(host.Folder.Path, "attachments", "2019");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "bang-chung.pdf"), "%PDF-1.4 test"u8.ToArray());
        var attachment = new Attachment
        {
            DeliverableId = deliverableId, UnitId = await host.UnitIdAsync("STP"), FileName = "bang-chung.pdf",
            ContentType = "application/pdf", SizeBytes = 13, StoredName = Path.Combine("2019", "bang-chung.pdf"), UploadedAtUtc = DateTime.UtcNow,
        };
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync();
        return attachment.Id;
    }

    /// <summary>Sở Tư pháp's Q1 report with its file, written straight into the store, so that downloads can be tried.</summary>
    private async Task<int> ReportOfSởTưPhápAsync()
    {
        var stp = await host.UnitIdAsync("STP");
        await using var db = host.NewDbContext();
        if (await db.ReportSubmissions().FirstOrDefaultAsync(s => s.UnitId == stp) is { } existing) return existing.Id;
        var folder = Path.Combine(host.Folder.Path, "attachments", "reports", "2019");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "bao-cao.pdf"), "%PDF-1.4 test"u8.ToArray());
        var submission = new ReportSubmission
        {
            PlanId = await db.Plans.Select(p => p.Id).FirstAsync(), UnitId = stp, PeriodKey = "2019-Q1", DocumentNumber = "45/BC-STP",
            DocumentDate = new DateOnly(2019, 3, 18), SubmittedOn = new DateOnly(2019, 3, 18), FileName = "bao-cao.pdf",
            ContentType = "application/pdf", SizeBytes = 13, StoredName = Path.Combine("reports", "2019", "bao-cao.pdf"), RecordedAtUtc = DateTime.UtcNow,
        };
        db.Add(submission);
        await db.SaveChangesAsync();
        return submission.Id;
    }

    /// <summary>The plan's first indicator, made Sở Tư pháp's to report.</summary>
    private async Task<(int PlanId, int IndicatorId)> IndicatorOfSởTưPhápAsync()
    {
        var stp = await host.UnitIdAsync("STP");
        await using var db = host.NewDbContext();
        var indicator = await db.Indicators.Include(i => i.Objective).OrderBy(i => i.Id).FirstAsync();
        indicator.ResponsibleUnitId = stp;
        await db.SaveChangesAsync();
        return (indicator.Objective!.PlanId, indicator.Id);
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Who.LeadEditor, HttpStatusCode.OK)]
    [InlineData(Who.CoordinatingEditor, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task Progress_form_of_Sở_Tư_pháp_opens_only_for_that_unit_and_admins(Who who, HttpStatusCode expected)
    {
        var (_, deliverableId) = await host.DeliverableAsync("1.a", 1);
        var stp = await host.UnitIdAsync("STP");

        var response = await (await ClientAsync(who)).GetAsync($"/deliverables/{deliverableId}/progress?unit={stp}&period=");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Who.LeadEditor, HttpStatusCode.Forbidden)]
    [InlineData(Who.CoordinatingEditor, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task Completions_are_accepted_or_returned_only_by_Sở_Nội_vụ(Who who, HttpStatusCode expected)
    {
        var response = await (await ClientAsync(who)).GetAsync("/verification");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Who.Viewer)]
    [InlineData(Who.CoordinatingEditor)]
    [InlineData(Who.OtherUnitEditor)]
    public async Task Posting_an_update_for_another_units_deliverable_is_forbidden_and_changes_nothing(Who who)
    {
        var (_, deliverableId) = await host.DeliverableAsync("1.a", 1);
        var stp = await host.UnitIdAsync("STP");
        var client = await ClientAsync(who);
        var token = FormPosting.AntiforgeryToken(await client.GetStringAsync("/tasks")); // any page of theirs gives a token

        var response = await client.PostAsync($"/deliverables/{deliverableId}/progress?unit={stp}&period=", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Unit", stp.ToString(CultureInfo.InvariantCulture)), new("Period", ""),
             new("Input.Status", "Done"), new("Input.CompletedOn", "2019-09-01"), new("Input.Version", "0")]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = host.NewDbContext();
        Assert.False(await db.Progress.AnyAsync(p => p.DeliverableId == deliverableId && p.Status == ProgressStatus.Done));
    }

    [Fact]
    public async Task A_unit_editor_cannot_update_in_the_name_of_another_lead_unit()
    {
        var (_, deliverableId) = await host.DeliverableAsync("1.c", 0); // led by "UBND quận, huyện"
        var ninhKieu = await host.UnitIdAsync("UBND_NINHKIEU");
        var caiRang = await host.UnitIdAsync("UBND_CAIRANG");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "UBND_NINHKIEU");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/deliverables/{deliverableId}/progress?unit={ninhKieu}&period=")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/deliverables/{deliverableId}/progress?unit={caiRang}&period=")).StatusCode);
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.OK)]
    [InlineData(Who.LeadEditor, HttpStatusCode.OK)]
    [InlineData(Who.CoordinatingEditor, HttpStatusCode.OK)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task Evidence_files_are_served_only_to_those_who_may_see_the_task(Who who, HttpStatusCode expected)
    {
        var attachmentId = await EvidenceOn1aAsync();

        var response = await (await ClientAsync(who)).GetAsync($"/attachments/{attachmentId}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("bang-chung.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        }
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.OK)]
    [InlineData(Who.LeadEditor, HttpStatusCode.OK)]
    [InlineData(Who.CoordinatingEditor, HttpStatusCode.OK)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.OK)]
    public async Task The_plan_as_a_Word_document_is_for_everyone_who_sees_the_plan(Who who, HttpStatusCode expected)
    {
        await using var db = host.NewDbContext();
        var planId = await db.Plans.Select(p => p.Id).FirstAsync();

        var response = await (await ClientAsync(who)).GetAsync($"/plans/{planId}/export.docx");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Evidence_files_are_not_reachable_as_static_files()
    {
        await EvidenceOn1aAsync();

        var response = await (await host.AdminAsync()).GetAsync("/2019/bang-chung.pdf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(Who.Admin, HttpStatusCode.Redirect)]
    [InlineData(Who.LeadEditor, HttpStatusCode.Redirect)]
    [InlineData(Who.CoordinatingEditor, HttpStatusCode.Redirect)]
    [InlineData(Who.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task Comments_come_from_admins_and_the_units_on_the_task(Who who, HttpStatusCode expected)
    {
        var (taskId, _) = await host.DeliverableAsync("1.a", 0);
        var client = await ClientAsync(who);
        var text = $"Ý kiến của {who}";

        var response = await client.PostFormAsync($"/tasks/{taskId}", [new("CommentText", text)], $"/tasks/{taskId}?handler=Comment");

        Assert.Equal(expected, response.StatusCode);
        await using var db = host.NewDbContext();
        Assert.Equal(expected == HttpStatusCode.Redirect, await db.Comments.AnyAsync(c => c.Text == text));
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData(Who.LeadEditor, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    public async Task The_plan_workbook_is_for_all_who_see_the_plan_and_the_empty_template_for_admins(Who who, HttpStatusCode plan, HttpStatusCode template)
    {
        int planId;
        await using (var db = host.NewDbContext()) planId = await db.Plans.Select(p => p.Id).FirstAsync();
        var client = await ClientAsync(who);

        Assert.Equal(plan, (await client.GetAsync($"/plans/{planId}/export.xlsx")).StatusCode);
        Assert.Equal(template, (await client.GetAsync("/admin/plans/template.xlsx")).StatusCode);
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Who.LeadEditor, HttpStatusCode.Forbidden)]
    public async Task Account_administration_is_for_admins_only(Who who, HttpStatusCode expected)
    {
        var client = await ClientAsync(who);

        Assert.Equal(expected, (await client.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/admin")).StatusCode);
    }

    [Theory]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Who.LeadEditor, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task Only_admins_unlink_another_accounts_single_sign_on(Who who, HttpStatusCode expected)
    {
        // Sở Tư pháp's editor, linked to a subject at the provider (no provider is needed to unlink).
        var email = await host.CreateUserAsync(Roles.UnitEditor, "STP", $"sso.unlink.{who}@cantho.example".ToLowerInvariant());
        string userId;
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            userId = user.Id;
            Assert.True((await users.AddLoginAsync(user, new UserLoginInfo("oidc", $"subject-{who}", "Cổng thử nghiệm"))).Succeeded);
        }
        var client = await ClientAsync(who);
        var token = FormPosting.AntiforgeryToken(await client.GetStringAsync("/tasks"));

        var response = await client.PostAsync($"/admin/users?handler=Unlink&id={userId}", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("loginProvider", "oidc"), new("providerKey", $"subject-{who}")]));

        Assert.Equal(expected, response.StatusCode);
        await using var db = host.NewDbContext();
        Assert.Equal(expected != HttpStatusCode.OK, await db.UserLogins.AnyAsync(l => l.UserId == userId));
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.OK)]
    [InlineData(Who.LeadEditor, HttpStatusCode.OK)]
    [InlineData(Who.CoordinatingEditor, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task A_recorded_reports_file_is_served_to_its_unit_Sở_Nội_vụ_and_the_leadership(Who who, HttpStatusCode expected)
    {
        var submissionId = await ReportOfSởTưPhápAsync();

        var response = await (await ClientAsync(who)).GetAsync($"/reports/files/{submissionId}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
            Assert.Equal("bao-cao.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Who.LeadEditor, HttpStatusCode.OK)]
    [InlineData(Who.CoordinatingEditor, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task Reports_of_Sở_Tư_pháp_are_recorded_by_its_editors_and_admins(Who who, HttpStatusCode expected)
    {
        var stp = await host.UnitIdAsync("STP");

        var response = await (await ClientAsync(who)).GetAsync($"/reports/record?unit={stp}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Who.Viewer)]
    [InlineData(Who.CoordinatingEditor)]
    [InlineData(Who.OtherUnitEditor)]
    public async Task Removing_Sở_Tư_pháps_recorded_report_is_forbidden_to_others_and_changes_nothing(Who who)
    {
        var submissionId = await ReportOfSởTưPhápAsync();

        var response = await (await ClientAsync(who)).PostFormAsync("/tasks", [], $"/reports/record?id={submissionId}&handler=Remove");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = host.NewDbContext();
        Assert.False(await db.ReportSubmissions().Where(s => s.Id == submissionId).Select(s => s.IsRemoved).SingleAsync());
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.OK)]
    [InlineData(Who.LeadEditor, HttpStatusCode.OK)]
    [InlineData(Who.CoordinatingEditor, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task Sở_Tư_pháps_scorecard_is_seen_by_the_unit_Sở_Nội_vụ_and_the_leadership(Who who, HttpStatusCode expected)
    {
        var stp = await host.UnitIdAsync("STP");

        var response = await (await ClientAsync(who)).GetAsync($"/scorecard?unit={stp}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Who.Admin, HttpStatusCode.Redirect)]
    [InlineData(Who.LeadEditor, HttpStatusCode.Redirect)]
    [InlineData(Who.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Who.CoordinatingEditor, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task An_indicator_value_is_entered_by_admins_and_the_responsible_unit(Who who, HttpStatusCode expected)
    {
        var (planId, indicatorId) = await IndicatorOfSởTưPhápAsync();
        var page = $"/indicators?plan={planId}&period=2019-Q3";
        var source = $"Nguồn của {who}";

        var response = await (await ClientAsync(who)).PostFormAsync(page,
            [new("IndicatorId", indicatorId.ToString(CultureInfo.InvariantCulture)), new("Value", "35"), new("SourceNote", source)], page + "&handler=Save");

        Assert.Equal(expected, response.StatusCode);
        await using var db = host.NewDbContext();
        Assert.Equal(expected == HttpStatusCode.Redirect, await db.IndicatorValues.AnyAsync(v => v.SourceNote == source));
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(Who.LeadEditor, HttpStatusCode.Redirect, HttpStatusCode.Forbidden)] // the page sends it to its own unit's report (issue 13)
    public async Task The_compiled_periodic_report_is_for_Sở_Nội_vụ_and_the_leadership(Who who, HttpStatusCode page, HttpStatusCode export)
    {
        var client = await ClientAsync(who);

        var response = await client.GetAsync("/reports/periodic");
        Assert.Equal(page, response.StatusCode);
        if (who == Who.LeadEditor) Assert.StartsWith("/reports/unit?", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(export, (await client.GetAsync("/reports/periodic.xlsx")).StatusCode);
        Assert.Equal(export, (await client.GetAsync("/reports/periodic.docx")).StatusCode);
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.OK)]
    [InlineData(Who.LeadEditor, HttpStatusCode.OK)]
    [InlineData(Who.CoordinatingEditor, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task The_report_Sở_Tư_pháp_writes_in_the_app_is_read_by_that_unit_Sở_Nội_vụ_and_the_leadership(Who who, HttpStatusCode expected)
    {
        var stp = await host.UnitIdAsync("STP");
        var client = await ClientAsync(who);

        Assert.Equal(expected, (await client.GetAsync($"/reports/unit?period=2019-Q3&unit={stp}")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"/reports/unit.docx?period=2019-Q3&unit={stp}")).StatusCode);
    }

    [Theory]
    [InlineData(Who.Admin, "Save", HttpStatusCode.Redirect)]
    [InlineData(Who.Viewer, "Save", HttpStatusCode.Forbidden)]
    [InlineData(Who.LeadEditor, "Save", HttpStatusCode.Redirect)]
    [InlineData(Who.CoordinatingEditor, "Save", HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, "Save", HttpStatusCode.Forbidden)]
    [InlineData(Who.Viewer, "Submit", HttpStatusCode.Forbidden)]
    [InlineData(Who.CoordinatingEditor, "Submit", HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, "Submit", HttpStatusCode.Forbidden)]
    public async Task The_report_Sở_Tư_pháp_writes_in_the_app_is_written_by_that_unit_and_admins(Who who, string handler, HttpStatusCode expected)
    {
        var stp = await host.UnitIdAsync("STP");
        var client = await ClientAsync(who);
        var mark = $"Khó khăn ({who}, {handler})";
        var token = FormPosting.AntiforgeryToken(await client.GetStringAsync("/tasks"));
        int plan;
        await using (var read = host.NewDbContext()) plan = await read.Plans.Select(p => p.Id).FirstAsync();
        var version = await UnitReportVersionAsync(stp);

        var response = await client.PostAsync($"/reports/unit?handler={handler}", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("plan", plan.ToString(CultureInfo.InvariantCulture)), new("period", "2019-Q3"),
             new("unit", stp.ToString(CultureInfo.InvariantCulture)), new("Input.Difficulties", mark), new("Input.Version", version.ToString(CultureInfo.InvariantCulture)),
             new("DocumentNumber", "1/BC-STP"), new("DocumentDate", "2019-09-20")]));

        Assert.Equal(expected, response.StatusCode);
        await using var db = host.NewDbContext();
        Assert.Equal(expected == HttpStatusCode.Redirect, await db.UnitReports.AnyAsync(r => r.Difficulties == mark));
    }

    private async Task<int> UnitReportVersionAsync(int unitId)
    {
        await using var db = host.NewDbContext();
        return await db.UnitReports.Where(r => r.UnitId == unitId && r.PeriodKey == "2019-Q3").Select(r => r.Version).FirstOrDefaultAsync();
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Who.LeadEditor, HttpStatusCode.Forbidden)]
    public async Task Plan_and_unit_editors_and_reminders_are_for_admins_only(Who who, HttpStatusCode expected)
    {
        var client = await ClientAsync(who);

        foreach (var url in new[] { "/admin/plans", "/admin/plans/import", "/admin/units", "/admin/reminders" })
            Assert.Equal(expected, (await client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData(Who.Viewer)]
    [InlineData(Who.LeadEditor)]
    public async Task The_plan_import_wizards_steps_are_refused_to_all_but_admins(Who who)
    {
        var client = await ClientAsync(who);
        const string preview = "/admin/plans/import/0123456789abcdef0123456789abcdef";

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(preview)).StatusCode);
        foreach (var action in new[] { "/admin/plans/import", preview + "?handler=Header", preview + "?handler=Alias", preview + "?handler=Confirm", preview + "?handler=Cancel" })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync("/tasks", [], action)).StatusCode);
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Who.LeadEditor, HttpStatusCode.Forbidden)]
    public async Task The_security_log_and_its_export_are_for_admins_only(Who who, HttpStatusCode expected)
    {
        var client = await ClientAsync(who);

        foreach (var url in new[] { "/admin/security", "/admin/security?handler=Csv" })
            Assert.Equal(expected, (await client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Who.LeadEditor, HttpStatusCode.Forbidden)]
    public async Task Objective_indicator_and_duty_editors_are_for_admins_only(Who who, HttpStatusCode expected)
    {
        await using var db = host.NewDbContext();
        var indicator = await db.Indicators.Include(i => i.Objective).OrderBy(i => i.Id).FirstAsync();
        var planId = indicator.Objective!.PlanId;
        var dutyId = await db.PlanDuties.Where(d => d.PlanId == planId).Select(d => d.Id).FirstAsync();
        var client = await ClientAsync(who);

        foreach (var url in new[] { $"/admin/plans/{planId}/objectives/new", $"/admin/plans/objectives/{indicator.ObjectiveId}",
                     $"/admin/plans/indicators/{indicator.Id}", $"/admin/plans/{planId}/duties/new", $"/admin/plans/duties/{dutyId}" })
            Assert.Equal(expected, (await client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData(Who.Viewer)]
    [InlineData(Who.LeadEditor)]
    public async Task Non_admins_cannot_create_accounts(Who who)
    {
        var client = await ClientAsync(who);
        var token = FormPosting.AntiforgeryToken(await client.GetStringAsync("/tasks"));
        var email = $"tao-{who}@cantho.example";

        var response = await client.PostAsync("/admin/users?handler=Create", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Input.Email", email), new("Input.DisplayName", "X"),
             new("Input.Role", Roles.Admin), new("Input.Password", "mat-khau-dai-123")]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = host.NewDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    /// <summary>Sở Tư pháp's own plan for Plan 163, started once by an admin acting for it.</summary>
    private async Task<int> UnitPlanOfSởTưPhápAsync() => await UnitPlans.UnitPlanTests.StartAsync(host, await host.AdminAsync(), "STP");

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Who.LeadEditor, HttpStatusCode.OK)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task Sở_Tư_pháps_own_plans_are_started_by_its_editors_and_admins(Who who, HttpStatusCode expected)
    {
        var stp = await host.UnitIdAsync("STP");

        var response = await (await ClientAsync(who)).GetAsync($"/unit-plans?unit={stp}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.OK)]
    [InlineData(Who.LeadEditor, HttpStatusCode.OK)]
    [InlineData(Who.CoordinatingEditor, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task Sở_Tư_pháps_own_plan_draft_included_is_seen_by_the_unit_Sở_Nội_vụ_and_the_leadership(Who who, HttpStatusCode expected)
    {
        var planId = await UnitPlanOfSởTưPhápAsync();

        var response = await (await ClientAsync(who)).GetAsync($"/unit-plans/{planId}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Who.Admin, HttpStatusCode.Redirect)]
    [InlineData(Who.LeadEditor, HttpStatusCode.Redirect)]
    [InlineData(Who.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Who.CoordinatingEditor, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task Sở_Tư_pháps_own_plan_is_edited_by_its_editors_and_admins(Who who, HttpStatusCode expected)
    {
        var planId = await UnitPlanOfSởTưPhápAsync();
        int sectionId;
        await using (var before = host.NewDbContext())
            sectionId = await before.Sections.Where(s => s.PlanId == planId && s.Number == 7).Select(s => s.Id).SingleAsync();
        var code = $"7.{who}";

        var response = await (await ClientAsync(who)).PostFormAsync("/tasks",
            [new("SectionId", sectionId.ToString(CultureInfo.InvariantCulture)), new("Code", code), new("Activity", $"Nhiệm vụ của {who}"),
             new("Product", "Báo cáo"), new("DeadlineText", "Quý IV năm 2019")], $"/unit-plans/{planId}?handler=AddTask");

        Assert.Equal(expected, response.StatusCode);
        await using var db = host.NewDbContext();
        Assert.Equal(expected == HttpStatusCode.Redirect, await db.Tasks.AnyAsync(t => t.SectionId == sectionId && t.Code == code));
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.OK)]
    [InlineData(Who.LeadEditor, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task Which_units_sent_their_plans_is_for_Sở_Nội_vụ_and_the_leadership(Who who, HttpStatusCode expected)
    {
        var response = await (await ClientAsync(who)).GetAsync("/unit-plans/coverage");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.OK)]
    [InlineData(Who.LeadEditor, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task The_PAR_Index_view_is_for_Sở_Nội_vụ_and_the_leadership(Who who, HttpStatusCode expected)
    {
        var response = await (await ClientAsync(who)).GetAsync("/par-index");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.OK)]
    [InlineData(Who.LeadEditor, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task The_PAR_Index_workbook_is_for_Sở_Nội_vụ_and_the_leadership(Who who, HttpStatusCode expected)
    {
        var response = await (await ClientAsync(who)).GetAsync("/par-index?handler=xlsx");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Who.LeadEditor, HttpStatusCode.OK)]
    [InlineData(Who.CoordinatingEditor, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task An_extension_for_Sở_Tư_pháps_item_is_asked_for_only_by_that_unit_and_admins(Who who, HttpStatusCode expected)
    {
        var (_, deliverableId) = await host.DeliverableAsync("1.a", 1);
        var stp = await host.UnitIdAsync("STP");

        var response = await (await ClientAsync(who)).GetAsync($"/deliverables/{deliverableId}/extension?unit={stp}&period=");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Redirect)]
    [InlineData(Who.Admin, HttpStatusCode.OK)]
    [InlineData(Who.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Who.LeadEditor, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task Extension_requests_are_decided_by_Sở_Nội_vụ_only(Who who, HttpStatusCode expected)
    {
        var (_, deliverableId) = await host.DeliverableAsync("1.a", 1);
        await using var db = host.NewDbContext();
        var extension = await db.DeadlineExtensions.FirstOrDefaultAsync(e => e.DeliverableId == deliverableId);
        if (extension is null)
        {
            extension = new DeadlineExtension
            {
                DeliverableId = deliverableId, UnitId = await host.UnitIdAsync("STP"), RequestedDue = new DateOnly(2020, 3, 31),
                CurrentDue = new DateOnly(2019, 12, 31), Reason = "Chờ hướng dẫn", RequestedAtUtc = DateTime.UtcNow, Version = 1,
            };
            db.DeadlineExtensions.Add(extension);
            await db.SaveChangesAsync();
        }
        var client = await ClientAsync(who);

        Assert.Equal(expected, (await client.GetAsync("/extensions")).StatusCode);
        if (who is Who.Anonymous or Who.Admin) return;
        var refused = await client.PostFormAsync("/tasks", [new("id", extension.Id.ToString(CultureInfo.InvariantCulture)),
            new("version", extension.Version.ToString(CultureInfo.InvariantCulture)), new("note", "thử")], "/extensions?handler=Refuse");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(ExtensionStatus.Pending, await db.DeadlineExtensions.Where(e => e.Id == extension.Id).Select(e => e.Status).SingleAsync());
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused()
    {
        var (_, deliverableId) = await host.DeliverableAsync("1.a", 1);
        var stp = await host.UnitIdAsync("STP");
        var client = await ClientAsync(Who.LeadEditor);

        var response = await client.PostAsync($"/deliverables/{deliverableId}/progress?unit={stp}&period=", new FormUrlEncodedContent(
            [new("Unit", stp.ToString(CultureInfo.InvariantCulture)), new("Input.Status", "InProgress"), new("Input.ResultText", "không có token")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = host.NewDbContext();
        Assert.False(await db.Progress.AnyAsync(p => p.ResultText == "không có token"));
    }

    [Theory]
    [InlineData(Who.Admin, HttpStatusCode.Redirect)]
    [InlineData(Who.LeadEditor, HttpStatusCode.Redirect)]
    [InlineData(Who.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Who.CoordinatingEditor, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task Only_Sở_Tư_pháps_editors_and_admins_give_its_item_to_an_officer_of_the_unit(Who who, HttpStatusCode expected)
    {
        var (taskId, deliverableId) = await host.DeliverableAsync("1.a", 0);
        var stp = await host.UnitIdAsync("STP");
        var officer = await host.CreateUserAsync(Roles.UnitEditor, "STP", $"pt.{who.ToString().ToLowerInvariant()}@stp.cantho.example");
        string officerId;
        await using (var db = host.NewDbContext())
            officerId = await db.Users.Where(u => u.Email == officer).Select(u => u.Id).SingleAsync();

        var response = await (await ClientAsync(who)).PostFormAsync($"/tasks/{taskId}",
            [new("deliverableId", deliverableId.ToString(CultureInfo.InvariantCulture)), new("unitId", stp.ToString(CultureInfo.InvariantCulture)),
             new("officerId", officerId)], $"/tasks/{taskId}?handler=Officer");

        Assert.Equal(expected, response.StatusCode);
        await using var check = host.NewDbContext();
        Assert.Equal(who is Who.Admin or Who.LeadEditor, await check.ItemFollowers.AnyAsync(f => f.UserId == officerId && f.Role == FollowerRole.Officer));
    }

    [Theory]
    [InlineData(Who.Admin, HttpStatusCode.Redirect)]
    [InlineData(Who.LeadEditor, HttpStatusCode.Redirect)]
    [InlineData(Who.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Who.CoordinatingEditor, HttpStatusCode.Forbidden)]
    [InlineData(Who.OtherUnitEditor, HttpStatusCode.Forbidden)]
    public async Task Sở_Tư_pháps_item_is_watched_by_people_of_the_unit_and_admins(Who who, HttpStatusCode expected)
    {
        var (taskId, deliverableId) = await host.DeliverableAsync("1.a", 0);
        var stp = await host.UnitIdAsync("STP");

        var response = await (await ClientAsync(who)).PostFormAsync($"/tasks/{taskId}",
            [new("deliverableId", deliverableId.ToString(CultureInfo.InvariantCulture)), new("unitId", stp.ToString(CultureInfo.InvariantCulture)),
             new("watch", "true")], $"/tasks/{taskId}?handler=Watch");

        Assert.Equal(expected, response.StatusCode);
    }
}
