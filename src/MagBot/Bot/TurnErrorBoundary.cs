using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;
using MagBot.Storage;
using Microsoft.Bot.Builder;

namespace MagBot.Bot;

/// <summary>The one <c>OnTurnError</c> both adapters use (Bot Framework channels and the embedded Direct Line).</summary>
public static class TurnErrorBoundary
{
    public static Func<ITurnContext, Exception, Task> Create(MagBotActivityHandler bot, ConversationRunner runner, ContentCatalog content, ILogger logger) =>
        async (turnContext, exception) =>
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
