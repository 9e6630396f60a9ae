using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.PeriodicReports;
using PlanTracker.Core.Reminders;
using PlanTracker.Tests.Features.Reminders.Support;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Reports;

/// <summary>Recording periodic reports: who may, what is refused, what Sở Nội vụ sees, and that it stops the reminders.</summary>
public class ReportPageTests
{
    private static async Task<HttpResponseMessage> RecordAsync(HttpClient client, int plan, int unit, string period,
        string number = "45/BC-STP", string date = "2019-03-18", byte[]? file = null, string fileName = "bao-cao.pdf")
    {
        var page = await client.GetStringAsync($"/reports/record?plan={plan}");
        var form = new MultipartFormDataContent
        {
            { new StringContent(FormPosting.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(plan.ToString(CultureInfo.InvariantCulture)), "plan" },
            { new StringContent(unit.ToString(CultureInfo.InvariantCulture)), "unit" },
            { new StringContent(period), "period" },
            { new StringContent(number), "DocumentNumber" },
            { new StringContent(date), "DocumentDate" },
            { new StringContent(date), "SubmittedOn" },
        };
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "Upload", fileName);
        }
        return await client.PostAsync("/reports/record", form);
    }

    [Fact]
    public async Task A_unit_editor_records_its_own_report_with_its_file_and_the_reminders_for_it_stop()
    {
        using var host = new ReminderHost();
        host.Smtp.Start();
        host.Time.SetMorning(new DateOnly(2019, 3, 19));
        var plan = await host.PlanIdAsync();
        var stp = await host.UnitIdAsync("STP");
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var pdf = "%PDF-1.4 báo cáo"u8.ToArray();

        var response = await RecordAsync(editor, plan, stp, "2019-Q1", file: pdf);
        await host.Runner.RunAsync(Web.Features.Reminders.RunTrigger.Manual);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.NewDbContext();
        var saved = await db.ReportSubmissions().SingleAsync();
        Assert.Equal((stp, "2019-Q1", "45/BC-STP", new DateOnly(2019, 3, 18)), (saved.UnitId, saved.PeriodKey, saved.DocumentNumber, saved.SubmittedOn));
        Assert.Equal(pdf, await editor.GetByteArrayAsync($"/reports/files/{saved.Id}"));
        Assert.Contains(await db.ChangeRecords.ToListAsync(), c => c.Action == "ReportRecorded" && c.Summary.Contains("Sở Tư pháp"));
        // 19/03 is the day after the Q1 due date: every other unit is reminded, Sở Tư pháp is not.
        Assert.Contains(await db.ReminderItems().ToListAsync(), i => i.Rule == ReminderRule.ReportOverdue && i.ItemKey == $"r{plan}:2019-Q1");
        Assert.DoesNotContain(await db.ReminderItems().ToListAsync(), i => i.UnitId == stp && i.ItemKey == $"r{plan}:2019-Q1");
    }

    [Fact]
    public async Task A_unit_editor_cannot_record_for_another_unit_and_nothing_is_written()
    {
        using var host = new ReminderHost();
        var plan = await host.PlanIdAsync();
        var stc = await host.UnitIdAsync("STC");
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        var response = await RecordAsync(editor, plan, stc, "2019-Q1", file: [1, 2, 3]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = host.NewDbContext();
        Assert.Equal(0, await db.ReportSubmissions().CountAsync());
        Assert.False(Directory.Exists(host.Folder.File("attachments")) && Directory.EnumerateFiles(host.Folder.File("attachments"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task A_viewer_cannot_record_and_an_editor_cannot_remove_another_units_record()
    {
        using var host = new ReminderHost();
        var plan = await host.PlanIdAsync();
        var stp = await host.UnitIdAsync("STP");
        await host.RecordReportAsync("STC", "2019-Q1", new DateOnly(2019, 3, 18));
        var viewer = await host.ViewerAsync();
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        int stcRecord;
        await using (var db = host.NewDbContext())
            stcRecord = await db.ReportSubmissions().Select(s => s.Id).SingleAsync();

        var viewerGet = await viewer.GetAsync($"/reports/record?plan={plan}");
        var viewerPost = await viewer.PostAsync("/reports/record", new FormUrlEncodedContent([new("plan", plan.ToString(CultureInfo.InvariantCulture)), new("unit", stp.ToString(CultureInfo.InvariantCulture))]));
        var removal = await editor.PostFormAsync($"/reports/record?plan={plan}", [], $"/reports/record?id={stcRecord}&handler=Remove");

        Assert.Equal(HttpStatusCode.Forbidden, viewerGet.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, viewerPost.StatusCode);
        Assert.DoesNotContain("/reports?", viewerPost.Headers.Location?.OriginalString ?? "");
        Assert.Equal(HttpStatusCode.Forbidden, removal.StatusCode);
        await using var check = host.NewDbContext();
        Assert.False(await check.ReportSubmissions().AnyAsync(s => s.IsRemoved));
        Assert.Equal(1, await check.ReportSubmissions().CountAsync());
    }

    [Fact]
    public async Task Bad_input_gets_Vietnamese_messages_and_nothing_is_written()
    {
        using var host = new ReminderHost();
        host.Time.SetMorning(new DateOnly(2019, 3, 19));
        var plan = await host.PlanIdAsync();
        var stp = await host.UnitIdAsync("STP");
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        var future = await RecordAsync(editor, plan, stp, "2019-Q1", date: "2019-03-25");
        var noNumber = await RecordAsync(editor, plan, stp, "2019-Q1", number: " ");
        var badFile = await RecordAsync(editor, plan, stp, "2019-Q1", file: [1], fileName: "virus.exe");

        Assert.Contains("Ngày gửi không được sau hôm nay.", await future.Content.ReadAsStringAsync());
        Assert.Contains("Nhập số văn bản", await noNumber.Content.ReadAsStringAsync());
        Assert.Contains("Chỉ nhận tệp PDF", await badFile.Content.ReadAsStringAsync());
        await using var db = host.NewDbContext();
        Assert.Equal(0, await db.ReportSubmissions().CountAsync());
    }

    [Fact]
    public async Task So_Noi_vu_sees_which_units_sent_each_report_on_time_late_or_not_at_all()
    {
        using var host = new ReminderHost();
        host.Time.SetMorning(new DateOnly(2019, 4, 10));
        await host.RecordReportAsync("STP", "2019-Q1", new DateOnly(2019, 3, 18));
        await host.RecordReportAsync("STC", "2019-Q1", new DateOnly(2019, 3, 25));
        var plan = await host.PlanIdAsync();
        var stp = await host.UnitIdAsync("STP");
        var stc = await host.UnitIdAsync("STC");
        var skhdt = await host.UnitIdAsync("SKHDT");
        var admin = await host.AdminAsync();

        var html = await admin.GetStringAsync($"/reports?plan={plan}");

        var page = PageText.Parse(html);
        string State(int unit, string period) => page.Find($"td[data-unit=\"{unit}\"][data-period=\"{period}\"] > strong").TextContent;
        Assert.Equal("Nộp đúng hạn", State(stp, "2019-Q1"));
        Assert.Equal("Nộp trễ hạn", State(stc, "2019-Q1"));
        Assert.Equal("Chưa nộp (quá hạn)", State(skhdt, "2019-Q1"));
        Assert.Equal("Chưa đến hạn", State(skhdt, "2019-H1"));
        var totals = page.QuerySelectorAll("tr.totals td").Select(td => PageText.Text(td)).ToList();
        Assert.Contains(totals, t => t.StartsWith("Đúng hạn: 1 Trễ hạn: 1 ", StringComparison.Ordinal) && t.EndsWith("Chưa nộp: 26", StringComparison.Ordinal)); // 28 units owe it, two have sent it
        Assert.Empty(page.QuerySelectorAll($"[data-unit=\"{await host.UnitIdAsync("SNV")}\"]")); // the recipient owes nothing
    }

    [Fact]
    public async Task A_removed_record_is_kept_and_the_reminders_start_again()
    {
        using var host = new ReminderHost();
        host.Time.SetMorning(new DateOnly(2019, 3, 19));
        var plan = await host.PlanIdAsync();
        await host.RecordReportAsync("STP", "2019-Q1", new DateOnly(2019, 3, 18));
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        int id;
        await using (var db = host.NewDbContext())
            id = await db.ReportSubmissions().Select(s => s.Id).SingleAsync();

        var response = await editor.PostFormAsync($"/reports/record?plan={plan}", [], $"/reports/record?id={id}&handler=Remove");
        var preview = await host.Runner.PreviewAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = host.NewDbContext();
        var removed = await check.ReportSubmissions().SingleAsync();
        Assert.True(removed.IsRemoved);
        Assert.NotNull(removed.RemovedByName);
        var stp = await host.UnitIdAsync("STP");
        Assert.Contains(preview.Digests.Single(d => d.UnitId == stp).Lines, l => l.Rule == ReminderRule.ReportOverdue);
    }
}
