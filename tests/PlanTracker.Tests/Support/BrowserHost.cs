using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PlanTracker.Core.Accounts;

namespace PlanTracker.Tests.Support;

/// <summary>
/// The app on a real Kestrel port on 127.0.0.1, and Debian's headless Chromium driven by Playwright
/// (the test command installs the chromium package; Playwright never downloads a browser here).
/// </summary>
public class BrowserHost : PlanTrackerFactory, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public BrowserHost()
    {
        Settings["Urls"] = "http://127.0.0.1:0";
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public async Task InitializeAsync()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> SignedInPageAsync(string role, string? unitCode = null, int width = 1280, int height = 900)
    {
        var email = await CreateUserAsync(role, unitCode);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "vi-VN" });
        // The suite shares 2 cores with other work; Playwright's 30 s default was once too short for a sign-in there.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/account/login");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", Password);
        // Enter in the password field submits the form without hit-testing a pointer click, which a loaded machine
        // once left unsent (the page idle on the login form, no error shown); a refusal says what the page said.
        await page.PressAsync("input[name=Password]", "Enter");
        try
        {
            if (role == Roles.Admin)
            {
                await page.Locator("input[name=Code]").WaitForAsync();
                await page.FillAsync("input[name=Code]", await AuthenticatorCodeAsync(email));
                await page.PressAsync("input[name=Code]", "Enter");
            }
            await page.Locator("form[action='/account/logout']").WaitForAsync();
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Sign-in as {email} did not leave {page.Url}; the page says: {await page.InnerTextAsync("body")}", e);
        }
        return page;
    }

    /// <summary>
    /// Waits for an element of the page a click leads to, then checks the address. Not WaitForURLAsync: its
    /// check-then-subscribe can miss the `load` event on a loaded machine and wait out its whole timeout
    /// (microsoft/playwright-dotnet#3364, seen in CI); a locator polls in the browser and survives the navigation.
    /// </summary>
    public static async Task ArrivedAtAsync(IPage page, string landmark, Func<string, bool> urlMatches)
    {
        await page.Locator(landmark).First.WaitForAsync();
        Assert.True(urlMatches(page.Url), $"The page with {landmark} is at {page.Url}.");
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
    }
}
