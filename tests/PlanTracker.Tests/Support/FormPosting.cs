namespace PlanTracker.Tests.Support;

/// <summary>Posts forms the way a browser does: with the page's anti-forgery token.</summary>
public static class FormPosting
{
    public static string AntiforgeryToken(string html) => PageText.InputValue(html, "__RequestVerificationToken");

    /// <summary>GETs the page, then POSTs the fields plus its token to the form's action (or the page itself).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl,
        IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var page = await client.GetStringAsync(pageUrl);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", AntiforgeryToken(page))));
        return await client.PostAsync(action ?? pageUrl, content);
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl,
        params (string Key, string Value)[] fields) =>
        client.PostFormAsync(pageUrl, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}
