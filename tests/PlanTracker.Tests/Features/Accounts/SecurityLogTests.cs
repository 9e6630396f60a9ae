using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Tests.Features.Accounts;

public class SecurityLogTests
{
    [Fact]
    public async Task Sign_ins_failures_refusals_and_account_changes_are_recorded()
    {
        using var host = new SignInHost();
        var viewerEmail = await host.CreateUserAsync(Roles.Viewer, email: "xem@cantho.example");
        var admin = await host.SignedInClientAsync(Roles.Admin, email: "quantri@cantho.example");

        await host.SignInAsync("10.0.0.8", "  Xem@Cantho.example ", "khong-dung-123");
        var viewer = await host.SignedInClientAsync(Roles.Viewer, email: viewerEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/admin/users")).StatusCode);
        string viewerId;
        await using (var db = host.NewDbContext())
            viewerId = await db.Users.Where(u => u.Email == viewerEmail).Select(u => u.Id).SingleAsync();
        await admin.PostFormAsync("/admin/users", [], $"/admin/users?handler=Disable&id={viewerId}");

        var events = await host.EventsAsync();
        Assert.Contains(events, e => e.Kind == SecurityEventKinds.SignIn && e.Email == "quantri@cantho.example" && e.UserId != null);
        Assert.Contains(events, e => e.Kind == SecurityEventKinds.SignInFailed && e.Email == "Xem@Cantho.example" && e.IpAddress == "10.0.0.8");
        Assert.Contains(events, e => e.Kind == SecurityEventKinds.Forbidden && e.Path == "/admin/users" && e.UserId == viewerId);
        Assert.Contains(events, e => e.Kind == SecurityEventKinds.AccountDisabled && e.UserId == viewerId && e.Email == viewerEmail
            && e.Detail!.Contains("bởi", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Kind == SecurityEventKinds.AccountCreated && e.Email == viewerEmail);
    }

    [Fact]
    public async Task A_password_change_and_a_sign_out_are_recorded()
    {
        using var host = new SignInHost();
        var client = await host.SignedInClientAsync(Roles.Viewer, email: "doimk@cantho.example");

        await client.PostFormAsync("/account/password", ("CurrentPassword", PlanTrackerFactory.Password),
            ("NewPassword", "mat-khau-moi-hon-2019"), ("ConfirmPassword", "mat-khau-moi-hon-2019"));
        await client.PostFormAsync("/account/password", [], "/account/logout");

        var kinds = (await host.EventsAsync("doimk@cantho.example")).Select(e => e.Kind).ToList();
        Assert.Contains(SecurityEventKinds.PasswordChanged, kinds);
        Assert.Contains(SecurityEventKinds.SignOut, kinds);
    }
}

public class SecurityLogPageTests(SecurityLogPageTests.Host host) : IClassFixture<SecurityLogPageTests.Host>
{
    public sealed class Host : SignInHost;

    [Fact]
    public async Task Admins_see_the_log_newest_first_and_filter_it()
    {
        var admin = await host.AdminAsync();
        await host.SignInAsync("10.0.0.9", "ke-la@cantho.example", "khong-dung-123");
        await host.SignInAsync("10.0.0.9", "ke-la@cantho.example", "khong-dung-456");

        var page = await admin.GetDocumentAsync("/admin/security?Kind=SignInFailed&Email=KE-LA");

        var rows = page.QuerySelectorAll("table.security-log tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.All(rows, r => Assert.Equal("Đăng nhập sai", r.Children[1].TextContent.Trim()));
        Assert.Equal("ke-la@cantho.example", rows[0].Children[2].TextContent.Trim());
        Assert.Matches(@"^\d\d/\d\d/\d{4} \d\d:\d\d$", rows[0].Children[0].TextContent.Trim());
        var none = await admin.GetDocumentAsync("/admin/security?Kind=SignInFailed&Email=ke-la&To=2019-01-01");
        Assert.Empty(none.QuerySelectorAll("table.security-log tbody tr"));
    }

    [Fact]
    public async Task The_log_exports_as_csv_that_Excel_reads_as_UTF8()
    {
        var admin = await host.AdminAsync();
        await host.SignInAsync("10.0.0.10", "=HYPERLINK(\"x\")@cantho.example", "khong-dung-123");

        var response = await admin.GetAsync("/admin/security?handler=Csv&Kind=SignInFailed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes.Take(3));
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal("Thời điểm,Loại,Thư điện tử,Mã người dùng,Địa chỉ IP,Đường dẫn,Chi tiết", lines[0]);
        Assert.Contains(lines, l => l.Contains("Đăng nhập sai,\"'=HYPERLINK(\"\"x\"\")@cantho.example\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Roles.Viewer, "/admin/security")]
    [InlineData(Roles.Viewer, "/admin/security?handler=Csv")]
    [InlineData(Roles.UnitEditor, "/admin/security")]
    [InlineData(Roles.UnitEditor, "/admin/security?handler=Csv")]
    public async Task Only_admins_see_the_log(string role, string path)
    {
        var client = await host.SignedInClientAsync(role, role == Roles.UnitEditor ? "STP" : null);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
    }
}
