using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Tests.Features.Accounts;

public class FirstAdminTests
{
    [Fact]
    public async Task The_setup_link_creates_the_first_admin_once()
    {
        using var host = new PlanTrackerFactory();
        string link;
        using (var scope = host.Services.CreateScope())
            link = (await scope.ServiceProvider.GetRequiredService<FirstAdminSetup>().AnnounceSetupLinkIfNoUserAsync())!;
        var path = new Uri(link).AbsolutePath;
        var client = host.NewClient();

        var created = await client.PostFormAsync(path, ("Email", "cchc@cantho.example"), ("DisplayName", "Bộ phận CCHC"),
            ("Password", "mot-mat-khau-dai-1"), ("ConfirmPassword", "mot-mat-khau-dai-1"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await using var db = host.NewDbContext();
        var admin = await db.Users.SingleAsync();
        Assert.Equal("cchc@cantho.example", admin.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await host.NewClient().GetAsync(path)).StatusCode);
        // Signed in as admin, who enrols a second factor before anything else opens.
        Assert.Equal("/account/two-factor", (await client.GetAsync("/admin/users")).Headers.Location?.OriginalString);
        var key = PageText.Parse(await client.GetStringAsync("/account/two-factor")).Find("#shared-key").TextContent;
        await client.PostFormAsync("/account/two-factor", [new("Code", Totp.Code(key))], "/account/two-factor?handler=Enable");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode); // signed in as admin
    }

    [Fact]
    public async Task A_first_start_on_an_empty_database_logs_the_setup_link_and_no_error()
    {
        using var host = new PlanTrackerFactory();

        await using (host.NewDbContext()) { } // started: migrated, seeded, data protection's key ring read

        var log = string.Concat(Directory.GetFiles(host.Folder.File("logs")).Select(ReadShared));
        Assert.Contains("No user exists yet. Create the first admin", log);
        var lines = log.Split('\n');
        var errors = lines.Select((line, i) => (line, i)).Where(l => l.line.Contains("[ERR]"))
            .Select(l => string.Join('\n', lines.Skip(l.i).Take(4))).ToList(); // the error and what follows it
        Assert.True(errors.Count == 0, string.Join('\n', errors)); // the key ring was once read before the database was migrated
    }

    private static string ReadShared(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task A_made_up_setup_link_is_not_found()
    {
        using var host = new PlanTrackerFactory();

        var response = await host.NewClient().GetAsync("/setup/" + new string('a', 64));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public class SignInTests(SignInTests.Host host) : IClassFixture<SignInTests.Host>
{
    public sealed class Host : PlanTrackerFactory;

    [Theory]
    [InlineData("/")]
    [InlineData("/plans/1")]
    [InlineData("/tasks")]
    [InlineData("/my")]
    [InlineData("/units")]
    [InlineData("/admin/users")]
    public async Task Pages_need_a_signed_in_user(string path)
    {
        var response = await host.NewClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Sign_in_page_and_deadline_api_are_open()
    {
        var client = host.NewClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/deadlines/parse?text=Qu%C3%BD%20I")).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_says_so_in_Vietnamese()
    {
        var email = await host.CreateUserAsync(Roles.Viewer, email: "sai@cantho.example");

        var response = await host.NewClient().PostFormAsync("/account/login", ("Email", email), ("Password", "khong-dung-123"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thư điện tử hoặc mật khẩu không đúng", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_failed_sign_ins_make_the_next_attempt_wait_even_against_the_right_password()
    {
        var email = await host.CreateUserAsync(Roles.Viewer, email: "khoa@cantho.example");
        for (var i = 0; i < 5; i++)
            await host.NewClient().PostFormAsync("/account/login", ("Email", email), ("Password", "khong-dung-123"));

        var response = await host.NewClient().PostFormAsync("/account/login", ("Email", email), ("Password", PlanTrackerFactory.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // not signed in
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng thử lại sau", text); // a short wait (SignInThrottleTests), no 15-minute lock-out any stranger could set off
        Assert.DoesNotContain("khóa", text);
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_and_cannot_sign_in_again()
    {
        var client = await host.SignedInClientAsync(Roles.Viewer, email: "tat@cantho.example");
        var admin = await host.AdminAsync();
        await using (var db = host.NewDbContext())
        {
            var id = await db.Users.Where(u => u.Email == "tat@cantho.example").Select(u => u.Id).SingleAsync();
            var disabled = await admin.PostFormAsync("/admin/users", [], $"/admin/users?handler=Disable&id={id}");
            Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/tasks")).StatusCode);
        var again = await host.NewClient().PostFormAsync("/account/login", ("Email", "tat@cantho.example"), ("Password", PlanTrackerFactory.Password));
        Assert.Contains("Tài khoản này đã bị khóa", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_creates_a_unit_editor_who_can_then_sign_in()
    {
        var admin = await host.AdminAsync();
        var unitId = await host.UnitIdAsync("STP");

        var response = await admin.PostFormAsync("/admin/users",
            [new("Input.Email", "bientap.stp@cantho.example"), new("Input.DisplayName", "Cán bộ Sở Tư pháp"),
             new("Input.Role", Roles.UnitEditor), new("Input.UnitId", unitId.ToString(CultureInfo.InvariantCulture)), new("Input.Password", "mat-khau-stp-2019")],
            "/admin/users?handler=Create");

        Assert.Contains("Đã tạo tài khoản bientap.stp@cantho.example", await response.Content.ReadAsStringAsync());
        var signIn = await host.NewClient().PostFormAsync("/account/login", ("Email", "bientap.stp@cantho.example"), ("Password", "mat-khau-stp-2019"));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task A_unit_editor_without_a_unit_is_refused()
    {
        var admin = await host.AdminAsync();

        var response = await admin.PostFormAsync("/admin/users",
            [new("Input.Email", "khongdonvi@cantho.example"), new("Input.DisplayName", "Không đơn vị"),
             new("Input.Role", Roles.UnitEditor), new("Input.Password", "mat-khau-stp-2019")],
            "/admin/users?handler=Create");

        Assert.Contains("Cán bộ đơn vị phải thuộc một đơn vị", await response.Content.ReadAsStringAsync());
    }
}
