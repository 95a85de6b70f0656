using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Knowledge;
using Microsoft.Bot.Builder;

namespace MagBot.Dialogs.Replies;

/// <summary>
/// MagBot's side of the engine's <see cref="IDialogReplies"/>: wording comes from the <see cref="ContentCatalog"/>, and
/// every message goes out as a <see cref="Reply"/> rendered for the channel (<see cref="ReplyRenderer"/>).
/// </summary>
public sealed class ContentReplies(ContentCatalog content) : IDialogReplies
{
    public ContentCatalog Content { get; } = content ?? throw new ArgumentNullException(nameof(content));

    public string Text(string key, IReadOnlyDictionary<string, string?>? args = null) => Content.Text(key, args);

    public Task SendAsync(ITurnContext turn, string text, IReadOnlyList<string> buttons, CancellationToken cancellationToken = default) =>
        SendAsync(turn, new Reply { Text = text, Buttons = [.. buttons.Select(ReplyButton.Same)] }, cancellationToken);

    /// <summary>Sends <paramref name="reply"/> rendered for the turn's channel; a "Source:" line is left out where the
    /// channel shows citations.</summary>
    public static Task SendAsync(ITurnContext turn, Reply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(reply);
        return reply.ShownOnlyWithoutCitations && CitationMarkup.IsShownOn(turn.Activity?.ChannelId)
            ? Task.CompletedTask
            : turn.SendActivityAsync(ReplyRenderer.Render(reply, turn.Activity?.ChannelId), cancellationToken);
    }
}
