using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PlanTracker.Core.Accounts;
using PlanTracker.Core.History;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Features.Account;
using PlanTracker.Web.Features.Admin;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Tests.Browser;

/// <summary>Issue 16, point 5: single sign-on through a real OpenID provider (oidc-provider on Node.js), driven by Chromium.</summary>
public class SingleSignOnBrowserTests(SingleSignOnBrowserTests.Host host) : IClassFixture<SingleSignOnBrowserTests.Host>
{
    private const string EditorEmail = "sso.editor@cantho.example";
    private const string UnverifiedEmail = "sso.unverified@cantho.example";
    private const string DisabledEmail = "sso.disabled@cantho.example";
    private const string AdminEmail = "sso.admin@cantho.example";
    private const string MustChangeEmail = "sso.mustchange@cantho.example";
    private const string RelinkEmail = "sso.relink@cantho.example";
    private const string TemporaryPassword = "mat-khau-tam-cua-quan-tri-2019";

    public sealed class Host : BrowserHost
    {
        private readonly SemaphoreSlim starting = new(1, 1);

        public OidcProvider Provider { get; } = new();

        /// <summary>Read while the app registers its services: host settings, like the key ring's certificate.</summary>
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("OpenIdConnect:Authority", Provider.Issuer);
            builder.UseSetting("OpenIdConnect:ClientId", OidcProvider.ClientId);
            builder.UseSetting("OpenIdConnect:ClientSecret", OidcProvider.ClientSecret);
            builder.UseSetting("OpenIdConnect:DisplayName", "Cổng thử nghiệm");
            builder.UseSetting("OpenIdConnect:RequireHttpsMetadata", "false"); // the test provider is plain http on 127.0.0.1
        }

        /// <summary>The provider needs the app's callback address, known once the app listens.</summary>
        public async Task EnsureProviderAsync()
        {
            await starting.WaitAsync();
            try
            {
                if (ready) return;
                await CreateUserAsync(Roles.UnitEditor, "STP", EditorEmail);
                await CreateUserAsync(Roles.UnitEditor, "STP", UnverifiedEmail);
                await CreateUserAsync(Roles.UnitEditor, "STP", DisabledEmail);
                await CreateUserAsync(Roles.Admin, email: AdminEmail);
                await CreateUserAsync(Roles.UnitEditor, "STP", RelinkEmail);
                using (var scope = Services.CreateScope())
                {
                    var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
                    var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                    await accounts.SetDisabledAsync(Actor.System, (await users.FindByEmailAsync(DisabledEmail))!.Id, disabled: true);
                    // As an admin creates an account: the person must replace this password at the first password sign-in.
                    Assert.True((await accounts.CreateAsync(Actor.System, MustChangeEmail, "Người đổi mật khẩu", Roles.UnitEditor,
                        await UnitIdAsync("STP"), TemporaryPassword)).Succeeded);
                }
                await Provider.StartAsync(BaseUrl + SingleSignOnSetup.CallbackPath,
                [
                    new("editor", EditorEmail, EmailVerified: true),
                    new("unverified", UnverifiedEmail, EmailVerified: false),
                    new("stranger", "nobody@cantho.example", EmailVerified: true),
                    new("disabled", DisabledEmail, EmailVerified: true),
                    new("admin", AdminEmail, EmailVerified: true),
                    new("mustchange", MustChangeEmail, EmailVerified: true),
                    new("relink", RelinkEmail, EmailVerified: true),
                ]);
                ready = true;
            }
            finally
            {
                starting.Release();
            }
        }

        private bool ready;

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Provider.Dispose();
                starting.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    [Fact]
    public async Task A_verified_e_mail_signs_in_to_its_account_and_the_second_sign_in_uses_the_stored_link()
    {
        var page = await NewPageAsync();
        await SignInAtProviderAsync(page, "editor");
        await page.Locator("form[action='/account/logout']").WaitForAsync();
        await page.GotoAsync(host.BaseUrl + "/my");
        await BrowserHost.ArrivedAtAsync(page, "h1:has-text('Nhiệm vụ của tôi')", url => url.EndsWith("/my", StringComparison.Ordinal));
        Assert.Contains("Sở Tư pháp", await page.InnerTextAsync("h1"));

        await using (var db = host.NewDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == EditorEmail);
            Assert.Equal(1, await db.UserLogins.CountAsync(l => l.UserId == user.Id && l.LoginProvider == SingleSignOnSetup.Scheme && l.ProviderKey == "editor"));
        }

        // The admin changes the account's e-mail (which ends its sessions): the provider's e-mail no longer
        // matches, and the stored link alone signs the person in again.
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(EditorEmail))!;
            Assert.True((await users.SetEmailAsync(user, "sso.editor.moved@cantho.example")).Succeeded);
        }
        await page.GotoAsync(host.BaseUrl + "/account/login");
        await page.ClickAsync("a.single-sign-on"); // the provider remembers its own session: no sign-in page there
        await page.Locator("form[action='/account/logout']").WaitForAsync();
        await page.GotoAsync(host.BaseUrl + "/my");
        await BrowserHost.ArrivedAtAsync(page, "h1:has-text('Nhiệm vụ của tôi')", url => url.EndsWith("/my", StringComparison.Ordinal));
        await using (var db = host.NewDbContext())
            Assert.Equal(1, await db.UserLogins.CountAsync(l => l.ProviderKey == "editor"));

        // The session checks hold for a session opened through the provider: disabling the account ends it.
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await scope.ServiceProvider.GetRequiredService<UserAccounts>()
                .SetDisabledAsync(Actor.System, (await users.FindByEmailAsync("sso.editor.moved@cantho.example"))!.Id, disabled: true);
        }
        await page.GotoAsync(host.BaseUrl + "/my");
        await BrowserHost.ArrivedAtAsync(page, "input[name=Password]", url => url.Contains("/account/login", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unverified", UnverifiedEmail, "chưa xác minh địa chỉ thư điện tử")]
    [InlineData("stranger", "nobody@cantho.example", "Không có tài khoản PlanTracker nào với địa chỉ nobody@cantho.example")]
    [InlineData("disabled", DisabledEmail, "Tài khoản này đã bị khóa")]
    public async Task A_sign_in_the_app_cannot_accept_is_refused_on_the_login_page_links_nothing_and_is_logged(
        string login, string email, string message)
    {
        var page = await NewPageAsync();
        await SignInAtProviderAsync(page, login);
        await BrowserHost.ArrivedAtAsync(page, $".errors:has-text('{message}')", url => url.Contains("/account/login", StringComparison.Ordinal));
        Assert.Equal(0, await page.Locator("form[action='/account/logout']").CountAsync());

        await using var db = host.NewDbContext();
        Assert.Equal(0, await db.UserLogins.CountAsync(l => l.ProviderKey == login));
        Assert.False(await db.Users.AnyAsync(u => u.Email == "nobody@cantho.example"));
        Assert.True(await db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKinds.SignInFailed && e.Email == email
            && e.Detail!.StartsWith("Đăng nhập một lần")));
    }

    [Fact]
    public async Task An_account_with_a_second_factor_still_enters_its_code_after_the_provider()
    {
        var page = await NewPageAsync();
        await SignInAtProviderAsync(page, "admin");
        await BrowserHost.ArrivedAtAsync(page, "input[name=Code]", url => url.Contains("/account/login-2fa", StringComparison.Ordinal));
        Assert.Equal(0, await page.Locator("form[action='/account/logout']").CountAsync());

        await page.FillAsync("input[name=Code]", await host.AuthenticatorCodeAsync(AdminEmail));
        await page.PressAsync("input[name=Code]", "Enter");
        await page.Locator("form[action='/account/logout']").WaitForAsync();
        await page.GotoAsync(host.BaseUrl + "/admin/users");
        await BrowserHost.ArrivedAtAsync(page, "h1:has-text('Tài khoản người dùng')", url => url.EndsWith("/admin/users", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_account_with_an_admins_password_signs_in_through_the_provider_with_no_password_step_and_that_password_stops_working()
    {
        var page = await NewPageAsync();
        await SignInAtProviderAsync(page, "mustchange");
        await page.Locator("form[action='/account/logout']").WaitForAsync();
        await page.GotoAsync(host.BaseUrl + "/my");
        await BrowserHost.ArrivedAtAsync(page, "h1:has-text('Nhiệm vụ của tôi')", url => url.EndsWith("/my", StringComparison.Ordinal));

        // The account page shows the link, and no password to change.
        await page.GotoAsync(host.BaseUrl + "/account/password");
        await BrowserHost.ArrivedAtAsync(page, "#sso-links", url => url.EndsWith("/account/password", StringComparison.Ordinal));
        Assert.Contains("Cổng thử nghiệm", await page.InnerTextAsync("#sso-links"));
        Assert.Contains("mustchange", await page.InnerTextAsync("#sso-links"));
        Assert.Equal(1, await page.Locator("#no-password").CountAsync());
        Assert.Equal(0, await page.Locator("#must-change").CountAsync());
        Assert.Equal(0, await page.Locator("input[name=CurrentPassword]").CountAsync());

        await using (var db = host.NewDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == MustChangeEmail);
            Assert.Null(user.PasswordHash);
            Assert.False(user.MustChangePassword);
            Assert.True(await db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKinds.TemporaryPasswordRemoved && e.UserId == user.Id));
        }

        // The password the admin handed over no longer opens the account, from any browser.
        var other = await NewPageAsync();
        await other.GotoAsync(host.BaseUrl + "/account/login");
        await other.FillAsync("input[name=Email]", MustChangeEmail);
        await other.FillAsync("input[name=Password]", TemporaryPassword);
        await other.PressAsync("input[name=Password]", "Enter");
        await BrowserHost.ArrivedAtAsync(other, $".errors:has-text('{LoginModel.WrongCredentials}')",
            url => url.Contains("/account/login", StringComparison.Ordinal));
        Assert.Equal(0, await other.Locator("form[action='/account/logout']").CountAsync());
    }

    [Fact]
    public async Task An_admin_unlinks_an_accounts_sign_on_which_ends_its_session_and_the_next_sign_on_links_it_again_by_verified_e_mail()
    {
        var person = await NewPageAsync();
        await SignInAtProviderAsync(person, "relink");
        await person.Locator("form[action='/account/logout']").WaitForAsync();

        var admin = await host.SignedInPageAsync(Roles.Admin);
        await admin.GotoAsync(host.BaseUrl + "/admin/users");
        var row = admin.Locator("tbody tr", new PageLocatorOptions { HasText = RelinkEmail });
        Assert.Contains("Cổng thử nghiệm: relink", await row.Locator("td.logins").InnerTextAsync());
        string? asked = null;
        admin.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };
        await row.Locator("button:has-text('Hủy liên kết đăng nhập một lần')").ClickAsync();
        await BrowserHost.ArrivedAtAsync(admin, $".notice:has-text('Đã hủy liên kết đăng nhập một lần của {RelinkEmail}')",
            url => url.Contains("/admin/users", StringComparison.Ordinal));
        Assert.StartsWith($"Hủy liên kết đăng nhập một lần của {RelinkEmail}?", asked, StringComparison.Ordinal);
        Assert.Equal(0, await admin.Locator("tbody tr", new PageLocatorOptions { HasText = RelinkEmail }).Locator("td.logins .login").CountAsync());
        await using (var db = host.NewDbContext())
        {
            Assert.Equal(0, await db.UserLogins.CountAsync(l => l.ProviderKey == "relink"));
            var unlinked = await db.SecurityEvents.SingleAsync(e => e.Kind == SecurityEventKinds.LoginUnlinked && e.Email == RelinkEmail);
            Assert.Contains("Cổng thử nghiệm: relink, bởi", unlinked.Detail, StringComparison.Ordinal);
        }

        // The session opened through the unlinked subject ends at its next request.
        await person.GotoAsync(host.BaseUrl + "/my");
        await BrowserHost.ArrivedAtAsync(person, "a.single-sign-on", url => url.Contains("/account/login", StringComparison.Ordinal));

        // The provider still vouches for the e-mail: the next sign-in links the account again.
        await person.ClickAsync("a.single-sign-on"); // the provider remembers its own session
        await person.Locator("form[action='/account/logout']").WaitForAsync();
        await using (var db = host.NewDbContext())
        {
            var userId = await db.Users.Where(u => u.Email == RelinkEmail).Select(u => u.Id).SingleAsync();
            Assert.Equal(1, await db.UserLogins.CountAsync(l => l.UserId == userId && l.ProviderKey == "relink"));
            Assert.Equal(2, await db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKinds.LoginLinked && e.UserId == userId));
        }
    }

    [Fact]
    public async Task The_password_sign_in_still_works_beside_the_provider()
    {
        await host.EnsureProviderAsync();
        var page = await host.SignedInPageAsync(Roles.UnitEditor, "STTTT");
        await page.GotoAsync(host.BaseUrl + "/my");
        await BrowserHost.ArrivedAtAsync(page, "h1:has-text('Nhiệm vụ của tôi')", url => url.EndsWith("/my", StringComparison.Ordinal));
    }

    private async Task<IPage> NewPageAsync()
    {
        await host.EnsureProviderAsync();
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>From the app's login page to the provider's own sign-in page (any password), and back.</summary>
    private async Task SignInAtProviderAsync(IPage page, string login)
    {
        await page.GotoAsync(host.BaseUrl + "/account/login");
        Assert.Equal("Đăng nhập bằng Cổng thử nghiệm", (await page.InnerTextAsync("a.single-sign-on")).Trim());
        await page.ClickAsync("a.single-sign-on");
        await page.Locator("input[name=login]").WaitForAsync();
        Assert.StartsWith(host.Provider.Issuer, page.Url, StringComparison.Ordinal);
        await page.FillAsync("input[name=login]", login);
        await page.FillAsync("input[name=password]", "bat-ky");
        await page.PressAsync("input[name=password]", "Enter");
    }
}
