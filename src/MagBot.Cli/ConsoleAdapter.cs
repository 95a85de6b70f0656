using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MagBot.Cli;

/// <summary>
/// A Bot Framework adapter for the terminal: each line typed becomes a message activity that runs
/// through the same bot and middleware as the service; replies are printed with their buttons.
/// </summary>
public sealed class ConsoleAdapter(TextWriter output) : BotAdapter
{
    private readonly ConversationReference _conversation = new()
    {
        ChannelId = "console",
        ServiceUrl = "urn:magbot:console",
        Conversation = new ConversationAccount(id: "console-" + Guid.NewGuid().ToString("N")),
        User = new ChannelAccount("console-user", "You"),
        Bot = new ChannelAccount("magbot", "MagBot"),
    };

    /// <summary>Starts the conversation the way a channel does: the user joins.</summary>
    public Task JoinAsync(IBot bot, CancellationToken cancellationToken = default)
    {
        var activity = (Activity)Activity.CreateConversationUpdateActivity();
        activity.MembersAdded = [_conversation.User];
        return RunAsync(activity, bot, cancellationToken);
    }

    public Task SayAsync(string text, IBot bot, CancellationToken cancellationToken = default) =>
        RunAsync((Activity)Activity.CreateMessageActivity(), bot, cancellationToken, text);

    private Task RunAsync(Activity activity, IBot bot, CancellationToken cancellationToken, string? text = null)
    {
        activity.ApplyConversationReference(_conversation, isIncoming: true);
        activity.Id = Guid.NewGuid().ToString("N");
        activity.Text = text;
        activity.Timestamp = DateTimeOffset.UtcNow;
        activity.Locale = "en-US";
        using var context = new TurnContext(this, activity);
        return RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken);
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        foreach (var a in activities)
        {
            if (a.Type == ActivityTypes.Typing) continue;
            if (a.Type == "delay") continue;
            if (!string.IsNullOrEmpty(a.Text)) output.WriteLine($"MagBot: {a.Text}");
            foreach (var att in a.Attachments ?? [])
            {
                output.WriteLine($"  [card {att.ContentType}] {Newtonsoft.Json.JsonConvert.SerializeObject(att.Content)}");
            }
            var actions = a.SuggestedActions?.Actions;
            if (actions is { Count: > 0 })
            {
                output.WriteLine("  " + string.Join("  ", actions.Select((x, i) => $"[{i + 1}] {x.Title}")));
            }
        }
        return Task.FromResult(activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray());
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The console cannot update a message it has printed.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The console cannot delete a message it has printed.");
}
