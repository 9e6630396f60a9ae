using System.Net;
using Microsoft.AspNetCore.Hosting;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Accounts;

/// <summary>Issue 16, point 5: single sign-on is off unless configured, and a half-done configuration stops the start.</summary>
public class SingleSignOnSettingsTests
{
    /// <summary>The OpenID settings go in as host settings: the app reads them while its services are registered.</summary>
    private sealed class Host(params (string Key, string Value)[] settings) : PlanTrackerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }

    [Fact]
    public async Task Without_an_authority_the_login_page_has_no_single_sign_on_button_and_its_address_is_not_found()
    {
        using var host = new Host();
        var client = host.NewClient();

        var login = await client.GetDocumentAsync("/account/login");

        Assert.Null(login.QuerySelector("a.single-sign-on"));
        Assert.DoesNotContain("Đăng nhập bằng", PageText.Text(login.DocumentElement), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/account/sso")).StatusCode);
    }

    [Fact]
    public async Task With_an_authority_the_login_page_offers_the_provider_by_its_display_name()
    {
        using var host = new Host(("OpenIdConnect:Authority", "https://sso.cantho.example/"), ("OpenIdConnect:ClientId", "plantracker"),
            ("OpenIdConnect:ClientSecret", "bi-mat"), ("OpenIdConnect:DisplayName", "Cổng dịch vụ công"));

        var button = (await host.NewClient().GetDocumentAsync("/account/login")).Find("a.single-sign-on");

        Assert.Equal("Đăng nhập bằng Cổng dịch vụ công", button.TextContent.Trim());
        Assert.Equal("/account/sso", button.GetAttribute("href"));
    }

    [Fact]
    public void An_authority_without_a_client_secret_stops_the_start_naming_the_environment_variable()
    {
        using var host = new Host(("OpenIdConnect:Authority", "https://sso.cantho.example/"), ("OpenIdConnect:ClientId", "plantracker"));

        var error = Assert.ThrowsAny<Exception>(() => host.StartServer());

        var message = error.GetBaseException() is InvalidOperationException e ? e.Message : error.ToString();
        Assert.Contains("OpenIdConnect__ClientSecret", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_authority_without_a_client_id_stops_the_start_naming_the_setting()
    {
        using var host = new Host(("OpenIdConnect:Authority", "https://sso.cantho.example/"), ("OpenIdConnect:ClientSecret", "bi-mat"));

        var error = Assert.ThrowsAny<Exception>(() => host.StartServer());

        var message = error.GetBaseException() is InvalidOperationException e ? e.Message : error.ToString();
        Assert.Contains("OpenIdConnect:ClientId", message, StringComparison.Ordinal);
    }
}
