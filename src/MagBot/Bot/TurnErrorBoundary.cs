using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;
using Microsoft.Bot.Builder;

namespace MagBot.Bot;

/// <summary>The one <c>OnTurnError</c> both adapters use (Bot Framework channels and the embedded Direct Line).</summary>
public static class TurnErrorBoundary
{
    public static Func<ITurnContext, Exception, Task> Create(MagBotActivityHandler bot, ContentCatalog content, ILogger logger) =>
        async (turnContext, exception) =>
        {
            // Never the message text or the exception message (it may quote user input): type and stack only.
            logger.LogError("Turn failed with {ExceptionType} at {StackTop}", exception.GetType().FullName, exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim());
            try
            {
                // Clear the broken dialog state "to prevent the bot from getting stuck in an error loop".
                await bot.ResetConversationAsync(turnContext).ConfigureAwait(false);
                await turnContext.SendActivityAsync(ReplyRenderer.Render(new Reply { Text = content.Text("error.apology") }, turnContext.Activity.ChannelId)).ConfigureAwait(false);
            }
            catch (Exception inner)
            {
                logger.LogError("Could not apologise after a failed turn: {ExceptionType}", inner.GetType().FullName);
            }
        };
}
