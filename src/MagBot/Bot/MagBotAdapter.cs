using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Knowledge;
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
        ContentCatalog content,
        ILogger<MagBotAdapter> logger)
        : base(authentication, logger)
    {
        OnTurnError = TurnErrorBoundary.Create(bot, content, logger);
        Use(new TypingIndicatorMiddleware());
    }
}
