using System.Net;
using System.Text.RegularExpressions;

namespace PlanTracker.Tests.Support;

public static partial class PageText
{
    /// <summary>The task codes listed in a task table, in page order.</summary>
    public static List<string> TaskCodes(string html) =>
        TaskCodeLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("""<td class="code"><a href="/tasks/\d+">([^<]+)</a>""")]
    private static partial Regex TaskCodeLink();
}
