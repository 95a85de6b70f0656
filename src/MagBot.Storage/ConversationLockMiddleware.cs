using Microsoft.Bot.Builder;

namespace MagBot.Storage;

/// <summary>
/// Bot Framework middleware that runs each turn of a conversation alone (see <see cref="IConversationLock"/>).
/// It must be the adapter's first middleware so the lock covers loading and saving state. When the lock
/// cannot be had (timeout, store down) the exception reaches the adapter's <c>OnTurnError</c>, which apologises.
/// </summary>
public sealed class ConversationLockMiddleware(IConversationLock conversationLock) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var key = KeyOf(turnContext);
        if (key is null)
        {
            // No conversation id, no conversation state to protect.
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }
        var held = await conversationLock.AcquireAsync(key, cancellationToken).ConfigureAwait(false);
        await using (held.ConfigureAwait(false))
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The same scope as <c>ConversationState</c>'s key: channel and conversation id.</summary>
    public static string? KeyOf(ITurnContext turnContext)
    {
        var activity = turnContext?.Activity;
        var channel = activity?.ChannelId;
        var conversation = activity?.Conversation?.Id;
        return string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(conversation) ? null : $"{channel}/{conversation}";
    }
}
