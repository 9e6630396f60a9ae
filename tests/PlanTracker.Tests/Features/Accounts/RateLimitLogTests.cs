using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Infrastructure;

namespace PlanTracker.Tests.Features.Accounts;

/// <summary>
/// Refusals under the wrong-token, per-token and calendar-miss limits reach the security log, once per address (or
/// token) and minute however many there are. Each test floods from its own address, so the tests share one host.
/// </summary>
public class RateLimitLogTests(RateLimitLogTests.Host host) : IClassFixture<RateLimitLogTests.Host>
{
    public sealed class Host : SignInHost
    {
        public Host()
        {
            Settings["Api:FailedTokensPerMinute"] = "2";
            Settings["Api:RequestsPerMinute"] = "2";
            Settings["CalendarFeeds:MissesPerMinute"] = "2";
        }
    }

    private const int Flood = 8;

    private HttpClient BearerClient(string address, string token)
    {
        var client = host.ClientFrom(address);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<List<SecurityEvent>> EventsAsync(string kind)
    {
        await using var db = host.NewDbContext();
        return await db.SecurityEvents.AsNoTracking().Where(e => e.Kind == kind).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>
    /// One row for the whole flood. Two only if the flood straddles the end of a minute (the log's window and the limit's
    /// are the library's fixed windows on the real clock); never one a refusal.
    /// </summary>
    private static void AssertOneRowForTheFlood(List<SecurityEvent> events) => Assert.InRange(events.Count, 1, 2);

    [Fact]
    public async Task Wrong_tokens_past_the_limit_are_logged_once_with_the_address_and_the_tokens_prefix()
    {
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await BearerClient("10.20.0.1", $"pt_sai-{i}-00000000000000000000000000000000").GetAsync("/api/v1/me")).StatusCode);
        for (var i = 0; i < Flood; i++)
            Assert.Equal(HttpStatusCode.TooManyRequests,
                (await BearerClient("10.20.0.1", $"pt_lu-{i}-000000000000000000000000000000").GetAsync("/api/v1/me")).StatusCode);

        var events = (await EventsAsync(SecurityEventKinds.WrongTokensLimited)).Where(e => e.IpAddress == "10.20.0.1").ToList();
        AssertOneRowForTheFlood(events);
        Assert.Equal("/api/v1/me", events[0].Path);
        Assert.Contains("Hơn 2 mã truy cập sai trong một phút", events[0].Detail, StringComparison.Ordinal);
        Assert.Contains("pt_lu-0-00…", events[0].Detail, StringComparison.Ordinal); // the first 10 characters, as tokens are kept
        Assert.DoesNotContain("pt_lu-0-000000", events[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_past_its_requests_per_minute_is_logged_once_with_its_owner_and_prefix()
    {
        const string email = "ratelog.token@cantho.example";
        var viewer = await host.SignedInClientAsync(Roles.Viewer, email: email);
        var created = await viewer.PostFormAsync("/account/tokens", [new("Name", "Đồng bộ"), new("Days", "90")], "/account/tokens?handler=Create");
        var token = PageText.Text(PageText.Parse(await created.Content.ReadAsStringAsync()).Find("#new-token-value"));
        var client = BearerClient("10.20.0.2", token);

        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        for (var i = 0; i < Flood; i++) Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/v1/me")).StatusCode);

        var events = await EventsAsync(SecurityEventKinds.TokenRateLimited);
        AssertOneRowForTheFlood(events);
        Assert.Equal(email, events[0].Email);
        Assert.NotNull(events[0].UserId);
        Assert.Equal("10.20.0.2", events[0].IpAddress);
        Assert.Contains($"mã bắt đầu bằng {token[..10]}…", events[0].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(token, events[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_misses_past_the_limit_are_logged_once_and_refused_in_the_requests_language()
    {
        var client = host.ClientFrom("10.20.0.3");
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/calendar/{i:D40}.ics")).StatusCode);
        for (var i = 0; i < Flood; i++)
            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync($"/calendar/{i + 10:D40}.ics")).StatusCode);

        var events = (await EventsAsync(SecurityEventKinds.CalendarMissesLimited)).Where(e => e.IpAddress == "10.20.0.3").ToList();
        AssertOneRowForTheFlood(events);
        Assert.Contains("Hơn 2 địa chỉ lịch không tồn tại trong một phút", events[0].Detail, StringComparison.Ordinal);

        var vietnamese = await ProblemAsync(client, "vi-VN,vi;q=0.9,en;q=0.5");
        Assert.Equal("Quá nhiều yêu cầu", vietnamese.GetProperty("title").GetString());
        Assert.Contains("địa chỉ lịch không tồn tại", vietnamese.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var english = await ProblemAsync(client, "fr-FR, en;q=0.8"); // the first language the app speaks decides
        Assert.Equal("Too many requests", english.GetProperty("title").GetString());
        Assert.Contains("unknown calendar addresses", english.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ProblemAsync(HttpClient client, string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/calendar/{99:D40}.ics");
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, response.Headers.RetryAfter?.ToString());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task The_security_log_page_names_the_refusals_in_Vietnamese()
    {
        var admin = await host.AdminAsync();
        for (var i = 0; i < 3; i++) await BearerClient("10.20.0.4", $"pt_trang-{i}-0000000000000000000000000000").GetAsync("/api/v1/me");
        for (var i = 0; i < 3; i++) await host.ClientFrom("10.20.0.4").GetAsync($"/calendar/{i + 50:D40}.ics");

        foreach (var (kind, label) in new[]
        {
            (SecurityEventKinds.WrongTokensLimited, "Vượt giới hạn mã truy cập sai (429)"),
            (SecurityEventKinds.CalendarMissesLimited, "Vượt giới hạn địa chỉ lịch không tồn tại (429)"),
        })
        {
            var page = await admin.GetDocumentAsync($"/admin/security?Kind={kind}");
            var rows = page.QuerySelectorAll("table.security-log tbody tr").Where(r => r.Children[3].TextContent.Trim() == "10.20.0.4").ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal(label, r.Children[1].TextContent.Trim()));
        }
        var filter = await admin.GetDocumentAsync("/admin/security");
        Assert.Equal("Vượt giới hạn yêu cầu của mã truy cập (429)",
            filter.QuerySelector($"select[name=Kind] option[value={SecurityEventKinds.TokenRateLimited}]")?.TextContent.Trim());
    }
}
