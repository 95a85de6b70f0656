using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Support;

/// <summary>
/// What a bot message must respect to show properly in Teams personal chat on desktop and mobile (Teams platform
/// docs, "Format your bot messages" and "Cards reference"): at most 3 suggested actions, only imBack/openUrl
/// buttons, no Markdown Teams shows raw (headings, rules, tables, lists, HTML), Adaptive Cards up to 1.5.
/// </summary>
public static partial class TeamsRules
{
    private static readonly string[] Buttons = ["imBack", "openUrl"];
    private static readonly string[] AdaptiveActions = ["Action.Submit", "Action.OpenUrl", "Action.ShowCard", "Action.ToggleVisibility", "Action.Execute"];

    public static IEnumerable<string> Problems(JObject activity)
    {
        var text = (string?)activity["text"] ?? string.Empty;
        if (Heading().IsMatch(text)) yield return $"heading in text: {text}";
        if (Rule().IsMatch(text)) yield return $"horizontal rule in text: {text}";
        if (Table().IsMatch(text)) yield return $"table in text: {text}";
        if (ListItem().IsMatch(text)) yield return $"Markdown list (desktop only) in text: {text}";
        if (HtmlTag().IsMatch(text)) yield return $"HTML in text: {text}";

        var suggested = activity["suggestedActions"]?["actions"]?.Children<JObject>().ToList() ?? [];
        if (suggested.Count > 3) yield return $"{suggested.Count} suggested actions (Teams shows 3)";
        foreach (var action in suggested)
        {
            if (!Buttons.Contains((string?)action["type"])) yield return $"suggested action of type {(string?)action["type"]}";
        }

        foreach (var attachment in activity["attachments"]?.Children<JObject>() ?? [])
        {
            var type = (string?)attachment["contentType"];
            var content = attachment["content"] as JObject;
            if (type == "application/vnd.microsoft.card.hero")
            {
                foreach (var field in new[] { "title", "subtitle" })
                {
                    if (((string?)content?[field] ?? string.Empty).Contains("**")) yield return $"Markdown in a hero card {field} (Teams shows it raw)";
                }
                foreach (var button in content?["buttons"]?.Children<JObject>() ?? [])
                {
                    if (!Buttons.Contains((string?)button["type"])) yield return $"hero card button of type {(string?)button["type"]}";
                }
            }
            else if (type == "application/vnd.microsoft.card.adaptive")
            {
                if (Version.TryParse((string?)content?["version"], out var version) && version > new Version(1, 5)) yield return $"Adaptive Card {version} (Teams mobile renders up to 1.5)";
                foreach (var action in content?.Descendants().OfType<JObject>().Where(o => ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true) ?? [])
                {
                    if (!AdaptiveActions.Contains((string?)action["type"])) yield return $"Adaptive Card action {(string?)action["type"]}";
                }
            }
            else
            {
                yield return $"attachment of type {type}";
            }
        }
    }

    [GeneratedRegex(@"^#{1,6}\s", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*([-*_])(\s*\1){2,}\s*$", RegexOptions.Multiline)]
    private static partial Regex Rule();

    [GeneratedRegex(@"^\s*\|.*\|\s*$", RegexOptions.Multiline)]
    private static partial Regex Table();

    [GeneratedRegex(@"^\s*[-*+]\s", RegexOptions.Multiline)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z][^>]*>")]
    private static partial Regex HtmlTag();
}
