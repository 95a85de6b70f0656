using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MagBot.Bot;

/// <summary>
/// Bot Framework's <see cref="ShowTypingMiddleware"/> (a typing activity when a turn takes longer than half a
/// second, repeated every two), except for <c>deliveryMode: expectReplies</c>: those replies are returned in one
/// HTTP response, where a typing activity means nothing, and ShowTypingMiddleware would add it to the adapter's
/// reply buffer from another thread while the bot adds its own replies.
/// </summary>
public sealed class TypingIndicatorMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    private readonly ShowTypingMiddleware _typing = new();

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        return turnContext.Activity.DeliveryMode == DeliveryModes.ExpectReplies
            ? next(cancellationToken)
            : _typing.OnTurnAsync(turnContext, next, cancellationToken);
    }
}
