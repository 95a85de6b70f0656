using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Feedback;
using MagBot.Dialogs.Replies;
using MagBot.Dialogs.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace MagBot.Dialogs.Bot;

/// <summary>
/// The bot as the Bot Framework sees it: loads conversation state, greets people when they join
/// (whichever way their channel announces it), passes messages to the <see cref="ConversationRunner"/>,
/// and saves state at the end of the turn.
/// </summary>
public sealed class MagBotActivityHandler(
    ConversationState conversationState,
    UserState userState,
    ConversationRunner runner,
    ILogger<MagBotActivityHandler> logger,
    ConversationMetrics metrics) : ActivityHandler
{
    public const string WebChatJoinEvent = "webchat/join";

    private readonly IStatePropertyAccessor<ConversationData> _data = conversationState.CreateProperty<ConversationData>("MagBot.Conversation");

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var started = ConversationMetrics.Timestamp();
        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (turnContext.TurnState.Get<object>(DeletedKey) is null)
        {
            await conversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
            await userState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        }
        metrics.Turn(turnContext.Activity, started);
    }

    private const string DeletedKey = "MagBot.DataDeleted";

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var data = await LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var outcome = await runner.OnMessageAsync(turnContext, data, cancellationToken).ConfigureAwait(false);
        if (outcome == TurnOutcome.DeleteData)
        {
            await conversationState.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
            await userState.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
            turnContext.TurnState.Add(DeletedKey, new object());
            logger.LogInformation("Conversation and user state deleted at the user's request");
        }
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        var someoneElse = membersAdded.Any(m => m.Id != botId);
        // Teams personal scope announces only the bot being added; that is the user installing it.
        var teamsPersonal = turnContext.Activity.ChannelId == Channels.Msteams
            && turnContext.Activity.Conversation?.ConversationType is null or "personal"
            && membersAdded.Any(m => m.Id == botId);
        if (someoneElse || teamsPersonal)
        {
            await WelcomeAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Conversation?.ConversationType is null or "personal")
            await WelcomeAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task OnEventActivityAsync(ITurnContext<IEventActivity> turnContext, CancellationToken cancellationToken)
    {
        if (string.Equals(turnContext.Activity.Name, WebChatJoinEvent, StringComparison.Ordinal))
            await WelcomeAsync(turnContext, cancellationToken).ConfigureAwait(false);
        else if (FeedbackMarkup.Read(turnContext.Activity) is { } feedback)
            await runner.OnFeedbackAsync(turnContext, await LoadAsync(turnContext, cancellationToken).ConfigureAwait(false), feedback, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Teams' feedback buttons (and newer Web Chat's) send <c>message/submitAction</c>; other invokes are the SDK's.</summary>
    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        if (!string.Equals(turnContext.Activity.Name, FeedbackMarkup.SubmitActionInvokeName, StringComparison.Ordinal))
            return await base.OnInvokeActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (FeedbackMarkup.Read(turnContext.Activity) is not { } feedback)
            return new InvokeResponse { Status = 400, Body = new { error = "Expected actionName 'feedback' with actionValue.reaction 'like' or 'dislike'." } };
        await runner.OnFeedbackAsync(turnContext, await LoadAsync(turnContext, cancellationToken).ConfigureAwait(false), feedback, cancellationToken).ConfigureAwait(false);
        return new InvokeResponse { Status = 200 };
    }

    private async Task WelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var data = await LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await runner.WelcomeAsync(turnContext, data, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads this conversation's state; state that cannot be read (a newer or broken shape)
    /// is replaced by a fresh conversation and the user is told, rather than failing every turn.</summary>
    private async Task<ConversationData> LoadAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ConversationData? data;
        try
        {
            data = await _data.GetAsync(turnContext, () => new ConversationData(), cancellationToken).ConfigureAwait(false);
            // BotState hands back a converted *copy* of state read from storage as JSON and keeps the JSON:
            // without setting the copy back, this turn's changes would never be saved.
            if (data is not null) await _data.SetAsync(turnContext, data, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidCastException or ArgumentException or FormatException)
        {
            logger.LogWarning("Conversation state unreadable ({Error}); starting fresh", e.GetType().Name);
            data = null;
        }

        if (data is null || data.Version != ConversationData.CurrentVersion)
        {
            var welcomed = data?.Welcomed ?? false;
            data = new ConversationData { Welcomed = welcomed };
            await _data.SetAsync(turnContext, data, cancellationToken).ConfigureAwait(false);
            // The runner tells the user, after the safety screen: urgent guidance always comes first.
            if (turnContext.Activity.Type == ActivityTypes.Message)
                turnContext.TurnState[ConversationRunner.RestartedNoticeKey] = true;
        }
        return data;
    }

    /// <summary>Clears this conversation's dialog state after a failed turn, so the next message works.</summary>
    public async Task ResetConversationAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await conversationState.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }
}
