using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;

// In the root namespace, so every MagBot dialog sees these members without a using.
namespace MagBot.Dialogs;

/// <summary>What MagBot's dialogs add to the engine's <see cref="DialogContext"/>: the content catalog, and replies
/// rendered for the channel. The engine itself knows only <see cref="IDialogReplies"/>.</summary>
public static class DialogContextReplies
{
    private const string TopicHintKey = "MagBot.TopicHint";

    extension(DialogContext dc)
    {
        /// <summary>The wording and sources of this conversation (the <see cref="ContentReplies"/> it speaks through).</summary>
        public ContentCatalog Content => dc.Replies is ContentReplies replies
            ? replies.Content
            : throw new InvalidOperationException($"This DialogContext speaks through {dc.Replies.GetType().Name}; MagBot's dialogs need ContentReplies (ConversationRunner creates it).");

        /// <summary>The application's data of this conversation, which the runner puts on the turn.</summary>
        public Bot.ConversationData Data => dc.Turn.TurnState.Get<Bot.ConversationData>()
            ?? throw new InvalidOperationException("No ConversationData on this turn: ConversationRunner puts it there when it creates the DialogContext.");

        /// <summary>The topic (dialog id) an answer given outside any dialog belongs to (a specific question's topic).</summary>
        public string? TopicHint
        {
            get => dc.Turn.TurnState.Get<string>(TopicHintKey);
            set => dc.Turn.TurnState.Set(TopicHintKey, value);
        }

        public Task SendAsync(Reply reply, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(reply);
            if (reply.Citations.Count > 0 && reply.Rateable && dc.Turn.TurnState.Get<Bot.ConversationData>() is { } data)
            {
                // A sourced answer: rateable, and the one the feedback command rates until the next.
                var topic = dc.Stack.FirstOrDefault()?.Id ?? dc.TopicHint ?? "none";
                var target = new Feedback.FeedbackTarget(reply.FeedbackKey ?? topic, topic);
                data.LastSourced = target;
                reply = reply with { Feedback = target };
            }
            return ContentReplies.SendAsync(dc.Turn, reply, cancellationToken);
        }

        /// <summary>Sends the wording of a content key, with placeholders filled.</summary>
        public Task SendTextAsync(string key, IReadOnlyDictionary<string, string?>? args = null, CancellationToken cancellationToken = default) =>
            dc.SendAsync(new Reply { Text = dc.Content.Text(key, args) }, cancellationToken);
    }
}
