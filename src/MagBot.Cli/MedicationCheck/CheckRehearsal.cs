using MagBot.Dialogs;
using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Topics;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MagBot.Cli.MedicationCheck;

/// <summary>
/// Plays one answer to the medication check through the whole turn (safety screen, commands, intents, the check):
/// the check is opened with its menu button, the answer sent, and the stack looked at. Nothing is stored or sent.
/// </summary>
public sealed class CheckRehearsal(ConversationRunner runner, ContentCatalog content)
{
    public async Task<bool> StaysInCheckAsync(string answer, CancellationToken cancellationToken = default)
    {
        var data = new ConversationData { Welcomed = true };
        await SayAsync(content.Text("menu.medications"), data, cancellationToken).ConfigureAwait(false);
        if (!Holds(data)) throw new InvalidOperationException("The medication check did not open from its menu button.");
        await SayAsync(answer, data, cancellationToken).ConfigureAwait(false);
        return Holds(data);
    }

    private static bool Holds(ConversationData data) => data.Stack.Any(i => i.Id == InteractionScreeningDialog.DialogId);

    private async Task SayAsync(string text, ConversationData data, CancellationToken cancellationToken)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            ChannelId = "test",
            Conversation = new ConversationAccount(id: "rehearsal"),
            From = new ChannelAccount("user", "User"),
            Recipient = new ChannelAccount("bot", "MagBot"),
            Locale = "en-US",
        };
        using var turn = new TurnContext(new SilentAdapter(), activity);
        await runner.OnMessageAsync(turn, data, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replies go nowhere: only where the conversation ends up matters here.</summary>
    private sealed class SilentAdapter : BotAdapter
    {
        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken) =>
            Task.FromResult(activities.Select(_ => new ResourceResponse("r")).ToArray());

        public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
