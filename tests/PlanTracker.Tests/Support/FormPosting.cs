using System.Net;
using System.Text.RegularExpressions;

namespace PlanTracker.Tests.Support;

/// <summary>Posts forms the way a browser does: with the page's anti-forgery token.</summary>
public static partial class FormPosting
{
    public static string AntiforgeryToken(string html)
    {
        var match = TokenInput().Match(html);
        if (!match.Success) throw new InvalidOperationException("No anti-forgery token in the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

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

    [GeneratedRegex("""<input name="__RequestVerificationToken" type="hidden" value="([^"]+)" />""")]
    private static partial Regex TokenInput();
}
