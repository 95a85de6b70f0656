using MagBot.Bot;
using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Knowledge;
using MagBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MagBot.DirectLine;

/// <summary>
/// The Bot Framework adapter behind the embedded Direct Line endpoint. It runs the same bot, middleware
/// (typing indicator) and error boundary as the channels' <see cref="MagBotAdapter"/>, but a reply is not
/// POSTed to a <c>serviceUrl</c>: it is appended to the conversation, where the page's Direct Line client
/// picks it up by polling <c>GET …/activities?watermark=</c>.
/// </summary>
public sealed class EmbeddedDirectLineAdapter : BotAdapter
{
    public const string ChannelId = "directline";

    private readonly EmbeddedDirectLineStore _store;
    private readonly TimeProvider _time;

    public EmbeddedDirectLineAdapter(
        EmbeddedDirectLineStore store,
        MagBotActivityHandler bot,
        ConversationRunner runner,
        ContentCatalog content,
        ConversationLockMiddleware conversationLock,
        IEnumerable<Microsoft.Bot.Builder.IMiddleware> middleware,
        TimeProvider time,
        ILogger<EmbeddedDirectLineAdapter> logger)
    {
        _store = store;
        _time = time;
        // The same pipeline as MagBotAdapter: the conversation lock first, then the registered middleware, then typing.
        Use(conversationLock);
        foreach (var m in middleware) Use(m);
        OnTurnError = TurnErrorBoundary.Create(bot, runner, content, logger);
        Use(new TypingIndicatorMiddleware());
    }

    /// <summary>Runs one turn of <paramref name="bot"/> for an activity the page posted to <paramref name="conversation"/>.</summary>
    public async Task ProcessAsync(EmbeddedConversation conversation, Activity activity, IBot bot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        await conversation.TurnLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var context = new TurnContext(this, activity);
            await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            conversation.TurnLock.Release();
        }
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var conversation = Conversation(turnContext);
        var responses = new List<ResourceResponse>(activities.Length);
        foreach (var activity in activities)
        {
            if (activity.Type == ActivityTypes.Delay)
            {
                // As BotFrameworkAdapter does: a "delay" activity pauses the replies (value in milliseconds).
                var ms = activity.Value is null ? 1000 : Convert.ToInt32(activity.Value, System.Globalization.CultureInfo.InvariantCulture);
                await Task.Delay(ms, cancellationToken).ConfigureAwait(false);
                responses.Add(new ResourceResponse());
                continue;
            }
            if (activity.Type is "invokeResponse" or ActivityTypes.Trace)
            {
                responses.Add(new ResourceResponse());
                continue;
            }
            activity.ServiceUrl = null;
            responses.Add(new ResourceResponse(conversation?.Append(activity, _time.GetUtcNow()) ?? string.Empty));
        }
        return [.. responses];
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var updated = Conversation(turnContext)?.Replace(activity) ?? false;
        return updated
            ? Task.FromResult(new ResourceResponse(activity.Id))
            : throw new InvalidOperationException("The activity to update is not in this conversation any more.");
    }

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The embedded Direct Line endpoint does not delete activities; MagBot never asks it to.");

    private EmbeddedConversation? Conversation(ITurnContext turnContext) =>
        _store.TryGet(turnContext.Activity.Conversation?.Id);
}
