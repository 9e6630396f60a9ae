using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.History;
using PlanTracker.Core.Progress;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Progress;

/// <summary>Task 1.a is led by Sở Tư pháp (STP): a plan due Q4/2018 and a report due Q4/2019. Today is frozen at 01/10/2019.</summary>
public class ProgressUpdateTests(ProgressUpdateTests.Host host) : IClassFixture<ProgressUpdateTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host()
        {
            Settings["Clock:Today"] = "2019-10-01";
            Settings["Attachments:MaxBytes"] = "20000";
        }
    }

    private static MultipartFormDataContent Form(string token, int unitId, string period, int version,
        (string Key, string Value)[] fields, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(unitId.ToString(CultureInfo.InvariantCulture)), "Unit" },
            { new StringContent(period), "Period" },
            { new StringContent(version.ToString(CultureInfo.InvariantCulture)), "Input.Version" },
        };
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
            form.Add(part, "Files", name);
        }
        return form;
    }

    private static async Task<HttpResponseMessage> PostProgressAsync(HttpClient client, int deliverableId, int unitId,
        (string Key, string Value)[] fields, params (string Name, byte[] Content)[] files)
    {
        var url = $"/deliverables/{deliverableId}/progress?unit={unitId}&period=";
        var page = await client.GetStringAsync(url);
        var version = int.Parse(PageText.InputValue(page, "Input.Version"), System.Globalization.CultureInfo.InvariantCulture);
        return await client.PostAsync(url, Form(FormPosting.AntiforgeryToken(page), unitId, "", version, fields, files));
    }

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task Lead_unit_marks_an_overdue_deliverable_done_and_it_becomes_done_late()
    {
        var (taskId, deliverableId) = await host.DeliverableAsync("1.a", 0); // "Kế hoạch", due 31/12/2018
        var stp = await host.UnitIdAsync("STP");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        Assert.Contains("Quá hạn", await client.GetStringAsync($"/tasks/{taskId}"));

        var response = await PostProgressAsync(client, deliverableId, stp,
            [("Input.Status", "Done"), ("Input.CompletedOn", "2019-02-15"), ("Input.ResultText", "Đã ban hành kế hoạch"),
             ("Input.EvidenceNumber", "12/KH-STP"), ("Input.EvidenceDate", "2019-02-15")], ("ke-hoach.pdf", Pdf));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync($"/tasks/{taskId}");
        Assert.Contains("Hoàn thành quá hạn", page);
        Assert.Contains("12/KH-STP", page);
        Assert.Contains("ke-hoach.pdf", page);
        await using var db = host.NewDbContext();
        var record = await db.Progress.SingleAsync(p => p.DeliverableId == deliverableId && p.UnitId == stp);
        Assert.Equal((ProgressStatus.Done, 100, new DateOnly(2019, 2, 15), 1), (record.Status, record.ProgressPercent, record.CompletedOn, record.Version));
        var change = await db.ChangeRecords.SingleAsync(c => c.TaskId == taskId && c.EntityId == deliverableId && c.Action == "ProgressUpdated");
        Assert.Null(change.BeforeJson);
        Assert.Contains("\"CompletedOn\":\"2019-02-15\"", change.AfterJson);
        Assert.StartsWith("Người dùng unitEditor.stp", change.UserName, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Done_before_the_due_date_is_done_on_time_and_history_keeps_before_and_after()
    {
        var (taskId, deliverableId) = await host.DeliverableAsync("1.a", 1); // "Báo cáo", due 31/12/2019
        var stp = await host.UnitIdAsync("STP");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        await PostProgressAsync(client, deliverableId, stp, [("Input.Status", "InProgress"), ("Input.ProgressPercent", "40")]);
        await PostProgressAsync(client, deliverableId, stp, [("Input.Status", "Done"), ("Input.CompletedOn", "2019-09-30")]);

        Assert.Contains("Hoàn thành đúng hạn", await client.GetStringAsync($"/tasks/{taskId}"));
        await using var db = host.NewDbContext();
        var changes = await db.ChangeRecords.Where(c => c.EntityId == deliverableId && c.Action == "ProgressUpdated").OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(2, changes.Count);
        Assert.Contains("\"ProgressPercent\":40", changes[1].BeforeJson);
        Assert.Contains("\"Status\":\"Done\"", changes[1].AfterJson);
    }

    [Fact]
    public async Task History_records_cannot_be_changed_or_deleted()
    {
        await using var db = host.NewDbContext();
        db.Record(Actor.System, DateTime.UtcNow, ChangeKind.CommentAdded, 1, "kiểm thử");
        await db.SaveChangesAsync();
        var record = await db.ChangeRecords.OrderByDescending(c => c.Id).FirstAsync();

        record.Summary = "sửa lịch sử";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.ChangeRecords.Remove(record);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [InlineData("Done", "", "Nhập ngày hoàn thành khi trạng thái là Hoàn thành")]
    [InlineData("Done", "2019-10-02", "Ngày hoàn thành không được sau hôm nay (01/10/2019)")]
    [InlineData("InProgress", "2019-09-01", "Chỉ ghi ngày hoàn thành khi trạng thái là Hoàn thành")]
    [InlineData("Done", "ngày mai", "không hợp lệ")]
    public async Task Bad_completion_dates_are_refused_with_a_message(string status, string completedOn, string message)
    {
        var (_, deliverableId) = await host.DeliverableAsync("1.b", 0);
        var stp = await host.UnitIdAsync("STP");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STP");

        var response = await PostProgressAsync(client, deliverableId, stp, [("Input.Status", status), ("Input.CompletedOn", completedOn)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        await using var db = host.NewDbContext();
        Assert.False(await db.Progress.AnyAsync(p => p.DeliverableId == deliverableId));
    }

    [Fact]
    public async Task The_second_of_two_concurrent_saves_is_refused_and_both_versions_are_shown()
    {
        var (_, deliverableId) = await host.DeliverableAsync("1.e", 0);
        var stp = await host.UnitIdAsync("STP");
        var first = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var second = await host.AdminAsync();
        var url = $"/deliverables/{deliverableId}/progress?unit={stp}&period=";
        var firstToken = FormPosting.AntiforgeryToken(await first.GetStringAsync(url));
        var secondToken = FormPosting.AntiforgeryToken(await second.GetStringAsync(url));

        var saved = await first.PostAsync(url, Form(firstToken, stp, "", 0, [("Input.Status", "InProgress"), ("Input.ProgressPercent", "30"), ("Input.ResultText", "Bản của người thứ nhất")]));
        var refused = await second.PostAsync(url, Form(secondToken, stp, "", 0, [("Input.Status", "InProgress"), ("Input.ProgressPercent", "70"), ("Input.ResultText", "Bản của người thứ hai")]));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Có người vừa cập nhật mục này", html);
        Assert.Contains("Bản của người thứ nhất", html);
        Assert.Contains("Bản của người thứ hai", html);
        await using var db = host.NewDbContext();
        var record = await db.Progress.SingleAsync(p => p.DeliverableId == deliverableId);
        Assert.Equal(("Bản của người thứ nhất", 30, 1), (record.ResultText, record.ProgressPercent, record.Version));
    }

    [Theory]
    [InlineData("virus.exe", "chỉ nhận PDF, Word, Excel và ảnh")]
    [InlineData("gia.pdf", "không đúng định dạng PDF")]
    [InlineData("lon.pdf", "quá lớn")]
    public async Task Disallowed_fake_or_oversized_files_are_refused_and_nothing_is_saved(string name, string message)
    {
        var (_, deliverableId) = await host.DeliverableAsync("1.đ", 0);
        var stp = await host.UnitIdAsync("STP");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        var content = name switch
        {
            "gia.pdf" => "MZ this is not a pdf"u8.ToArray(),
            "lon.pdf" => [.. Pdf, .. new byte[30_000]],
            _ => Pdf,
        };

        var response = await PostProgressAsync(client, deliverableId, stp, [("Input.Status", "InProgress"), ("Input.ProgressPercent", "10")], (name, content));

        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        await using var db = host.NewDbContext();
        Assert.False(await db.Progress.AnyAsync(p => p.DeliverableId == deliverableId));
        Assert.False(await db.Attachments.AnyAsync(a => a.DeliverableId == deliverableId));
    }

    [Fact]
    public async Task Script_typed_into_text_fields_is_shown_as_text()
    {
        var (taskId, deliverableId) = await host.DeliverableAsync("1.d", 0);
        var stp = await host.UnitIdAsync("STP");
        var client = await host.SignedInClientAsync(Roles.UnitEditor, "STP");
        const string script = "<script>alert('x')</script>";

        await PostProgressAsync(client, deliverableId, stp, [("Input.ResultText", script)]);
        await client.PostFormAsync($"/tasks/{taskId}", [new("CommentText", script)], $"/tasks/{taskId}?handler=Comment");

        var page = await client.GetStringAsync($"/tasks/{taskId}");
        Assert.DoesNotContain(script, page);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", page);
    }
}
