using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using PlanTracker.Tests.Support;

namespace PlanTracker.Benchmarks.Load;

/// <summary>A signed-in HTTP client against a server on 127.0.0.1, going through the real login form.</summary>
public sealed partial class AppClient : IDisposable
{
    private readonly HttpClient http;

    public AppClient(string baseUrl)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(120) };
    }

    public static async Task WaitUntilServingAsync(string baseUrl, TimeSpan timeout)
    {
        using var probe = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                if ((await probe.GetAsync("/account/login")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("the server did not answer /account/login in " + timeout);
    }

    public async Task SignInAsync(string email, string password)
    {
        var token = Token(await http.GetStringAsync("/account/login"));
        var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (response.Headers.Location?.OriginalString.StartsWith("/account/login-2fa", StringComparison.Ordinal) == true)
            response = await http.PostAsync("/account/login-2fa", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Code"] = Totp.Code(Common.AuthenticatorKey),
                ["__RequestVerificationToken"] = Token(await http.GetStringAsync("/account/login-2fa")),
            }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in as {email} answered {(int)response.StatusCode}");
    }

    /// <summary>One GET read to the end; returns milliseconds and the body length.</summary>
    public async Task<(double Ms, long Bytes)> TimeGetAsync(string url)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        clock.Stop();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
        return (clock.Elapsed.TotalMilliseconds, body.Length);
    }

    /// <summary>Opens the progress form and posts a new percentage; 302 when the server saved it, with the version the form showed.</summary>
    public async Task<(int Status, int Version)> UpdateProgressAsync(int deliverableId, int unitId, int percent)
    {
        using var get = await http.GetAsync(ProgressUrl(deliverableId, unitId));
        if (get.StatusCode != HttpStatusCode.OK) return (1000 + (int)get.StatusCode, 0);
        var form = await get.Content.ReadAsStringAsync();
        var version = VersionField().Match(form) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (await PostProgressAsync(deliverableId, unitId, percent, Token(form), version), version);
    }

    /// <summary>
    /// The save alone, as a browser sends it after the form is open: an anti-forgery token of this session
    /// (valid for any form) and the version the form showed. 302 when saved, 200 when refused as a conflict.
    /// </summary>
    public async Task<int> PostProgressAsync(int deliverableId, int unitId, int percent, string token, int version)
    {
        using var response = await http.PostAsync(ProgressUrl(deliverableId, unitId), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Status"] = "InProgress",
            ["Input.ResultText"] = "Đang triển khai (đo tải).",
            ["Input.ProgressPercent"] = percent.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Unit"] = unitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Period"] = "",
        }));
        return (int)response.StatusCode;
    }

    public Task<string> GetStringAsync(string url) => http.GetStringAsync(url);

    /// <summary>A token for this session's forms, read from a form page.</summary>
    public async Task<string> FormTokenAsync(string url) => Token(await http.GetStringAsync(url));

    private static string ProgressUrl(int deliverableId, int unitId) => $"/deliverables/{deliverableId}/progress?unit={unitId}&period=";

    private static string Token(string html) =>
        TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("no anti-forgery token in the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"Input\\.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    public void Dispose() => http.Dispose();
}
