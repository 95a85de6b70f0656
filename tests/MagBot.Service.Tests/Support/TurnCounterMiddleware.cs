using Microsoft.Bot.Builder;

namespace MagBot.Service.Tests.Support;

/// <summary>
/// Counts the message turns of a conversation in its ConversationState, with a pause between reading the
/// count and the save at the end of the turn — the window in which two unsynchronised turns would both read
/// N and both save N + 1. With the conversation lock, K turns always leave K.
/// </summary>
public sealed class TurnCounterMiddleware(ConversationState conversationState) : IMiddleware
{
    public const string PropertyName = "Test.TurnCount";

    public sealed class TurnCount
    {
        public int Count { get; set; }
    }

    private readonly IStatePropertyAccessor<TurnCount> _count = conversationState.CreateProperty<TurnCount>(PropertyName);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Type == Microsoft.Bot.Schema.ActivityTypes.Message)
        {
            var count = await _count.GetForUpdateAsync(turnContext, () => new TurnCount(), cancellationToken);
            await Task.Delay(25, cancellationToken);
            count.Count++;
        }
        await next(cancellationToken);
    }
}
