using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Tests.Support;

/// <summary>
/// Finds markup that a channel would render as active: HTML tags, Markdown links and images that were
/// not escaped, and links to script or to the test's "evil" host in cards. Escaped text
/// (<c>\[click\]\(…</c>, <c>&amp;lt;script&amp;gt;</c>) is inert and passes.
/// </summary>
public static partial class ActiveMarkup
{
    [GeneratedRegex(@"<\s*/?\s*(script|img|iframe|svg|object|embed|a|b|i|style|link|meta|form|input|button)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(?<!\\)!\[")]
    private static partial Regex MarkdownImage();

    [GeneratedRegex(@"(?<!\\)\]\(\s*(javascript|data|vbscript|https?://evil)", RegexOptions.IgnoreCase)]
    private static partial Regex HostileMarkdownLink();

    private static readonly string[] UrlProperties = ["url", "href", "iconUrl", "imageUrl", "backgroundImage", "src"];

    /// <summary>Every problem found in the replies, as readable strings (empty when all is inert).</summary>
    public static IReadOnlyList<string> Find(IEnumerable<IMessageActivity> replies)
    {
        var problems = new List<string>();
        foreach (var reply in replies)
        {
            CheckText("text", reply.Text, problems);
            foreach (var action in reply.SuggestedActions?.Actions ?? [])
            {
                if (action.Type == ActionTypes.OpenUrl) CheckUrl("suggested action", action.Value?.ToString(), problems);
            }
            foreach (var attachment in reply.Attachments ?? [])
            {
                if (attachment.ContentUrl is { } contentUrl) CheckUrl("attachment contentUrl", contentUrl, problems);
                if (attachment.Content is null) continue;
                var json = attachment.Content as JToken ?? JToken.FromObject(attachment.Content);
                foreach (var value in json.SelectTokens("$..*").OfType<JValue>().Where(v => v.Type == JTokenType.String))
                {
                    var name = (value.Parent as JProperty)?.Name ?? string.Empty;
                    var s = (string)value.Value!;
                    if (UrlProperties.Contains(name, StringComparer.OrdinalIgnoreCase)) CheckUrl($"card {name}", s, problems);
                    else CheckText($"card {name}", s, problems);
                }
            }
        }
        return problems;
    }

    private static void CheckText(string where, string? text, List<string> problems)
    {
        if (string.IsNullOrEmpty(text)) return;
        if (HtmlTag().IsMatch(text)) problems.Add($"{where}: HTML tag in \"{Short(text)}\"");
        if (MarkdownImage().IsMatch(text)) problems.Add($"{where}: Markdown image in \"{Short(text)}\"");
        if (HostileMarkdownLink().IsMatch(text)) problems.Add($"{where}: hostile Markdown link in \"{Short(text)}\"");
    }

    private static void CheckUrl(string where, string? url, List<string> problems)
    {
        if (url is null) return;
        if (url.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || url.Contains("evil.example", StringComparison.OrdinalIgnoreCase))
            problems.Add($"{where}: hostile URL \"{Short(url)}\"");
    }

    private static string Short(string s) => s.Length <= 160 ? s : s[..160] + "…";
}
