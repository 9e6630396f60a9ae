using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PlanTracker.Tests.Support;

/// <summary>Reads pages the way a browser does: parsed into a DOM (AngleSharp) and asked by selector.</summary>
public static class PageText
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url) =>
        Parse(await client.GetStringAsync(url));

    /// <summary>The first element matching the selector; fails the test when there is none.</summary>
    public static IElement Find(this IParentNode node, string selector) =>
        node.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"Nothing on the page matches {selector}.");

    /// <summary>
    /// The text a reader sees: every element boundary counts as a space, runs of whitespace collapse to one,
    /// scripts and styles are left out. So a table row reads "Tổng cộng 17 3 2", not "Tổng cộng1732".
    /// </summary>
    public static string Text(INode node)
    {
        var text = new StringBuilder();
        Append(node, text);
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    public static string Text(string html) => Text(Parse(html).DocumentElement);

    private static void Append(INode node, StringBuilder text)
    {
        if (node is IText t) { text.Append(t.Data); return; }
        if (node is IElement { LocalName: "script" or "style" or "template" }) return;
        text.Append(' ');
        foreach (var child in node.ChildNodes) Append(child, text);
        text.Append(' ');
    }

    /// <summary>The value of the form field with that name (a hidden version stamp, the anti-forgery token).</summary>
    public static string InputValue(string html, string name) =>
        Parse(html).Find($"input[name=\"{name}\"]").GetAttribute("value") ?? "";

    /// <summary>The task codes listed in a task table, in page order.</summary>
    public static List<string> TaskCodes(string html) =>
        Parse(html).QuerySelectorAll("td.code > a[href^=\"/tasks/\"]").Select(a => a.TextContent).ToList();

    /// <summary>The texts of every link on the page, in page order.</summary>
    public static List<string> LinkTexts(string html) =>
        Parse(html).QuerySelectorAll("a").Select(a => a.TextContent).ToList();

    /// <summary>The id in the link of the task with that code (<c>/tasks/12</c> gives 12).</summary>
    public static string TaskId(string html, string code) =>
        Parse(html).QuerySelectorAll("a[href^=\"/tasks/\"]").First(a => a.TextContent == code).GetAttribute("href")!["/tasks/".Length..];
}
