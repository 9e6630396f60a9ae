using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Accounts;
using PlanTracker.Tests.Support;
using PlanTracker.Web.Features.Account.Tokens;

namespace PlanTracker.Tests.Features.Accounts;

public class ApiTokenTests(ApiTokenTests.Host host) : IClassFixture<ApiTokenTests.Host>
{
    public sealed class Host : PlanTrackerFactory;

    /// <summary>Creates a token on the account page, as its owner does, and returns it as the page showed it.</summary>
    private static async Task<string> CreateOnPageAsync(HttpClient client, string name, string days = "90")
    {
        var response = await client.PostFormAsync("/account/tokens", [new("Name", name), new("Days", days)], "/account/tokens?handler=Create");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PageText.Text(PageText.Parse(await response.Content.ReadAsStringAsync()).Find("#new-token-value"));
    }

    private HttpClient BearerClient(string token, string? language = null)
    {
        var client = host.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task AssertInvalidTokenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Mã truy cập không hợp lệ", (await JsonAsync(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_token_made_on_the_account_page_is_shown_once_and_signs_in_the_api_as_its_user_and_unit()
    {
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP", "token.stp@cantho.example");
        Assert.NotNull((await editor.GetDocumentAsync("/account/password")).QuerySelector("a[href='/account/tokens']"));

        var token = await CreateOnPageAsync(editor, "Văn bản điện tử");

        Assert.StartsWith("pt_", token);
        var page = await editor.GetStringAsync("/account/tokens");
        Assert.DoesNotContain(token, page);
        Assert.Contains("Văn bản điện tử", PageText.Text(PageText.Parse(page).Find("#tokens")));
        var me = await BearerClient(token).GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var json = await JsonAsync(me);
        Assert.Equal("token.stp@cantho.example", json.GetProperty("email").GetString());
        Assert.Equal(Roles.UnitEditor, json.GetProperty("role").GetString());
        Assert.Equal("Sở Tư pháp", json.GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal(await host.UnitIdAsync("STP"), json.GetProperty("unit").GetProperty("id").GetInt32());
        Assert.Equal("Văn bản điện tử", json.GetProperty("token").GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_database_holds_only_the_hash_of_a_token()
    {
        var viewer = await host.SignedInClientAsync(Roles.Viewer, email: "token.hash@cantho.example");
        var token = await CreateOnPageAsync(viewer, "Kiểm tra băm");

        await using var db = host.NewDbContext();
        var row = await db.ApiTokens.SingleAsync(t => t.Name == "Kiểm tra băm");
        Assert.Equal(ApiTokens.Hash(token), row.TokenHash);
        Assert.DoesNotContain(token, string.Join("|", row.Name, row.TokenHash, row.Prefix, row.UserId));
        Assert.True(token.StartsWith(row.Prefix, StringComparison.Ordinal) && row.Prefix.Length < 16);
        Assert.Equal(90, (row.ExpiresAtUtc - row.CreatedAtUtc).TotalDays, 3);
        Assert.Contains(await db.SecurityEvents.Where(e => e.Kind == "ApiTokenCreated").Select(e => e.Detail).ToListAsync(),
            d => d!.Contains("Kiểm tra băm", StringComparison.Ordinal) && !d.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_does_not_open_pages_outside_the_api()
    {
        var admin = await host.AdminAsync();
        var token = await CreateOnPageAsync(admin, "Quản trị");

        var page = await BearerClient(token).GetAsync("/admin/users");
        var export = await BearerClient(token).GetAsync("/admin/plans/template.xlsx");

        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/account/login", page.Headers.Location?.AbsolutePath);
        Assert.NotEqual(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(Roles.Admin, (await JsonAsync(await BearerClient(token).GetAsync("/api/v1/me"))).GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_unit_editors_token_carries_only_the_unit_editors_role()
    {
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP", "token.role@cantho.example");
        var token = await CreateOnPageAsync(editor, "Vai trò");

        var me = await JsonAsync(await BearerClient(token).GetAsync("/api/v1/me"));

        Assert.Equal(Roles.UnitEditor, me.GetProperty("role").GetString());
        Assert.NotEqual(HttpStatusCode.OK, (await BearerClient(token).GetAsync("/admin/plans/template.xlsx")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_answers_401_and_another_user_cannot_revoke_my_token()
    {
        var mine = await host.SignedInClientAsync(Roles.Viewer, email: "token.mine@cantho.example");
        var other = await host.SignedInClientAsync(Roles.Viewer, email: "token.other@cantho.example");
        var token = await CreateOnPageAsync(mine, "Thu hồi");
        await using var db = host.NewDbContext();
        var id = await db.ApiTokens.Where(t => t.TokenHash == ApiTokens.Hash(token)).Select(t => t.Id).SingleAsync();

        var refused = await other.PostFormAsync("/account/tokens", [], $"/account/tokens?handler=Revoke&id={id}");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await BearerClient(token).GetAsync("/api/v1/me")).StatusCode);

        var revoked = await mine.PostFormAsync("/account/tokens", [], $"/account/tokens?handler=Revoke&id={id}");

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Contains("Đã thu hồi", PageText.Text(PageText.Parse(await revoked.Content.ReadAsStringAsync()).Find($"tr[data-token-id='{id}'] .state")));
        await AssertInvalidTokenAsync(await BearerClient(token).GetAsync("/api/v1/me"));
    }

    [Fact]
    public async Task An_expired_token_answers_401()
    {
        var viewer = await host.SignedInClientAsync(Roles.Viewer, email: "token.expired@cantho.example");
        var token = await CreateOnPageAsync(viewer, "Hết hạn", "1");
        await using var db = host.NewDbContext();
        await db.ApiTokens.Where(t => t.TokenHash == ApiTokens.Hash(token))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAtUtc, DateTime.UtcNow.AddMinutes(-1)));

        await AssertInvalidTokenAsync(await BearerClient(token).GetAsync("/api/v1/me"));
    }

    [Fact]
    public async Task The_token_of_a_disabled_account_answers_401()
    {
        var viewer = await host.SignedInClientAsync(Roles.Viewer, email: "token.disabled@cantho.example");
        var token = await CreateOnPageAsync(viewer, "Khóa");
        Assert.Equal(HttpStatusCode.OK, (await BearerClient(token).GetAsync("/api/v1/me")).StatusCode);
        await using var db = host.NewDbContext();
        await db.Users.Where(u => u.Email == "token.disabled@cantho.example").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));

        await AssertInvalidTokenAsync(await BearerClient(token).GetAsync("/api/v1/me"));
    }

    [Theory]
    [InlineData("pt_khong-phai-ma-that-0000000000000000000000")]
    [InlineData("abc")]
    public async Task A_wrong_token_answers_401_in_Vietnamese_or_in_English_when_asked(string token)
    {
        await AssertInvalidTokenAsync(await BearerClient(token).GetAsync("/api/v1/me"));

        var english = await BearerClient(token, "en-US,en;q=0.9,vi;q=0.5").GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, english.StatusCode);
        Assert.Equal("Invalid token", (await JsonAsync(english)).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("", "90", "Nhập tên mã truy cập")]
    [InlineData("Ngày sai", "0", "từ 1 đến 365")]
    [InlineData("Ngày sai", "366", "từ 1 đến 365")]
    public async Task The_page_refuses_a_token_without_a_name_or_with_days_out_of_range(string name, string days, string message)
    {
        var viewer = await host.SignedInClientAsync(Roles.Viewer, email: "token.form@cantho.example");

        var response = await viewer.PostFormAsync("/account/tokens", [new("Name", name), new("Days", days)], "/account/tokens?handler=Create");

        Assert.Contains(message, PageText.Text(PageText.Parse(await response.Content.ReadAsStringAsync()).Find(".errors")));
        Assert.Null(PageText.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#new-token-value"));
    }

    [Fact]
    public async Task An_admin_sees_another_users_tokens_and_revokes_one_which_is_logged_and_answers_401()
    {
        var owner = await host.SignedInClientAsync(Roles.UnitEditor, "STP", "token.admin-revoke@cantho.example");
        var token = await CreateOnPageAsync(owner, "Hệ thống cũ");
        await using var db = host.NewDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == "token.admin-revoke@cantho.example");
        var id = await db.ApiTokens.Where(t => t.TokenHash == ApiTokens.Hash(token)).Select(t => t.Id).SingleAsync();
        var admin = await host.AdminAsync();
        var page = $"/admin/users/{user.Id}/tokens";

        Assert.NotNull((await admin.GetDocumentAsync("/admin/users")).QuerySelector($"a[href='{page}']"));
        var row = (await admin.GetDocumentAsync(page)).Find($"#tokens tr[data-token-id='{id}']");
        Assert.Equal("Hệ thống cũ", PageText.Text(row.Find(".name")));
        Assert.Contains(token[..10], row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Đang dùng", PageText.Text(row.Find(".state")));
        Assert.DoesNotContain(token, row.OuterHtml, StringComparison.Ordinal);

        var revoked = await admin.PostFormAsync(page, [], $"{page}?handler=Revoke&tokenId={id}");

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("Đã thu hồi", PageText.Text(PageText.Parse(await revoked.Content.ReadAsStringAsync()).Find($"tr[data-token-id='{id}'] .state")));
        await AssertInvalidTokenAsync(await BearerClient(token).GetAsync("/api/v1/me"));
        var logged = await db.SecurityEvents.Where(e => e.Kind == "ApiTokenRevoked" && e.UserId == user.Id).Select(e => e.Detail).ToListAsync();
        Assert.Contains(logged, d => d!.Contains("Hệ thống cũ", StringComparison.Ordinal) && d.Contains("bởi Người dùng admin@cantho.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_an_admin_opens_or_posts_another_users_tokens_and_the_post_needs_the_antiforgery_token()
    {
        var owner = await host.SignedInClientAsync(Roles.Viewer, email: "token.admin-only@cantho.example");
        var token = await CreateOnPageAsync(owner, "Không được thu hồi");
        await using var db = host.NewDbContext();
        var userId = await db.Users.Where(u => u.Email == "token.admin-only@cantho.example").Select(u => u.Id).SingleAsync();
        var id = await db.ApiTokens.Where(t => t.TokenHash == ApiTokens.Hash(token)).Select(t => t.Id).SingleAsync();
        var page = $"/admin/users/{userId}/tokens";
        var editor = await host.SignedInClientAsync(Roles.UnitEditor, "STP", "token.admin-only-editor@cantho.example");

        var editorPage = await editor.GetAsync(page);
        var editorPost = await owner.PostFormAsync("/account/tokens", [], $"{page}?handler=Revoke&tokenId={id}");
        var withoutAntiforgery = await (await host.AdminAsync()).PostAsync($"{page}?handler=Revoke&tokenId={id}", new FormUrlEncodedContent([]));
        var editorsPage = $"/admin/users/{await db.Users.Where(u => u.Email == "token.admin-only-editor@cantho.example").Select(u => u.Id).SingleAsync()}/tokens";
        var otherUsersToken = await (await host.AdminAsync()).PostFormAsync(editorsPage, [], $"{editorsPage}?handler=Revoke&tokenId={id}");

        Assert.Equal(HttpStatusCode.Forbidden, editorPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editorPost.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutAntiforgery.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherUsersToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await BearerClient(token).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task The_api_still_accepts_the_cookie_of_a_signed_in_user()
    {
        var viewer = await host.SignedInClientAsync(Roles.Viewer, email: "token.cookie@cantho.example");

        var me = await JsonAsync(await viewer.GetAsync("/api/v1/me"));

        Assert.Equal(Roles.Viewer, me.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("token").ValueKind);
    }
}

public class ApiTokenRateLimitTests(ApiTokenRateLimitTests.Host host) : IClassFixture<ApiTokenRateLimitTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Api:RequestsPerMinute"] = "3";
    }

    [Fact]
    public async Task A_token_over_its_requests_per_minute_gets_429_with_Retry_After_while_another_token_goes_on()
    {
        var viewer = await host.SignedInClientAsync(Roles.Viewer, email: "token.limit@cantho.example");
        var page = await viewer.PostFormAsync("/account/tokens", [new("Name", "Một"), new("Days", "90")], "/account/tokens?handler=Create");
        var first = PageText.Text(PageText.Parse(await page.Content.ReadAsStringAsync()).Find("#new-token-value"));
        page = await viewer.PostFormAsync("/account/tokens", [new("Name", "Hai"), new("Days", "90")], "/account/tokens?handler=Create");
        var second = PageText.Text(PageText.Parse(await page.Content.ReadAsStringAsync()).Find("#new-token-value"));
        var client = host.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", first);

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        var refused = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, refused.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Quá nhiều yêu cầu", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        var other = host.NewClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/me")).StatusCode); // the cookie is not limited per token
    }
}

public class ApiTokenFailureLimitTests(ApiTokenFailureLimitTests.Host host) : IClassFixture<ApiTokenFailureLimitTests.Host>
{
    public sealed class Host : PlanTrackerFactory
    {
        public Host() => Settings["Api:FailedTokensPerMinute"] = "3";
    }

    private HttpClient BearerClient(string token)
    {
        var client = host.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task An_address_past_its_wrong_tokens_per_minute_gets_429_with_Retry_After_whatever_token_it_sends_next()
    {
        var viewer = await host.SignedInClientAsync(Roles.Viewer, email: "token.guesses@cantho.example");
        var page = await viewer.PostFormAsync("/account/tokens", [new("Name", "Đúng"), new("Days", "90")], "/account/tokens?handler=Create");
        var right = PageText.Text(PageText.Parse(await page.Content.ReadAsStringAsync()).Find("#new-token-value"));

        for (var i = 0; i < 3; i++) // each guess a different token: a limit per token would never refuse them
            Assert.Equal(HttpStatusCode.Unauthorized, (await BearerClient($"pt_doan-mo-{i}-000000000000000000000000000000").GetAsync("/api/v1/me")).StatusCode);
        var refused = await BearerClient("pt_doan-mo-3-000000000000000000000000000000").GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, refused.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Quá nhiều yêu cầu", problem.GetProperty("title").GetString());
        Assert.Contains("mã truy cập sai", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Until the minute is over the address is not looked up at all, so a right token waits too; a cookie does not.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await BearerClient(right).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/me")).StatusCode);
    }
}
