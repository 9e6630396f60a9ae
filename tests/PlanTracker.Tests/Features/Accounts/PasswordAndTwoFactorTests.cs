using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Accounts;

public class PasswordAndTwoFactorTests(PasswordAndTwoFactorTests.Host host) : IClassFixture<PasswordAndTwoFactorTests.Host>
{
    public sealed class Host : PlanTrackerFactory;

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        PageText.Text(PageText.Parse(await response.Content.ReadAsStringAsync()).Find(".errors"));

    [Theory]
    [InlineData("aaaaaaaaa1", "Mật khẩu phải có ít nhất 12 ký tự")] // the three from the assessment
    [InlineData("cantho2019", "Mật khẩu phải có ít nhất 12 ký tự")]
    [InlineData("password12", "Mật khẩu phải có ít nhất 12 ký tự")]
    [InlineData("zzzzzzzzzzzzzzzz", "Mật khẩu không được chỉ lặp lại một ký tự")]
    [InlineData("123456789012", "Mật khẩu này quá phổ biến")]
    [InlineData("MatKhau123456", "Mật khẩu này quá phổ biến")] // the list is compared regardless of case
    [InlineData("doimatkhau-cua-toi", "Mật khẩu không được chứa tên thư điện tử")]
    public async Task The_account_page_refuses_weak_passwords_in_Vietnamese(string password, string message)
    {
        var client = await host.SignedInClientAsync(Roles.Viewer, email: "doimatkhau@cantho.example");

        var response = await client.PostFormAsync("/account/password",
            ("CurrentPassword", PlanTrackerFactory.Password), ("NewPassword", password), ("ConfirmPassword", password));

        Assert.Contains(message, await ErrorsAsync(response));
        var signIn = await host.NewClient().PostFormAsync("/account/login", ("Email", "doimatkhau@cantho.example"), ("Password", PlanTrackerFactory.Password));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode); // the old password still works
    }

    [Fact]
    public async Task A_long_passphrase_without_digits_or_capitals_is_accepted()
    {
        var client = await host.SignedInClientAsync(Roles.Viewer, email: "cumtu@cantho.example");

        var response = await client.PostFormAsync("/account/password",
            ("CurrentPassword", PlanTrackerFactory.Password), ("NewPassword", "song hau chay qua ninh kieu"), ("ConfirmPassword", "song hau chay qua ninh kieu"));

        Assert.Contains("Đã đổi mật khẩu", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_account_an_admin_created_sets_its_own_password_before_anything_else()
    {
        var admin = await host.AdminAsync();
        var unitId = await host.UnitIdAsync("STP");
        await admin.PostFormAsync("/admin/users",
            [new("Input.Email", "moi.stp@cantho.example"), new("Input.DisplayName", "Cán bộ mới"), new("Input.Role", Roles.UnitEditor),
             new("Input.UnitId", unitId.ToString(CultureInfo.InvariantCulture)), new("Input.Password", "mat-khau-ban-dau-2026")],
            "/admin/users?handler=Create");
        var client = host.NewClient();
        await client.PostFormAsync("/account/login", ("Email", "moi.stp@cantho.example"), ("Password", "mat-khau-ban-dau-2026"));

        foreach (var path in new[] { "/", "/my", "/tasks" })
            Assert.Equal("/account/password", (await client.GetAsync(path)).Headers.Location?.OriginalString);
        var page = await client.GetDocumentAsync("/account/password");
        Assert.Contains("Hãy đặt mật khẩu mới", page.Find("#must-change").TextContent);

        var changed = await client.PostFormAsync("/account/password",
            ("CurrentPassword", "mat-khau-ban-dau-2026"), ("NewPassword", "mat-khau-cua-rieng-toi"), ("ConfirmPassword", "mat-khau-cua-rieng-toi"));

        Assert.Contains("Đã đổi mật khẩu", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/my")).StatusCode);
        await using var db = host.NewDbContext();
        Assert.False(await db.Users.Where(u => u.Email == "moi.stp@cantho.example").Select(u => u.MustChangePassword).SingleAsync());
    }

    [Fact]
    public async Task An_admin_without_a_second_factor_is_sent_to_enrol_and_a_right_code_enables_it_with_recovery_codes()
    {
        var email = await host.CreateUserAsync(Roles.Admin, email: "quantri.moi@cantho.example");
        await SetTwoFactorAsync(email, enabled: false);
        var client = host.NewClient();
        var signIn = await client.PostFormAsync("/account/login", ("Email", email), ("Password", PlanTrackerFactory.Password));
        Assert.Equal("/", signIn.Headers.Location?.OriginalString); // no code asked: none enrolled

        foreach (var path in new[] { "/", "/admin/users", "/hangfire" })
            Assert.Equal("/account/two-factor", (await client.GetAsync(path)).Headers.Location?.OriginalString);
        var enrol = await client.GetDocumentAsync("/account/two-factor");
        var key = enrol.Find("#shared-key").TextContent;
        Assert.StartsWith("otpauth://totp/PlanTracker%3A", enrol.Find("#authenticator-uri").TextContent);

        var wrong = await client.PostFormAsync("/account/two-factor", [new("Code", Totp.Code(key, DateTimeOffset.UtcNow.AddHours(-1)))], "/account/two-factor?handler=Enable");
        Assert.Contains("Mã không đúng", await ErrorsAsync(wrong));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/users")).StatusCode);

        var right = await client.PostFormAsync("/account/two-factor", [new("Code", Totp.Code(key))], "/account/two-factor?handler=Enable");
        var page = PageText.Parse(await right.Content.ReadAsStringAsync());
        Assert.Equal(10, page.QuerySelectorAll("#recovery-codes li").Length);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
        Assert.Empty((await client.GetDocumentAsync("/account/two-factor")).QuerySelectorAll("#recovery-codes li")); // shown once
    }

    [Fact]
    public async Task Sign_in_asks_for_the_code_and_refuses_a_wrong_one()
    {
        var email = await host.CreateUserAsync(Roles.Admin, email: "quantri.ma@cantho.example");
        var client = host.NewClient();

        var signIn = await client.PostFormAsync("/account/login", ("Email", email), ("Password", PlanTrackerFactory.Password));
        Assert.Equal("/account/login-2fa", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/users")).StatusCode); // not signed in yet

        var wrong = await client.PostFormAsync("/account/login-2fa", ("Code", "12345"));
        Assert.Contains("Mã không đúng", await ErrorsAsync(wrong));
        Assert.StartsWith("/account/login", (await client.GetAsync("/admin/users")).Headers.Location!.PathAndQuery);

        var right = await client.PostFormAsync("/account/login-2fa", ("Code", await host.AuthenticatorCodeAsync(email)));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task A_viewer_can_enrol_and_a_recovery_code_signs_in_once()
    {
        var client = await host.SignedInClientAsync(Roles.Viewer, email: "xem.hai.buoc@cantho.example");
        var key = (await client.GetDocumentAsync("/account/two-factor")).Find("#shared-key").TextContent;
        var enrolled = await client.PostFormAsync("/account/two-factor", [new("Code", Totp.Code(key))], "/account/two-factor?handler=Enable");
        var recovery = PageText.Parse(await enrolled.Content.ReadAsStringAsync()).QuerySelectorAll("#recovery-codes li code")[0].TextContent;

        async Task<HttpResponseMessage> SignInWithRecoveryAsync()
        {
            var fresh = host.NewClient();
            var signIn = await fresh.PostFormAsync("/account/login", ("Email", "xem.hai.buoc@cantho.example"), ("Password", PlanTrackerFactory.Password));
            Assert.Equal("/account/login-2fa", signIn.Headers.Location?.OriginalString);
            return await fresh.PostFormAsync("/account/login-2fa", ("Code", recovery.ToLowerInvariant()));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithRecoveryAsync()).StatusCode);
        var again = await SignInWithRecoveryAsync();
        Assert.Contains("Mã không đúng hoặc đã được dùng", await ErrorsAsync(again));
    }

    [Fact]
    public async Task The_api_answers_a_pending_account_step_with_a_403_problem_in_the_callers_language_not_a_redirect()
    {
        var mustChange = await host.CreateUserAsync(Roles.Viewer, email: "api.doimatkhau@cantho.example");
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(mustChange))!;
            user.MustChangePassword = true;
            await users.UpdateAsync(user);
        }
        var noSecondFactor = await host.CreateUserAsync(Roles.Admin, email: "api.quantri.moi@cantho.example");
        await SetTwoFactorAsync(noSecondFactor, enabled: false);

        foreach (var (email, vietnamese, english, page) in new[]
                 {
                     (mustChange, "Cần đổi mật khẩu", "Password change required", "/account/password"),
                     (noSecondFactor, "Cần bật xác thực hai lớp", "Two-factor authentication required", "/account/two-factor"),
                 })
        {
            var client = host.NewClient();
            await client.PostFormAsync("/account/login", ("Email", email), ("Password", PlanTrackerFactory.Password));
            Assert.Equal(page, (await client.GetAsync("/")).Headers.Location?.OriginalString); // the pages still send them there

            var refused = await client.GetAsync("/api/v1/me");
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/plans");
            request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
            var inEnglish = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Null(refused.Headers.Location);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(vietnamese, problem.GetProperty("title").GetString());
            Assert.Contains(page, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, inEnglish.StatusCode);
            Assert.Equal(english, System.Text.Json.JsonDocument.Parse(await inEnglish.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        }
    }

    private async Task SetTwoFactorAsync(string email, bool enabled)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await users.SetTwoFactorEnabledAsync((await users.FindByEmailAsync(email))!, enabled);
    }
}
