using Microsoft.Bot.Builder;
using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Knowledge;
using MagBot.Storage;
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
        OnTurnError = TurnErrorBoundary.Create(bot, runner, content, logger);
        // Typing indicators while a turn runs (Bot Framework's ShowTypingMiddleware; see TypingIndicatorMiddleware).
        Use(new TypingIndicatorMiddleware());
    }

    /// <summary>Runs a turn for an activity the edge (<c>MessagesEndpoint</c>) has already authenticated, so the
    /// token is checked once and before the rate limiter counts the turn.</summary>
    public Task<InvokeResponse> ProcessAuthenticatedAsync(AuthenticateRequestResult authentication, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default) =>
        ProcessActivityAsync(authentication, activity, callback, cancellationToken);
}
