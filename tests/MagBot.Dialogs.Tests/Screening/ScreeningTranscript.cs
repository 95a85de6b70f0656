using System.Text.RegularExpressions;
using MagBot.Dialogs.Replies;
using MagBot.Dialogs.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Tests.Screening;

/// <summary>Checks shared by the screening conversation tests: the summary card, and that no reply calls anything safe.</summary>
public static partial class ScreeningTranscript
{
    /// <summary>Every "safe" a reply may contain: only in the sentence that says not knowing is not the same as safe.</summary>
    [GeneratedRegex(@"\bsafe(ly)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Safe();

    [GeneratedRegex(@"not the same as safe", RegexOptions.IgnoreCase)]
    private static partial Regex AllowedSafe();

    public static void AssertNeverCallsSafe(IEnumerable<IMessageActivity> replies)
    {
        foreach (var r in replies)
        {
            var text = AllowedSafe().Replace(r.Text ?? string.Empty, string.Empty)
                + string.Join(" ", (r.Attachments ?? []).Select(a => Newtonsoft.Json.JsonConvert.SerializeObject(a.Content)));
            Assert.False(Safe().IsMatch(AllowedSafe().Replace(text, string.Empty)), $"A reply calls something safe: {r.Text}");
        }
    }

    /// <summary>The Adaptive Card of the turn: exactly one, type AdaptiveCard, version 1.5, with a body of elements that have types.</summary>
    public static JObject SummaryCard(IEnumerable<IMessageActivity> replies)
    {
        var attachment = Assert.Single(replies.SelectMany(r => r.Attachments ?? []), a => a.ContentType == AdaptiveReplyCard.ContentType);
        var card = attachment.Content as JObject ?? JObject.FromObject(attachment.Content);
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        var body = Assert.IsType<JArray>(card["body"]);
        Assert.NotEmpty(body);
        Assert.All(body, e => Assert.False(string.IsNullOrEmpty((string?)e["type"])));
        // Round-trips as JSON (what the channel receives).
        Assert.Equal("AdaptiveCard", (string?)JObject.Parse(card.ToString())["type"]);
        return card;
    }

    public static string CardText(JObject card) =>
        string.Join("\n", card.SelectTokens("$..text").Select(t => (string?)t)
            .Concat(card.SelectTokens("$..title").Select(t => (string?)t))
            .Concat(card.SelectTokens("$..value").Select(t => (string?)t)));

    /// <summary>Ends a screening from wherever it stands: no more medicines, no conditions. Returns the final turn's replies.</summary>
    public static async Task<IReadOnlyList<IMessageActivity>> FinishAsync(BotConversation conv)
    {
        var replies = await conv.SendAsync("No, that's all");
        if (replies.AllText().Contains("Do any of these apply", StringComparison.Ordinal))
            replies = await conv.SendAsync("None of these");
        return replies;
    }
}
