using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Support;

/// <summary>
/// A conversation with the real bot over the Bot Framework <see cref="TestAdapter"/> that returns every
/// reply of each turn, for tests that look at a whole turn rather than one reply at a time:
/// <code>var replies = await conv.SendAsync("what foods have magnesium"); Assert.Contains("pumpkin", replies.AllText());</code>
/// </summary>
public sealed class BotConversation : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IBot _bot;

    public BotConversation(IDictionary<string, string?>? settings = null, string channelId = Channels.Test, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        _services = InProcessBot.Create(configuration, configure);
        _bot = _services.GetRequiredService<IBot>();
        Adapter = new TestAdapter(channelId);
        // TestAdapter puts its conversation name into conversationType; channels send null or, in Teams, "personal".
        Adapter.Conversation.Conversation.ConversationType = channelId == Channels.Msteams ? "personal" : null;
    }

    public TestAdapter Adapter { get; }
    public IServiceProvider Services => _services;

    public async Task<IReadOnlyList<IMessageActivity>> SendAsync(string text)
    {
        await Adapter.SendTextToBotAsync(text, _bot.OnTurnAsync, CancellationToken.None);
        return Drain();
    }

    public async Task<IReadOnlyList<IMessageActivity>> SendActivityAsync(Activity activity)
    {
        var reference = Adapter.Conversation;
        activity.ApplyConversationReference(reference, isIncoming: true);
        activity.Id ??= Guid.NewGuid().ToString("N");
        await Adapter.ProcessActivityAsync(activity, _bot.OnTurnAsync, CancellationToken.None);
        return Drain();
    }

    /// <summary>The user joins (Emulator/Direct Line style) and gets the welcome.</summary>
    public Task<IReadOnlyList<IMessageActivity>> JoinAsync() => SendActivityAsync(BotTester.UserJoins(Adapter.Conversation.User.Id));

    private List<IMessageActivity> Drain()
    {
        var replies = new List<IMessageActivity>();
        while (Adapter.GetNextReply() is { } reply)
        {
            if (reply.Type == ActivityTypes.Message) replies.Add((IMessageActivity)reply);
        }
        return replies;
    }

    public void Dispose() => _services.Dispose();
}

public static class ReplyExtensions
{
    /// <summary>All reply texts of a turn joined by newlines (cards' text included).</summary>
    public static string AllText(this IEnumerable<IMessageActivity> replies) =>
        string.Join("\n", replies.SelectMany(r => new[] { r.Text ?? string.Empty }
            .Concat((r.Attachments ?? []).Select(a => a.Content is HeroCard h ? $"{h.Title}\n{h.Text}" : Newtonsoft.Json.JsonConvert.SerializeObject(a.Content)))));

    /// <summary>Every button title offered in the turn.</summary>
    public static IReadOnlyList<string> AllButtons(this IEnumerable<IMessageActivity> replies) =>
        [.. replies.SelectMany(BotTester.Buttons)];
}

public static class ActivityButtonExtensions
{
    /// <summary>The button titles of one reply (suggested actions and card buttons).</summary>
    public static string[] AllButtonsOf(this Microsoft.Bot.Schema.IMessageActivity reply) => [.. BotTester.Buttons(reply)];
}
