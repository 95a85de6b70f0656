using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;
using MagBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace MagBot.Bot;

/// <summary>
/// The Bot Framework <see cref="CloudAdapter"/> with MagBot's turn-error boundary. One constructor, so
/// the container cannot pick CloudAdapter's other one by accident.
/// </summary>
public sealed class MagBotAdapter : CloudAdapter
{
    /// <summary>The category of the SDK's own adapter logs. They name conversation and activity ids at
    /// Information, so the host raises this category to Warning.</summary>
    public const string SdkLogCategory = "MagBot.BotFrameworkSdk";

    public MagBotAdapter(
        BotFrameworkAuthentication authentication,
        MagBotActivityHandler bot,
        ConversationRunner runner,
        ContentCatalog content,
        ConversationLockMiddleware conversationLock,
        IEnumerable<Microsoft.Bot.Builder.IMiddleware> middleware,
        ILogger<MagBotAdapter> logger,
        ILoggerFactory loggerFactory)
        : base(authentication, loggerFactory.CreateLogger(SdkLogCategory))
    {
        // The lock first, so it covers everything that loads or saves state; then any other middleware.
        Use(conversationLock);
        foreach (var m in middleware) Use(m);
        OnTurnError = async (turnContext, exception) =>
        {
            // Never the message text or the exception message (it may quote user input): type and stack only.
            logger.LogError("Turn failed with {ExceptionType} at {StackTop}", exception.GetType().FullName, exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim());
            // State unavailable (Redis down) or another turn of this conversation still running: say so, and
            // leave the stored state alone (clearing it would fail, or wipe what the other turn is saving).
            var stateUnavailable = exception is StorageUnavailableException or ConversationBusyException;
            try
            {
                var apology = content.Text(stateUnavailable ? "error.storage" : "error.apology", runner.Args());
                await turnContext.SendActivityAsync(ReplyRenderer.Render(new Reply { Text = apology }, turnContext.Activity.ChannelId)).ConfigureAwait(false);
            }
            catch (Exception inner)
            {
                logger.LogError("Could not apologise after a failed turn: {ExceptionType}", inner.GetType().FullName);
            }
            if (stateUnavailable) return;
            try
            {
                // Clear the broken dialog state "to prevent the bot from getting stuck in an error loop".
                await bot.ResetConversationAsync(turnContext).ConfigureAwait(false);
            }
            catch (Exception inner)
            {
                logger.LogWarning("Could not reset the conversation after a failed turn: {ExceptionType}", inner.GetType().FullName);
            }
        };
    }

    /// <summary>Runs a turn for an activity the edge (<c>MessagesEndpoint</c>) has already authenticated, so the
    /// token is checked once and before the rate limiter counts the turn.</summary>
    public Task<InvokeResponse> ProcessAuthenticatedAsync(AuthenticateRequestResult authentication, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default) =>
        ProcessActivityAsync(authentication, activity, callback, cancellationToken);
}
