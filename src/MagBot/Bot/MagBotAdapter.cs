using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Knowledge;
using MagBot.Storage;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace MagBot.Bot;

/// <summary>
/// The Bot Framework <see cref="CloudAdapter"/> with MagBot's turn-error boundary. One constructor, so
/// the container cannot pick CloudAdapter's other one by accident.
/// </summary>
public sealed class MagBotAdapter : CloudAdapter
{
    public MagBotAdapter(
        BotFrameworkAuthentication authentication,
        MagBotActivityHandler bot,
        ConversationRunner runner,
        ContentCatalog content,
        ConversationLockMiddleware conversationLock,
        IEnumerable<Microsoft.Bot.Builder.IMiddleware> middleware,
        ILogger<MagBotAdapter> logger)
        : base(authentication, logger)
    {
        // The lock first, so it covers everything that loads or saves state; then any other middleware.
        Use(conversationLock);
        foreach (var m in middleware) Use(m);
        OnTurnError = TurnErrorBoundary.Create(bot, runner, content, logger);
        // Typing indicators while a turn runs (Bot Framework's ShowTypingMiddleware; see TypingIndicatorMiddleware).
        Use(new TypingIndicatorMiddleware());
    }
}
