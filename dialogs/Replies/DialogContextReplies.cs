using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;

// In the root namespace, so every MagBot dialog sees these members without a using.
namespace MagBot.Dialogs;

/// <summary>What MagBot's dialogs add to the engine's <see cref="DialogContext"/>: the content catalog, and replies
/// rendered for the channel. The engine itself knows only <see cref="IDialogReplies"/>.</summary>
public static class DialogContextReplies
{
    extension(DialogContext dc)
    {
        /// <summary>The wording and sources of this conversation (the <see cref="ContentReplies"/> it speaks through).</summary>
        public ContentCatalog Content => dc.Replies is ContentReplies replies
            ? replies.Content
            : throw new InvalidOperationException($"This DialogContext speaks through {dc.Replies.GetType().Name}; MagBot's dialogs need ContentReplies (ConversationRunner creates it).");

        public Task SendAsync(Reply reply, CancellationToken cancellationToken = default) =>
            ContentReplies.SendAsync(dc.Turn, reply, cancellationToken);

        /// <summary>Sends the wording of a content key, with placeholders filled.</summary>
        public Task SendTextAsync(string key, IReadOnlyDictionary<string, string?>? args = null, CancellationToken cancellationToken = default) =>
            dc.SendAsync(new Reply { Text = dc.Content.Text(key, args) }, cancellationToken);
    }
}
