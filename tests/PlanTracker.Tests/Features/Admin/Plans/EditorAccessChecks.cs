using System.Net;
using PlanTracker.Tests.Support;

namespace PlanTracker.Tests.Features.Admin.Plans;

public sealed record EditorRequest(string Url, string? Handler = null, params (string Key, string Value)[] Fields)
{
    public bool IsPost => Handler is not null || Fields.Length > 0;
    public string Action => Handler is null ? Url : $"{Url}?handler={Handler}";
    public override string ToString() => IsPost ? $"POST {Action}" : $"GET {Url}";
}

/// <summary>Runs a list of editor requests as someone who may not edit, and checks each is refused and nothing changed.</summary>
public static class EditorAccessChecks
{
    public static async Task AssertAllRefusedAsync(PlanTrackerFactory host, HttpClient client, bool signedIn, IEnumerable<EditorRequest> requests)
    {
        var before = await host.FingerprintAsync();
        // A signed-in user's anti-forgery token comes from a page they may open, so that a refusal is the
        // authorisation's doing, not the token's.
        var tokenPage = signedIn ? "/account/password" : "/account/login";
        foreach (var request in requests)
        {
            var response = request.IsPost
                ? await client.PostFormAsync(tokenPage, request.Fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), request.Action)
                : await client.GetAsync(request.Url);
            if (signedIn) await EditorTesting.AssertForbiddenAsync(client, response, request.ToString());
            else EditorTesting.AssertSentToSignIn(response, request.ToString());
        }
        Assert.Equal(before, await host.FingerprintAsync());
    }

    public static async Task AssertAllOpenAsync(HttpClient admin, IEnumerable<EditorRequest> requests)
    {
        foreach (var request in requests.Where(r => !r.IsPost))
        {
            var response = await admin.GetAsync(request.Url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{request}: {(int)response.StatusCode}");
        }
    }
}
