using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Replies;

/// <summary>
/// Citations the way Bot Framework Web Chat (4.16 and later) renders them: "[1]" markers in the Markdown text, a
/// reference-style link definition for each ("[1]: url \"title\""), and a schema.org <c>Message</c> entity whose
/// <c>citation</c> list holds one <c>Claim</c> per source, matched to the definition by <c>position</c>
/// (BotFramework-WebChat docs/CITATION.md). Web Chat shows the list under the message and opens the source from it.
/// Teams renders this entity differently and the Emulator not at all, so only Direct Line channels get it; the
/// others keep the "Source:" line.
/// </summary>
public static class CitationMarkup
{
    public const string MessageEntityType = "https://schema.org/Message";

    public static bool IsShownOn(string? channelId) =>
        string.Equals(channelId, Channels.Directline, StringComparison.OrdinalIgnoreCase)
        || string.Equals(channelId, Channels.Webchat, StringComparison.OrdinalIgnoreCase);

    /// <summary>The text with its markers and link definitions appended.</summary>
    public static string AppendMarkers(string text, IReadOnlyList<ReplyCitation> citations)
    {
        var markers = string.Concat(citations.Select(c => $"[{c.Position}]"));
        var definitions = citations.Select(c => $"[{c.Position}]: {Target(c)} \"{c.Title.Replace('"', '\'')}\"");
        return $"{text} {markers}\n\n{string.Join("\n", definitions)}";
    }

    /// <summary>The message's schema.org entity: its citations and, for a sourced answer, the like/dislike actions.</summary>
    public static Entity MessageEntity(IReadOnlyList<ReplyCitation> citations, Feedback.FeedbackTarget? feedback = null)
    {
        var properties = new JObject
        {
            ["@context"] = "https://schema.org",
            ["@id"] = string.Empty,
            ["@type"] = "Message",
            ["citation"] = new JArray(citations.Select(Claim)),
        };
        if (feedback is not null) properties["potentialAction"] = Feedback.FeedbackMarkup.PotentialActions(feedback);
        return new Entity(MessageEntityType) { Properties = properties };
    }

    private static JObject Claim(ReplyCitation c)
    {
        var appearance = new JObject
        {
            ["@type"] = "DigitalDocument",
            ["name"] = c.Title,
            ["abstract"] = Describe(c),
        };
        // Without a URL Web Chat opens the claim's text in a dialog instead of a new tab.
        if (c.Url is not null) appearance["url"] = c.Url;
        else appearance["text"] = Describe(c);
        return new JObject
        {
            ["@type"] = "Claim",
            ["position"] = c.Position,
            ["appearance"] = appearance,
        };
    }

    private static string Target(ReplyCitation c) => c.Url ?? $"cite:{c.Position}";

    private static string Describe(ReplyCitation c) => c.Reference is null ? c.Publisher : $"{c.Publisher}. {c.Reference}";
}
