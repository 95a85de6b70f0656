using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Replies;

namespace MagBot.Dialogs.Topics;

/// <summary>The pieces every topic reply is made of: fact messages, the "Source:" line that names where
/// the facts shown came from, and the follow-up buttons that lead on to other topics.</summary>
public static class TopicReplies
{
    /// <summary>Sends each fact key as its own short message, carrying the sources it cites.</summary>
    public static async Task SendFactsAsync(DialogContext dc, IEnumerable<string> factKeys, IReadOnlyDictionary<string, string?>? args = null, CancellationToken cancellationToken = default)
    {
        foreach (var key in factKeys)
            await dc.SendAsync(new Reply { Text = dc.Content.Text(key, args), Citations = Citations(dc, dc.Content.Entry(key).Sources), FeedbackKey = key }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The distinct <paramref name="sourceIds"/> as numbered citations, in order of first citation.</summary>
    public static IReadOnlyList<ReplyCitation> Citations(DialogContext dc, IEnumerable<string> sourceIds) =>
        ReplyCitation.Of(sourceIds.Select(dc.Content.Source));

    /// <summary>The source ids cited by <paramref name="factKeys"/>, in order of first citation.</summary>
    public static IEnumerable<string> SourcesOf(DialogContext dc, IEnumerable<string> factKeys) =>
        factKeys.SelectMany(k => dc.Content.Entry(k).Sources);

    /// <summary>"Source: title (publisher); …" for the distinct <paramref name="sourceIds"/>.</summary>
    public static string SourceLine(DialogContext dc, IEnumerable<string> sourceIds)
    {
        var items = sourceIds.Distinct(StringComparer.Ordinal).Select(id => dc.Content.Source(id)).Select(s =>
            dc.Content.Text("topic.source.item", new Dictionary<string, string?> { ["title"] = s.Title, ["publisher"] = s.Publisher }));
        return dc.Content.Text("topic.source", new Dictionary<string, string?> { ["sources"] = string.Join("; ", items) });
    }

    public static IReadOnlyList<ReplyButton> Buttons(DialogContext dc, IEnumerable<string> titleKeys) =>
        [.. titleKeys.Select(k => ReplyButton.Same(dc.Content.Text(k)))];

    /// <summary>The last message of a topic: the source line (or "where next?" when no fact was shown, or where each
    /// message already carries its citations) with the follow-up buttons.</summary>
    public static Task SendClosingAsync(DialogContext dc, IEnumerable<string> sourceIds, IReadOnlyList<string> followUpKeys, CancellationToken cancellationToken = default)
    {
        var ids = sourceIds.ToList();
        var next = dc.Content.Text("topic.next");
        var text = ids.Count > 0 ? SourceLine(dc, ids) : next;
        return dc.SendAsync(new Reply { Text = text, TextWhereCited = next, Buttons = Buttons(dc, followUpKeys) }, cancellationToken);
    }

    /// <summary>Yes/no buttons for a confirm prompt, worded from content.</summary>
    public static IReadOnlyList<ChoiceKey> YesNo { get; } = [new("yes", "confirm.yes"), new("no", "confirm.no")];
}
